/**
 * Where a vote's ballot of a key (voter, pseudonym or token hash) stands in its `ballots`, for every
 * state of that vote at once. Copying a key → position table with each ballot made a burst of 700
 * ballots quadratic (~250,000 entries copied, most of a batch's folding time and its garbage). Ballots
 * are only ever appended, so the states of one vote share one table that only grows: a state reads a
 * position as its own only if that position is within its ballots and holds the key asked for. A state
 * folded in a batch that then failed leaves entries behind that no other state reads as its own.
 */
import type { Ballot } from './state';

export class BallotIndex {
  readonly #positions = new Map<string, number>();

  /** The position of `key`'s ballot among `ballots` (the asking state's own), or undefined. */
  positionIn(ballots: readonly Ballot[], key: string): number | undefined {
    const at = this.#positions.get(key);
    return at !== undefined && ballots[at]?.key === key ? at : undefined;
  }

  /** Notes `key`'s ballot as appended at `position`; the states that end before it do not see it. */
  appended(key: string, position: number): void {
    this.#positions.set(key, position);
  }
}
