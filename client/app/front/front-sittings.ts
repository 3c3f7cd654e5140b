import type { FrontSittingsResult } from './front.generated';

export type FrontSitting = FrontSittingsResult['publicSittings'][number];

export interface FrontGroups {
  /** Open or suspended: on air (or about to be again). */
  readonly live: readonly FrontSitting[];
  /** Scheduled, soonest first. */
  readonly upcoming: readonly FrontSitting[];
  /** Closed, newest first. */
  readonly past: readonly FrontSitting[];
  /** Called off, soonest first: they will not take place. */
  readonly cancelled: readonly FrontSitting[];
}

/** The public list in the three groups a visitor looks for. */
export function frontGroups(sittings: readonly FrontSitting[]): FrontGroups {
  const byStart = [...sittings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.number - b.number);
  return {
    live: byStart.filter((s) => s.phase === 'OPEN' || s.phase === 'SUSPENDED'),
    upcoming: byStart.filter((s) => s.phase === 'SCHEDULED'),
    past: byStart.filter((s) => s.phase === 'CLOSED').reverse(),
    cancelled: byStart.filter((s) => s.phase === 'CANCELLED'),
  };
}
