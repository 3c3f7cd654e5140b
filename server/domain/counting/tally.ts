/**
 * Counting ballots: per option (every option, zeros included, in the order of the options) and per
 * faction (factions by id, independents — factionId null — last; only factions with a ballot).
 * The result depends only on the multiset of ballots, never on their order.
 */
import { InputError } from '../errors';
import type { OptionCount, VoteOption } from '../procedure/events';

export interface BallotLike {
  readonly optionId: string;
  readonly factionId: string | null;
}

export interface Tally {
  counts: OptionCount[];
  perFaction: { factionId: string | null; counts: OptionCount[] }[];
  cast: number;
}

function byFaction(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function tally(options: readonly VoteOption[], ballots: readonly BallotLike[]): Tally {
  const index = new Map<string, number>();
  options.forEach((option, i) => {
    if (index.has(option.id)) throw new InputError([{ path: ['options', String(i), 'id'], message: `duplicate option ${option.id}` }]);
    index.set(option.id, i);
  });

  const totals = options.map(() => 0);
  const factions = new Map<string | null, number[]>();
  ballots.forEach((ballot, i) => {
    const at = index.get(ballot.optionId);
    if (at === undefined) throw new InputError([{ path: ['ballots', String(i), 'optionId'], message: `unknown option ${ballot.optionId}` }]);
    totals[at] = (totals[at] ?? 0) + 1;
    let row = factions.get(ballot.factionId);
    if (!row) factions.set(ballot.factionId, (row = options.map(() => 0)));
    row[at] = (row[at] ?? 0) + 1;
  });

  const asCounts = (row: readonly number[]): OptionCount[] => options.map((o, i) => ({ optionId: o.id, count: row[i] ?? 0 }));
  return {
    counts: asCounts(totals),
    perFaction: [...factions.entries()].sort(([a], [b]) => byFaction(a, b)).map(([factionId, row]) => ({ factionId, counts: asCounts(row) })),
    cast: ballots.length,
  };
}
