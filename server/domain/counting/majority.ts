/**
 * Whether a vote passed, and why, in plain English with the numbers.
 *
 * Options carry a meaning: yes, no, abstain, other. Abstentions and "other" ballots (e.g. invalid)
 * are cast — they count for turnout and quorum — but never for or against (BT25 § 48(2), GO NRW
 * § 50(5), EP: only votes for and against count).
 *
 *   simple              yes > no; a tie fails                        (Art. 42(2) GG, § 48(2) BTGO)
 *   absolute_members    2 × yes > statutory members                  (Art. 121 GG: vacant seats count)
 *   two_thirds_cast     3 × yes ≥ 2 × (yes + no), and yes > 0        (two thirds of the votes cast)
 *   two_thirds_members  3 × yes ≥ 2 × statutory members              (Art. 79(2) GG)
 *
 * Several options meaning yes (an election, or alternative bills): the option with the most votes
 * is measured, and "no" is every other counted ballot (the other candidates' and the no votes).
 * So it passes only if one option alone reaches the majority over all counted (non-abstaining)
 * ballots — the rule of § 50(2) BTGO 2025 for alternative bills ("more yes votes than all other yes
 * and no votes together"). At most one option can pass; a tie between the leaders never passes a
 * simple majority. Plurality and run-off rounds are the chair's next vote, not this function's.
 * The result does not name the winner: it is the yes-meaning option with the most votes in `counts`
 * (the first in option order on a tie), and the reason quotes its label.
 *
 * Not quorate → failed with reasonCode no_quorum, whatever the counts.
 * Bad counts (unknown or twice-counted options, cast ≠ the sum, more ballots than statutory members)
 * are an InputError, never a result.
 */
import { InputError, type InputIssue } from '../errors';
import type { OptionCount, VoteDefinition, VoteResult } from '../procedure/events';
import { majorityNames } from '@contract/majorities';

export interface VoteEvaluationInput {
  readonly definition: VoteDefinition;
  readonly counts: readonly OptionCount[];
  readonly perFaction: readonly { readonly factionId: string | null; readonly counts: readonly OptionCount[] }[];
  readonly eligible: number;
  readonly cast: number;
  readonly quorate: boolean;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** Counts in option order (missing options count 0); throws InputError on unknown or bad counts. */
export function normalise(input: VoteEvaluationInput): number[] {
  const { definition, counts, cast, eligible } = input;
  const issues: InputIssue[] = [];
  const index = new Map(definition.options.map((o, i) => [o.id, i]));
  if (index.size !== definition.options.length) issues.push({ path: ['definition', 'options'], message: 'option ids must be unique' });
  const values = definition.options.map(() => 0);
  const seen = new Set<string>();
  counts.forEach((c, i) => {
    const at = index.get(c.optionId);
    if (at === undefined) issues.push({ path: ['counts', String(i), 'optionId'], message: `unknown option ${c.optionId}` });
    else if (seen.has(c.optionId)) issues.push({ path: ['counts', String(i), 'optionId'], message: `option ${c.optionId} counted twice` });
    else if (!isCount(c.count)) issues.push({ path: ['counts', String(i), 'count'], message: 'must be a whole number, 0 or more' });
    else values[at] = c.count;
    seen.add(c.optionId);
  });
  const total = values.reduce((a, b) => a + b, 0);
  if (!isCount(cast) || cast !== total) issues.push({ path: ['cast'], message: `must equal the ${total} ballots counted` });
  if (!isCount(eligible)) issues.push({ path: ['eligible'], message: 'must be a whole number, 0 or more' });
  if (!Number.isSafeInteger(definition.statutoryMembers) || definition.statutoryMembers < 1) {
    issues.push({ path: ['definition', 'statutoryMembers'], message: 'must be a whole number, 1 or more' });
  } else if (total > definition.statutoryMembers) {
    // One ballot per member: more ballots than seats means the counts are wrong.
    issues.push({ path: ['cast'], message: `${total} ballots exceed the statutory ${definition.statutoryMembers} members` });
  }
  if (issues.length > 0) throw new InputError(issues);
  return values;
}

export function evaluateVote(input: VoteEvaluationInput): VoteResult {
  const values = normalise(input);
  const { definition } = input;
  const options = definition.options;
  const sum = (meaning: string): number => options.reduce((s, o, i) => (o.meaning === meaning ? s + (values[i] ?? 0) : s), 0);
  const abstentions = sum('abstain');
  const others = sum('other');
  const base = {
    counts: options.map((o, i) => ({ optionId: o.id, count: values[i] ?? 0 })),
    perFaction: input.perFaction.map((f) => ({ factionId: f.factionId, counts: f.counts.map((c) => ({ ...c })) })),
    eligible: input.eligible,
    cast: input.cast,
    quorate: input.quorate,
  };
  const majority = definition.majority;
  // The reasons are English throughout; the protocol words them per language from the reason code.
  const name = majorityNames.en[majority];

  if (!input.quorate) {
    const summary = options.map((o, i) => `${o.label} ${values[i] ?? 0}`).join(', ');
    return { ...base, passed: false, reasonCode: 'no_quorum', reason: `failed: not quorate, the vote cannot decide (${summary || 'no options'}; ${name})` };
  }

  const yesIndexes = options.flatMap((o, i) => (o.meaning === 'yes' ? [i] : []));
  const leader = yesIndexes.reduce<number | null>((best, i) => (best === null || (values[i] ?? 0) > (values[best] ?? 0) ? i : best), null);
  if (leader === null) {
    return { ...base, passed: false, reasonCode: 'majority_missed', reason: `failed: no option means yes (${name})` };
  }
  const single = yesIndexes.length === 1;
  const yes = values[leader] ?? 0;
  const no = sum('no') + sum('yes') - yes;
  const members = definition.statutoryMembers;

  const forText = single ? `${yes} yes` : `"${options[leader]?.label ?? ''}" ${yes}`;
  const againstText = single ? `${no} no` : plural(no, 'other vote', 'other votes');
  const ignored = [abstentions > 0 ? plural(abstentions, 'abstention', 'abstentions') : '', others > 0 ? plural(others, 'other ballot', 'other ballots') : '']
    .filter(Boolean)
    .join(' and ');
  const notCounted = ignored ? `; ${ignored} not counted` : '';

  switch (majority) {
    case 'simple': {
      if (yes > no) return { ...base, passed: true, reasonCode: 'majority_reached', reason: `passed: ${forText} > ${againstText} (${name}${notCounted})` };
      if (yes === no) return { ...base, passed: false, reasonCode: 'tie', reason: `failed: ${forText} = ${againstText}, a tie fails (${name}${notCounted})` };
      return { ...base, passed: false, reasonCode: 'majority_missed', reason: `failed: ${forText} < ${againstText} (${name}${notCounted})` };
    }
    case 'absolute_members': {
      const needed = Math.floor(members / 2) + 1;
      const passed = 2 * yes > members;
      const verdict = passed ? 'more than half' : 'not more than half';
      return {
        ...base,
        passed,
        reasonCode: passed ? 'majority_reached' : 'majority_missed',
        reason: `${passed ? 'passed' : 'failed'}: ${forText}, ${verdict} of the ${members} statutory members (${needed} needed; ${name})`,
      };
    }
    case 'two_thirds_cast': {
      const counted = yes + no;
      const needed = Math.max(1, Math.ceil((2 * counted) / 3));
      const passed = yes > 0 && 3 * yes >= 2 * counted;
      const ofWhat = single ? `${counted} yes and no votes` : `${counted} votes counted`;
      const verdict = passed ? 'at least two thirds' : 'less than two thirds';
      return {
        ...base,
        passed,
        reasonCode: passed ? 'majority_reached' : 'majority_missed',
        reason: `${passed ? 'passed' : 'failed'}: ${forText} of ${ofWhat}, ${verdict} (${needed} needed; ${name}${notCounted})`,
      };
    }
    case 'two_thirds_members': {
      const needed = Math.ceil((2 * members) / 3);
      const passed = 3 * yes >= 2 * members;
      const verdict = passed ? 'at least two thirds' : 'less than two thirds';
      return {
        ...base,
        passed,
        reasonCode: passed ? 'majority_reached' : 'majority_missed',
        reason: `${passed ? 'passed' : 'failed'}: ${forText}, ${verdict} of the ${members} statutory members (${needed} needed; ${name})`,
      };
    }
    default: {
      const unknown: never = majority;
      throw new InputError([{ path: ['definition', 'majority'], message: `unknown majority ${String(unknown)}` }]);
    }
  }
}
