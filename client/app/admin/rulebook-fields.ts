/**
 * The rules the settings page offers as overrides: the ones a parliament changes most. Each is a
 * path into the rulebook (server/domain/rulebook.ts); overrides of other paths made through the API
 * are kept as they are. The server validates every override with the rulebook schema.
 */
export type RuleKind = 'seconds' | 'count' | 'share' | 'flag' | 'text';

export interface RuleField {
  readonly path: string;
  readonly kind: RuleKind;
}

export const ruleFields: readonly RuleField[] = [
  { path: 'name', kind: 'text' },
  { path: 'speech.limits.speech', kind: 'seconds' },
  { path: 'speech.limits.interjection', kind: 'seconds' },
  { path: 'speech.limits.short_intervention', kind: 'seconds' },
  { path: 'speech.maxSpeechesPerItem', kind: 'count' },
  { path: 'speech.interjectionsEnabled', kind: 'flag' },
  { path: 'speech.shortInterventionsEnabled', kind: 'flag' },
  { path: 'pointsOfOrder.limitSeconds', kind: 'seconds' },
  { path: 'pointsOfOrder.hearOneAgainst', kind: 'flag' },
  { path: 'speakingTime.debateSeconds', kind: 'seconds' },
  { path: 'speakingTime.minimumPerFaction', kind: 'seconds' },
  { path: 'quorum.fraction', kind: 'share' },
  { path: 'votes.abstentionAllowed', kind: 'flag' },
  { path: 'votes.lateJoinersMayVote', kind: 'flag' },
  { path: 'floor.warningSeconds', kind: 'seconds' },
  { path: 'floor.graceSeconds', kind: 'seconds' },
  { path: 'floor.talkingStick', kind: 'flag' },
];

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value at a dotted path, or undefined. */
export function valueAt(source: Json, path: string): Json {
  let at: Json = source;
  for (const key of path.split('.')) {
    if (!isObject(at) || !Object.hasOwn(at, key)) return undefined;
    at = at[key];
  }
  return at;
}

/** A copy of the overrides with the path set (or removed, for undefined), empty objects pruned. */
export function withOverride(overrides: Json, path: string, value: Json): Record<string, Json> {
  const copy = (v: Json): Record<string, Json> => (isObject(v) ? { ...v } : {});
  const root = copy(overrides);
  const keys = path.split('.');
  const parents: Record<string, Json>[] = [root];
  for (const key of keys.slice(0, -1)) {
    const parent = parents[parents.length - 1]!;
    const next = copy(parent[key]);
    parent[key] = next;
    parents.push(next);
  }
  const last = keys[keys.length - 1]!;
  const leaf = parents[parents.length - 1]!;
  if (value === undefined) delete leaf[last];
  else leaf[last] = value;
  for (let i = keys.length - 1; i > 0; i--) {
    const child = parents[i]!;
    if (Object.keys(child).length === 0) delete parents[i - 1]![keys[i - 1]!];
  }
  return root;
}

/** The overrides outside the fields offered here: shown, kept, never lost by a save. */
export function otherOverrides(overrides: Json): Record<string, Json> | null {
  let rest: Record<string, Json> = isObject(overrides) ? overrides : {};
  for (const field of ruleFields) rest = withOverride(rest, field.path, undefined);
  return Object.keys(rest).length ? rest : null;
}

/** The text an input shows for an override value (empty: no override). */
export function inputText(value: Json): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

/** What an input's text means as an override for the field: undefined (none) or the value. */
export function parseOverride(kind: RuleKind, text: string): Json {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (kind) {
    case 'flag':
      return trimmed === 'true';
    case 'text':
      return trimmed;
    default: {
      // Sent as typed: the server refuses what is not a number of the right kind, naming the field.
      const n = Number(trimmed.replace(',', '.'));
      return Number.isFinite(n) ? n : trimmed;
    }
  }
}
