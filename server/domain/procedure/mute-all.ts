/**
 * The chair's hold on the chamber's microphones. "Mute all" is procedure (the chair restores order),
 * so it is recorded; the media layer only reacts to it. The next grant of the floor lifts it.
 */
import type { DecideContext } from './commands';
import type { ProcedureEvent } from './events';
import { requireChair, requireNotClosed, rulesOf } from './permissions';
import type { ProcedureState } from './state';

export function muteAll(state: ProcedureState, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'mute all microphones');
  requireNotClosed(state, 'muting the chamber');
  // Whether the speaking clock stands meanwhile is the rulebook's word, written into the entry.
  return state.mutedAll ? [] : [{ kind: 'chamber.muted_all', clocksStop: rulesOf(state, ctx).floor.clocksDuringMuteAll === 'stop' }];
}

export function liftMuteAll(state: ProcedureState, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'lift "mute all"');
  requireNotClosed(state, 'unmuting the chamber');
  return state.mutedAll ? [{ kind: 'chamber.mute_all_lifted' }] : [];
}
