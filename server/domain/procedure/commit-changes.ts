/**
 * What a commit of the record changed, said once where the commit is made so that its subscribers
 * (the update throttle, the broadcasts, the media) need not each re-derive it from the entries.
 */
import type { ProcedureEvent } from './events';

export interface CommitChanges {
  /** Anything but ballots: the floor and its lists, votes opening or closing, mute-all, the sitting's phase. */
  readonly procedure: boolean;
  /** Ballots were cast: turnout (and a live count) moved, nothing else. */
  readonly ballots: boolean;
}

export const NO_CHANGES: CommitChanges = Object.freeze({ procedure: false, ballots: false });

/** A ballot changes only its vote's count: no floor, no list, no phase, no program. */
export function changesOf(events: Iterable<ProcedureEvent>): CommitChanges {
  let procedure = false;
  let ballots = false;
  for (const e of events) {
    if (e.kind === 'ballot.cast') ballots = true;
    else procedure = true;
  }
  return { procedure, ballots };
}

/** Two commits sent as one (the throttle's held ballots with what follows them). */
export function mergeChanges(a: CommitChanges, b: CommitChanges): CommitChanges {
  return { procedure: a.procedure || b.procedure, ballots: a.ballots || b.ballots };
}
