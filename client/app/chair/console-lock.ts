import type { SittingState } from '../shared/graphql-schema.generated';

/** What a control needs of the sitting: an open one (the floor, points of order, calling items), or one not yet closed. */
export type LockNeed = 'open' | 'notClosed';

/** Why the sitting's state forbids a control now. */
export type LockReason = 'notYetOpen' | 'suspended' | 'closed' | 'cancelled';

/**
 * Why a control is disabled, or null when the state allows it: the server's rule
 * (server/domain/procedure/permissions.ts requireOpen / requireNotClosed) said beforehand, so the
 * chair sees a disabled control with its reason instead of a refusal after the click.
 */
export function lockReason(phase: SittingState | null | undefined, need: LockNeed): LockReason | null {
  switch (phase) {
    case 'CLOSED':
      return 'closed';
    case 'CANCELLED':
      return 'cancelled';
    case 'OPEN':
      return null;
    case 'SUSPENDED':
      return need === 'open' ? 'suspended' : null;
    case 'SCHEDULED':
      return need === 'open' ? 'notYetOpen' : null;
    default:
      return 'notYetOpen';
  }
}
