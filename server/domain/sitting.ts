import { RuleViolation } from './errors';
import { sittingPhases } from './procedure/vocabulary';

/**
 * A sitting's states: the procedural phases of its record (scheduled → open ⇄ suspended → closed),
 * and `cancelled`: a scheduled sitting called off before it opened. A cancelled sitting never opens
 * and its agenda stays as it was; its record stays empty.
 */
export const sittingStates = [...sittingPhases, 'cancelled'] as const;
export type SittingState = (typeof sittingStates)[number];

/** scheduled → open ⇄ suspended → closed; scheduled → cancelled. Returns the new state or throws the rule that forbids it. */
const allowed: Record<SittingState, readonly SittingState[]> = {
  scheduled: ['open', 'cancelled'],
  open: ['suspended', 'closed'],
  suspended: ['open', 'closed'],
  closed: [],
  cancelled: [],
};

export function transition(from: SittingState, to: SittingState): SittingState {
  if (from === 'cancelled') throw cancelled();
  if (!allowed[from].includes(to)) {
    throw new RuleViolation('sitting.invalid_transition', `a ${from} sitting cannot become ${to}`);
  }
  return to;
}

const cancelled = () => new RuleViolation('sitting.cancelled', 'the sitting has been cancelled; it cannot open, move or change');

/** Scheduling data (number, title, start) may change only before the sitting opens, and never once it is cancelled. */
export function assertSchedulable(state: SittingState): void {
  if (state === 'cancelled') throw cancelled();
  if (state !== 'scheduled') throw new RuleViolation('sitting.already_started', `the sitting is ${state}; only a scheduled sitting can be rescheduled`);
}

/** A postponement moves a scheduled sitting to a later start (an earlier one is an ordinary edit). */
export function assertPostponable(sitting: { readonly state: SittingState; readonly startsAt: Date }, to: Date): void {
  assertSchedulable(sitting.state);
  if (to.getTime() <= sitting.startsAt.getTime()) {
    throw new RuleViolation('sitting.not_later', `a postponed sitting starts later than ${sitting.startsAt.toISOString()}`);
  }
}

/** Only a scheduled sitting is cancelled: one that has begun is closed by the chair. */
export function assertCancellable(state: SittingState): void {
  assertSchedulable(state);
  transition(state, 'cancelled');
}

/**
 * Deleting is for a sitting created by mistake: scheduled, nothing in its record (not even a demand
 * for a named vote made before it opened). Anything else is cancelled instead, so that it stays known.
 */
export function assertDeletable(state: SittingState, recordEntries: number): void {
  assertSchedulable(state);
  if (recordEntries > 0) throw new RuleViolation('sitting.has_record', `the sitting's record has ${recordEntries} entries; cancel it instead`);
}

/**
 * The stored state follows the record (sitting.opened, …), except that a cancelled sitting stays
 * cancelled: its record cannot take it anywhere.
 */
export function assertFollowsRecord(stored: SittingState, next: SittingState): void {
  if (stored === 'cancelled' && next !== 'cancelled') throw cancelled();
}
