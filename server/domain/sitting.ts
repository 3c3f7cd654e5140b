import { RuleViolation } from './errors';

export type SittingState = 'scheduled' | 'open' | 'suspended' | 'closed';

/** scheduled → open ⇄ suspended → closed. Returns the new state or throws the rule that forbids it. */
const allowed: Record<SittingState, readonly SittingState[]> = {
  scheduled: ['open'],
  open: ['suspended', 'closed'],
  suspended: ['open', 'closed'],
  closed: [],
};

export function transition(from: SittingState, to: SittingState): SittingState {
  if (!allowed[from].includes(to)) {
    throw new RuleViolation('sitting.invalid_transition', `a ${from} sitting cannot become ${to}`);
  }
  return to;
}

/** Scheduling data (title, start) may change only before the sitting opens. */
export function assertSchedulable(state: SittingState): void {
  if (state !== 'scheduled') throw new RuleViolation('sitting.already_started', `the sitting is ${state}; only a scheduled sitting can be rescheduled`);
}
