/**
 * How each entry of the record changes the state. Total and deterministic: an entry that does not
 * fit the state (an unknown id, a floor that is not current) leaves it unchanged rather than throwing,
 * so any record, even one written under older rules, folds.
 */
import type { PersonRef, RecordedEvent } from './events';
import type { ItemState, ProcedureState, SpeakerRequest } from './state';
import { itemOf, own } from './lookup';
import { endFloor, extendFloor, grantFloor, acceptInterjection, endInterjection, muteFloor, unmuteFloor } from './evolve-floor';
import { evolveAdmission } from './evolve-admissions';
import { castBallot, closeVote, cancelVote, demandNamed, openVote, decidePoint, countQuorum } from './evolve-votes';
import { upgradeRulebook } from '../rulebook/upgrade';
import { evolveOrder } from './evolve-order';

export function evolveEntry(state: ProcedureState, entry: RecordedEvent): ProcedureState {
  const e = entry.event;
  const at = entry.at;
  switch (e.kind) {
    case 'sitting.opened':
      return { ...state, phase: 'open', rulebook: upgradeRulebook(e.rulebook), statutoryMembers: e.statutoryMembers, suspension: null };
    case 'sitting.suspended':
      return { ...state, phase: 'suspended', suspension: { reason: e.reason, resumesAt: e.resumesAt, since: at } };
    case 'sitting.resumed':
      return { ...state, phase: 'open', suspension: null };
    case 'sitting.closed': {
      const ended = state.floor ? endFloor(state, state.floor.floorId, at) : state;
      return { ...ended, phase: 'closed', suspension: null };
    }
    case 'attendance.joined': {
      const joined = { ...state, present: { ...state.present, [e.person.personId]: { person: e.person, since: at } } };
      return noteLateJoiner(joined, e.person);
    }
    case 'attendance.left': {
      if (!own(state.present, e.personId)) return state;
      const { [e.personId]: _gone, ...present } = state.present;
      return { ...state, present };
    }
    case 'agenda.item_called': {
      const item = itemOf(state, e.agendaItemId);
      return { ...state, currentItemId: e.agendaItemId, items: { ...state.items, [e.agendaItemId]: { ...item, calledAt: item.calledAt ?? at } } };
    }
    case 'agenda.amended':
      // The agenda itself is the agenda_items table (changed in the same transaction); the state keeps what was done and why.
      return {
        ...state,
        amendments: [...state.amendments, { seq: entry.seq, at, actorId: entry.actorId, change: e.change, order: e.order, authority: e.authority }],
      };
    case 'agenda.order_policy_set':
      return withItem(state, e.agendaItemId, { policy: e.policy, manualOrder: null });
    case 'agenda.speaking_time_allotted':
      return withItem(state, e.agendaItemId, { allotment: { debateSeconds: e.debateSeconds, perFaction: e.perFaction } });
    case 'speaker.requested': {
      const request: SpeakerRequest = {
        requestId: e.requestId,
        agendaItemId: e.agendaItemId,
        person: e.person,
        requestKind: e.requestKind,
        stance: e.stance,
        addressesRequestId: e.addressesRequestId,
        addedBy: e.addedBy,
        requestedAt: at,
        seq: entry.seq,
        status: 'pending',
        answered: false,
      };
      if (own(state.requests, e.requestId)) return state;
      return { ...state, requests: { ...state.requests, [e.requestId]: request } };
    }
    case 'speaker.withdrawn':
      return settleRequest(state, e.requestId, 'withdrawn');
    case 'speaker.removed':
      return settleRequest(state, e.requestId, 'removed');
    case 'speaker.reordered':
      return withItem(state, e.agendaItemId, { manualOrder: e.order });
    case 'speaker_list.closed':
      return withItem(state, e.agendaItemId, { listClosed: true });
    case 'speaker_list.reopened':
      return withItem(state, e.agendaItemId, { listClosed: false });
    case 'floor.granted':
      return { ...grantFloor(state, e, at), mutedAll: false };
    case 'chamber.muted_all':
      return { ...(e.clocksStop === true ? muteFloor(state, at) : state), mutedAll: true };
    case 'chamber.mute_all_lifted':
      return { ...unmuteFloor(state, at), mutedAll: false };
    case 'lobby.asked':
    case 'lobby.admitted':
    case 'lobby.declined':
    case 'lobby.admission_ended':
    case 'participant.removed':
      return evolveAdmission(state, e, at);
    case 'floor.extended':
      return extendFloor(state, e.floorId, e.seconds);
    case 'floor.ended':
      return endFloor(state, e.floorId, at);
    case 'interjection.accepted':
      return acceptInterjection(state, e.requestId, e.floorId, at);
    case 'interjection.declined':
      return settleRequest(state, e.requestId, 'declined');
    case 'interjection.ended':
      return endInterjection(state, e.requestId, at);
    case 'point_of_order.raised':
      if (own(state.points, e.pointId)) return state;
      return {
        ...state,
        points: {
          ...state.points,
          [e.pointId]: {
            pointId: e.pointId,
            agendaItemId: e.agendaItemId,
            person: e.person,
            category: e.category,
            text: e.text,
            raisedAt: at,
            seq: entry.seq,
            status: 'pending',
            heard: false,
            counterHeard: false,
            decision: null,
            decidedAt: null,
            note: null,
            voteId: null,
          },
        },
      };
    case 'point_of_order.withdrawn': {
      const point = own(state.points, e.pointId);
      if (!point || point.status !== 'pending') return state;
      return { ...state, points: { ...state.points, [e.pointId]: { ...point, status: 'withdrawn' } } };
    }
    case 'point_of_order.decided':
      return decidePoint(state, e, at);
    case 'vote.opened':
      return openVote(state, e, at);
    case 'quorum.counted':
      return countQuorum(state, e, at);
    case 'vote.named_demanded':
      return demandNamed(state, e);
    case 'ballot.cast':
      return castBallot(state, e, entry.seq, at);
    case 'vote.closed':
      return closeVote(state, e, at);
    case 'vote.cancelled':
      return cancelVote(state, e, at);
    case 'order.called_to_point':
    case 'order.called_to_order':
    case 'order.floor_withdrawn':
    case 'order.muted':
    case 'order.unmuted':
    case 'order.excluded':
    case 'order.exclusion_carried':
    case 'order.objection_recorded':
    case 'order.objection_decided':
      return evolveOrder(state, e, at);
    case 'presidency.taken':
    case 'minutes.noted':
    case 'protocol.corrected':
    case 'protocol.approved':
      // The protocol's own entries: state.ts folds them (evolveMinutes), beside every other entry.
      return state;
    case 'roster.changed':
      // Testimony only: rules read today's roster from the context; votes keep the electorate frozen at opening.
      return state;
    default: {
      // Exhaustive at compile time; an entry of a kind this version does not know changes nothing.
      const unknown: never = e;
      void unknown;
      return state;
    }
  }
}

function withItem(state: ProcedureState, agendaItemId: string, patch: Partial<ItemState>): ProcedureState {
  return { ...state, items: { ...state.items, [agendaItemId]: { ...itemOf(state, agendaItemId), ...patch } } };
}

/** A pending request leaves the list (withdrawn, removed, declined); anything else is left as it is. */
function settleRequest(state: ProcedureState, requestId: string, status: 'withdrawn' | 'removed' | 'declined'): ProcedureState {
  const request = own(state.requests, requestId);
  if (!request || request.status !== 'pending') return state;
  return { ...state, requests: { ...state.requests, [requestId]: { ...request, status } } };
}

/** Someone joining while a vote is open, who was not frozen in: eligible later if the rules let late joiners vote. */
function noteLateJoiner(state: ProcedureState, person: PersonRef): ProcedureState {
  const vote = state.openVoteId ? own(state.votes, state.openVoteId) : undefined;
  if (!vote || vote.status !== 'open' || own(vote.eligibleIds, person.personId) || own(vote.lateJoiners, person.personId)) return state;
  return { ...state, votes: { ...state.votes, [vote.voteId]: { ...vote, lateJoiners: { ...vote.lateJoiners, [person.personId]: person } } } };
}
