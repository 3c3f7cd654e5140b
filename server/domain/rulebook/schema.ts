/**
 * Validation of rulebooks (a whole one, or a preset with a sitting's overrides). Unknown fields are
 * errors, so a misspelt override never passes silently. Errors are InputErrors whose issue paths
 * name the field, e.g. ["quorum", "fraction"].
 */
import { z } from 'zod';
import { InputError, type InputIssue } from '../errors';
import { quorumJudgements, type Rulebook } from '../rulebook';
import { electionFields, electionMajorities, electionTieRules } from '@contract/elections';
import { majorityKinds, orderPolicies, type MajorityKind, type OrderPolicy } from '../procedure/vocabulary';

/** One day: no single time limit in a sitting is longer. */
const MAX_SECONDS = 24 * 60 * 60;

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must be a lower-case id (a–z, 0–9, _)')
  .max(64);
const text = z.string().trim().min(1, 'must not be empty').max(200);
const seconds = z.number().int('must be whole seconds').min(1, 'must be at least 1 second').max(MAX_SECONDS, 'must be at most one day');
const secondsOrNone = seconds.nullable();
const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

function uniqueIds(ids: readonly string[], ctx: z.RefinementCtx, path: readonly (string | number)[]): void {
  const seen = new Set<string>();
  ids.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', message: `duplicate id "${value}"`, path: [...path, index] });
    seen.add(value);
  });
}

const categoriesSchema = z
  .array(z.strictObject({ id, label: z.strictObject({ de: text, en: text }) }))
  .min(1, 'needs at least one category')
  .superRefine((categories, ctx) =>
    uniqueIds(
      categories.map((c) => c.id),
      ctx,
      [],
    ),
  );

export const rulebookSchema: z.ZodType<Rulebook> = z
  .strictObject({
    preset: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lower-case slug')
      .max(64),
    name: text,
    speech: z.strictObject({
      limits: z.strictObject({ speech: secondsOrNone, interjection: secondsOrNone, short_intervention: secondsOrNone }),
      maxSpeechesPerItem: z.number().int().min(1, 'must be at least 1 (or null for unlimited)').max(1000).nullable(),
      interjectionsEnabled: z.boolean(),
      shortInterventionsEnabled: z.boolean(),
      shortInterventionAnswerSeconds: secondsOrNone,
    }),
    pointsOfOrder: z.strictObject({
      limitSeconds: seconds,
      hearOneAgainst: z.boolean(),
      categories: categoriesSchema,
    }),
    speakingTime: z.strictObject({
      debateSeconds: secondsOrNone,
      split: z.enum(['seats', 'equal_plus_seats']),
      /** Used with equal_plus_seats only; taken to six decimals by the split. */
      equalShare: share,
      minimumPerFaction: z.number().int('must be whole seconds').min(0, 'must not be negative').max(MAX_SECONDS),
      perIndependentSeconds: z.number().int('must be whole seconds').min(0, 'must not be negative').max(MAX_SECONDS).nullable(),
    }),
    order: z.strictObject({
      defaultPolicy: z.enum(orderPolicies as readonly OrderPolicy[] as [OrderPolicy, ...OrderPolicy[]]),
    }),
    floor: z.strictObject({
      warningSeconds: secondsOrNone,
      graceSeconds: secondsOrNone,
      talkingStick: z.boolean(),
      clocksDuringMuteAll: z.enum(['stop', 'run']),
    }),
    quorum: z
      .strictObject({
        fraction: z.number().gt(0, 'must be more than 0').max(1, 'must be at most 1'),
        strictlyMore: z.boolean(),
        base: z.literal('statutory_members'),
        onVoteWithoutQuorum: z.enum(['warn', 'refuse']),
        judgedAt: z.enum(quorumJudgements),
        whenNotQuorate: z.enum(['suspend_sitting', 'continue']),
      })
      .superRefine((quorum, ctx) => {
        if (quorum.strictlyMore && quorum.fraction >= 1) {
          ctx.addIssue({ code: 'custom', message: 'more than all members can never be present', path: ['fraction'] });
        }
      }),
    votes: z.strictObject({
      defaultMajority: z.enum(majorityKinds as readonly MajorityKind[] as [MajorityKind, ...MajorityKind[]]),
      abstentionAllowed: z.boolean(),
      tie: z.literal('fails'),
      namedVote: z.strictObject({
        demandedByFaction: z.boolean(),
        demandedByShareOfPresent: z.number().gt(0, 'must be more than 0 (or null)').max(1, 'must be at most 1').nullable(),
        deadline: z.enum(['until_vote_opens', 'sitting_start', 'evening_before']),
        excludedCategories: z.array(id).superRefine((ids, ctx) => uniqueIds(ids, ctx, [])),
      }),
      lateJoinersMayVote: z.boolean(),
    }),
    elections: z.strictObject({
      // Twenty rounds at most: no house ballots more often without a new nomination.
      rounds: z
        .array(z.strictObject({ majority: z.enum(electionMajorities), candidates: z.enum(electionFields), tie: z.enum(electionTieRules) }))
        .min(1, 'an election has at least one round')
        .max(20, 'at most 20 rounds')
        .superRefine((rounds, ctx) => {
          if (rounds[0]?.candidates === 'top_two')
            ctx.addIssue({ code: 'custom', message: 'the first round has no round before it: all candidates stand', path: [0, 'candidates'] });
        }),
      noToAll: z.boolean(),
    }),
    orderMeasures: z.strictObject({
      callToPoint: z.boolean(),
      withdrawAfterCalls: z.number().int().min(1, 'must be at least 1 (or null: at any time)').max(10, 'must be at most 10').nullable(),
      callsCountedPer: z.enum(['speech', 'sitting']),
      // No rules of procedure we know exclude for longer than 30 sitting days (§ 38 GO-BT).
      maxExclusionSittingDays: z.number().int().min(1, 'must be at least 1').max(60, 'must be at most 60'),
      objection: z.boolean(),
    }),
  })
  .superRefine((rulebook, ctx) => {
    const namedVote = rulebook.votes.namedVote;
    if (!namedVote.demandedByFaction && namedVote.demandedByShareOfPresent === null) {
      // Not an error in law (the chair may still order one), but a rulebook must say who may demand it.
      ctx.addIssue({
        code: 'custom',
        message: 'someone must be able to demand a named vote: a faction or a share of the members present',
        path: ['votes', 'namedVote', 'demandedByShareOfPresent'],
      });
    }
  });

function issuesOf(error: z.ZodError, prefix: readonly string[] = []): InputIssue[] {
  return error.issues.map((issue) => ({ path: [...prefix, ...issue.path.map(String)], message: issue.message }));
}

/** Validates a whole rulebook (e.g. one stored as JSON); throws InputError with field paths. */
export function parseRulebook(input: unknown): Rulebook {
  const parsed = rulebookSchema.safeParse(input);
  if (!parsed.success) throw new InputError(issuesOf(parsed.error));
  return parsed.data;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Deep merge: objects merge field by field; arrays (categories, excluded categories) and scalars
 * replace; null sets a nullable field to null. A field the base does not have is an error (the base
 * is a complete rulebook, so that is a misspelt or unknown field, `__proto__` included).
 */
function merge(base: unknown, override: unknown, path: string[], issues: InputIssue[]): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (!Object.prototype.hasOwnProperty.call(base, key)) {
      issues.push({ path: [...path, key], message: 'unknown field' });
      continue;
    }
    if (value === undefined) continue;
    result[key] = merge(base[key], value, [...path, key], issues);
  }
  return result;
}

/**
 * Applies a sitting's overrides (a partial rulebook, as JSON) to a base rulebook and validates the
 * result. null/undefined overrides mean "none". Throws InputError naming every bad field's path;
 * the base is never modified.
 */
export function applyOverrides(base: Rulebook, overrides: unknown): Rulebook {
  if (overrides === undefined || overrides === null) return parseRulebook(base);
  if (!isPlainObject(overrides)) throw new InputError([{ path: [], message: 'overrides must be an object (a partial rulebook)' }]);
  const issues: InputIssue[] = [];
  const merged = merge(base, overrides, [], issues);
  if (issues.length > 0) throw new InputError(issues);
  return parseRulebook(merged);
}
