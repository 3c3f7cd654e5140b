/**
 * decide(state, command, context) → the events to append, or a thrown RuleViolation / NotFoundError /
 * InputError naming what forbids it. Pure: time, the actor, the roster and fresh ids come in on the
 * context. An empty answer means the command is already satisfied (an idempotent repeat).
 */
import { InputError } from '../errors';
import { assertCleanText } from '../text';
import type { DecideContext, ProcedureCommand } from './commands';
import type { ProcedureEvent } from './events';
import type { ProcedureState } from './state';
import * as agenda from './agenda-amendments';
import * as attendance from './attendance';
import * as chamber from './mute-all';
import * as elections from './elections';
import * as floor from './floor';
import * as minutes from './minutes';
import * as lobby from './lobby';
import * as namedVotes from './named-votes';
import * as order from './order-measures';
import * as points from './points-of-order';
import * as roster from './roster-changes';
import * as secretBallots from './secret-ballots';
import * as sitting from './sitting-rules';
import * as speakers from './speakers';
import * as votes from './votes';

export function decide(state: ProcedureState, command: ProcedureCommand, ctx: DecideContext): readonly ProcedureEvent[] {
  // Below the API as well: text the record cannot hold (or should not show) fails this command alone.
  assertCleanText(command);
  switch (command.kind) {
    case 'sitting.open':
      return sitting.openSitting(state, ctx);
    case 'sitting.suspend':
      return sitting.suspendSitting(state, command, ctx);
    case 'sitting.resume':
      return sitting.resumeSitting(state, ctx);
    case 'sitting.close':
      return sitting.closeSitting(state, ctx);
    case 'attendance.join':
      return attendance.join(state, command, ctx);
    case 'attendance.leave':
      return attendance.leave(state, command, ctx);
    case 'lobby.ask':
      return lobby.ask(state, command, ctx);
    case 'lobby.admit':
      return lobby.admit(state, command, ctx);
    case 'lobby.decline':
      return lobby.decline(state, command, ctx);
    case 'participant.remove':
      return lobby.remove(state, command, ctx);
    case 'agenda.call':
      return sitting.callItem(state, command, ctx);
    case 'agenda.set_order_policy':
      return sitting.setOrderPolicy(state, command, ctx);
    case 'agenda.allot_speaking_time':
      return sitting.allotTime(state, command, ctx);
    case 'agenda.amend':
      return agenda.amendAgenda(state, command, ctx);
    case 'speaker.request':
      return speakers.requestSpeech(state, command, ctx);
    case 'speaker.withdraw':
      return speakers.withdraw(state, command, ctx);
    case 'speaker.remove':
      return speakers.remove(state, command, ctx);
    case 'speaker.reorder':
      return speakers.reorder(state, command, ctx);
    case 'speaker_list.close':
      return speakers.closeList(state, ctx);
    case 'speaker_list.reopen':
      return speakers.reopenList(state, ctx);
    case 'floor.next':
      return floor.next(state, ctx);
    case 'floor.grant':
      return floor.grant(state, command, ctx);
    case 'floor.extend':
      return floor.extend(state, command, ctx);
    case 'floor.end':
      return floor.end(state, ctx);
    case 'floor.pass':
      return floor.pass(state, ctx);
    case 'floor.expire':
      return floor.expire(state, command, ctx);
    case 'interjection.accept':
      return floor.acceptInterjection(state, command, ctx);
    case 'interjection.decline':
      return floor.declineInterjection(state, command, ctx);
    case 'interjection.end':
      return floor.endInterjection(state, ctx);
    case 'chamber.mute_all':
      return chamber.muteAll(state, ctx);
    case 'chamber.lift_mute_all':
      return chamber.liftMuteAll(state, ctx);
    case 'point_of_order.raise':
      return points.raise(state, command, ctx);
    case 'point_of_order.withdraw':
      return points.withdraw(state, command, ctx);
    case 'point_of_order.decide':
      return points.decidePoint(state, command, ctx);
    case 'vote.open':
      return votes.openVote(state, command, ctx);
    case 'vote.demand_named':
      return namedVotes.demandNamed(state, command, ctx);
    case 'vote.cast':
      return votes.cast(state, command, ctx);
    case 'vote.cast_secret':
      return secretBallots.castSecret(state, command, ctx);
    case 'vote.close':
      return votes.close(state, command, ctx);
    case 'vote.enter_counts':
      return votes.enterCounts(state, command, ctx);
    case 'vote.cancel':
      return votes.cancel(state, command, ctx);
    case 'vote.open_next_round':
      return elections.openNextRound(state, command, ctx);
    case 'order.call_to_point':
    case 'order.call_to_order':
      return order.call(state, command, ctx);
    case 'order.withdraw_floor':
      return order.withdrawFloor(state, command, ctx);
    case 'order.mute':
      return order.mute(state, command, ctx);
    case 'order.unmute':
      return order.unmute(state, command, ctx);
    case 'order.exclude':
      return order.exclude(state, command, ctx);
    case 'order.record_objection':
      return order.recordObjection(state, command, ctx);
    case 'order.decide_objection':
      return order.decideObjection(state, command, ctx);
    case 'presidency.take':
      return minutes.takePresidency(state, ctx);
    case 'minutes.note':
      return minutes.note(state, command, ctx);
    case 'protocol.correct':
      return minutes.correct(state, command, ctx);
    case 'protocol.approve':
      return minutes.approve(state, command, ctx);
    case 'roster.note_change':
      return roster.noteChange(state, command, ctx);
    default: {
      const unknown: never = command;
      throw new InputError([{ path: ['kind'], message: `unknown command ${JSON.stringify((unknown as { kind?: unknown }).kind)}` }]);
    }
  }
}
