import type { PersonRef } from '../procedure/procedure-state';

/** How the chair sorts members by speaking time: who spoke last, least or most. */
export type SpeakingTimeOrder = 'last' | 'least' | 'most';

export interface SpeakingTimeRow {
  readonly person: PersonRef;
  readonly seconds: number;
  /** Times the member held the floor. */
  readonly turns: number;
  readonly lastSpokeAt: string | null;
}

function byName(a: SpeakingTimeRow, b: SpeakingTimeRow): number {
  return a.person.name.localeCompare(b.person.name);
}

function lastSpoke(row: SpeakingTimeRow): number {
  return row.lastSpokeAt === null ? Number.NEGATIVE_INFINITY : Date.parse(row.lastSpokeAt);
}

/**
 * Speaking times in the chosen order: `last` most recent speaker first (never spoken last),
 * `least` and `most` by total seconds. Ties go by name, so the order is stable.
 */
export function sortSpeakingTimes(rows: readonly SpeakingTimeRow[], order: SpeakingTimeOrder): SpeakingTimeRow[] {
  const compare: (a: SpeakingTimeRow, b: SpeakingTimeRow) => number =
    order === 'last'
      ? (a, b) => lastSpoke(b) - lastSpoke(a) || byName(a, b)
      : order === 'least'
        ? (a, b) => a.seconds - b.seconds || byName(a, b)
        : (a, b) => b.seconds - a.seconds || byName(a, b);
  return [...rows].sort(compare);
}
