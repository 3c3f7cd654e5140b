/**
 * A closed vote's outcome as the law states it (contract/vote-outcomes.ts), read from its result: the
 * result in the record stays as it was written, so records older than outcomes read the same way.
 */
import type { VoteOutcome } from '@contract/vote-outcomes';
import type { VoteResult } from '../procedure/events';

export function outcomeOf(status: 'open' | 'closed' | 'cancelled', result: VoteResult | null): VoteOutcome | null {
  if (status === 'cancelled') return 'cancelled';
  if (status === 'open' || result === null) return null;
  if (!result.quorate) return 'not_quorate';
  if (result.elected !== undefined) return result.elected.length > 0 ? 'elected' : 'no_one_elected';
  if (result.passed) return 'adopted';
  return result.reasonCode === 'tie' ? 'tie' : 'rejected';
}

/** Results older than this rule kept a per-faction table for pseudonymous ballots, which carry no faction. */
export function withoutFalseFactions<R extends Pick<VoteResult, 'perFaction'>>(kind: string, result: R): R {
  return kind === 'named' || result.perFaction.length === 0 ? result : { ...result, perFaction: [] };
}
