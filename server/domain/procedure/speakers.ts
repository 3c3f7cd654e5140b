/**
 * The speaker list of the current agenda item. Members request and withdraw their own requests; podium
 * guests are added by the chair only; interpreters and clerks never speak. The chair's team may add
 * anyone who may speak, remove, reorder, close and reopen the list (closed: only the chair adds speeches).
 */
import { InputError, NotFoundError, RuleViolation } from '../errors';
import type { DecideContext, ProcedureCommand } from './commands';
import type { ProcedureEvent } from './events';
import type { ProcedureState, SpeakerRequest } from './state';
import type { RequestKind } from './vocabulary';
import { requestKinds } from './vocabulary';
import { addressOf } from './evolve-floor';
import { chargesQuota } from './clocks';
import { itemOf, own } from './lookup';
import { pendingOn } from './queue';
import {
  canSpeak,
  isChairTeam,
  personOf,
  personRef,
  requireChair,
  requireNotClosed,
  requireNotExcluded,
  requireOpen,
  requirePresent,
  rulesOf,
} from './permissions';

type Of<K extends ProcedureCommand['kind']> = Extract<ProcedureCommand, { kind: K }>;

export function currentItem(state: ProcedureState): string {
  if (state.currentItemId === null) throw new RuleViolation('agenda.no_current_item', 'no agenda item has been called');
  return state.currentItemId;
}

export function requestSpeech(state: ProcedureState, cmd: Of<'speaker.request'>, ctx: DecideContext): ProcedureEvent[] {
  requireOpen(state, 'asking for the floor');
  const chair = isChairTeam(ctx.actor);
  const self = ctx.actor.personId !== null && ctx.actor.personId === cmd.personId;
  if (!self && !chair) throw new RuleViolation('forbidden.not_self', "only the chair's team may add someone else to the list");
  const person = personOf(ctx.sitting, cmd.personId);
  if (!canSpeak(person)) throw new RuleViolation('forbidden.cannot_speak', `${person.name} does not speak in the sitting (interpreters and clerks never do)`);
  if (self && !chair && !person.roles.includes('member')) {
    throw new RuleViolation('forbidden.guest_added_by_chair', 'podium guests are given the floor by the chair; they cannot ask for it themselves');
  }
  requireNotExcluded(state, person.id, 'asking for the floor');
  if (self) requirePresent(state, person.id, 'asking for the floor');
  if (!requestKinds.includes(cmd.requestKind)) throw new InputError([{ path: ['requestKind'], message: `unknown request kind ${String(cmd.requestKind)}` }]);
  if (cmd.stance !== null && cmd.stance !== 'pro' && cmd.stance !== 'contra')
    throw new InputError([{ path: ['stance'], message: 'a stance is pro or contra' }]);
  const agendaItemId = currentItem(state);
  const addresses = addressed(state, cmd.requestKind, cmd, agendaItemId, person.id, chair, ctx);
  return [
    {
      kind: 'speaker.requested',
      requestId: ctx.newId(),
      agendaItemId,
      person: personRef(ctx.sitting, person),
      requestKind: cmd.requestKind,
      stance: cmd.stance,
      addressesRequestId: addresses,
      addedBy: self ? null : ctx.actor.personId,
    },
  ];
}

/** Checks a request of its kind and returns what it addresses (the running speech, a finished one, or nothing). */
function addressed(
  state: ProcedureState,
  kind: RequestKind,
  cmd: Of<'speaker.request'>,
  agendaItemId: string,
  personId: string,
  chair: boolean,
  ctx: DecideContext,
): string | null {
  const rules = rulesOf(state, ctx).speech;
  const mine = (r: SpeakerRequest) => r.person.personId === personId && r.agendaItemId === agendaItemId;
  const requests = Object.values(state.requests);
  switch (kind) {
    case 'speech': {
      if (cmd.addressesRequestId !== null) throw new InputError([{ path: ['addressesRequestId'], message: 'a speech addresses no other speech' }]);
      if (itemOf(state, agendaItemId).listClosed && !chair) throw new RuleViolation('speaker.list_closed', 'the list of speakers is closed');
      if (requests.some((r) => mine(r) && r.requestKind === 'speech' && r.status === 'pending')) {
        throw new RuleViolation('speaker.duplicate_request', 'this person is already on the list for this item');
      }
      const max = rules.maxSpeechesPerItem;
      if (max !== null) {
        const held = [...state.floors, ...(state.floor ? [state.floor] : [])].filter(
          (f) => f.agendaItemId === agendaItemId && f.floorKind === 'speech' && f.person.personId === personId,
        ).length;
        if (held >= max) throw new RuleViolation('speaker.max_speeches', `one may speak at most ${max} time(s) on an item`);
      }
      return null;
    }
    case 'interjection': {
      if (!rules.interjectionsEnabled) throw new RuleViolation('speaker.interjections_disabled', 'interjection questions are not allowed by the rules');
      const floor = state.floor;
      if (!floor || floor.agendaItemId !== agendaItemId || !chargesQuota(floor.floorKind)) {
        throw new RuleViolation('speaker.no_running_speech', 'an interjection question is asked of a speech in progress');
      }
      const address = addressOf(floor);
      if (cmd.addressesRequestId !== null && cmd.addressesRequestId !== address) {
        throw new RuleViolation('speaker.not_current_speech', 'an interjection question is asked of the current speech only');
      }
      if (floor.person.personId === personId) throw new RuleViolation('speaker.self_address', 'a speaker cannot question their own speech');
      if (
        requests.some(
          (r) => mine(r) && r.requestKind === 'interjection' && r.addressesRequestId === address && (r.status === 'pending' || r.status === 'accepted'),
        )
      ) {
        throw new RuleViolation('speaker.duplicate_request', 'this person has already asked to put a question to this speech');
      }
      return address;
    }
    case 'short_intervention': {
      if (!rules.shortInterventionsEnabled) throw new RuleViolation('speaker.short_interventions_disabled', 'short interventions are not allowed by the rules');
      const finished = state.floors.filter((f) => f.agendaItemId === agendaItemId && chargesQuota(f.floorKind));
      const target = cmd.addressesRequestId === null ? finished.at(-1) : finished.find((f) => addressOf(f) === cmd.addressesRequestId);
      if (!target) throw new RuleViolation('speaker.no_finished_speech', 'a short intervention replies to a finished speech on this item');
      if (target.person.personId === personId) throw new RuleViolation('speaker.self_address', 'a short intervention replies to someone else’s speech');
      const address = addressOf(target);
      if (requests.some((r) => mine(r) && r.requestKind === 'short_intervention' && r.addressesRequestId === address && r.status === 'pending')) {
        throw new RuleViolation('speaker.duplicate_request', 'this person has already asked to reply to this speech');
      }
      return address;
    }
    default: {
      const unknown: never = kind;
      throw new InputError([{ path: ['requestKind'], message: `unknown request kind ${String(unknown)}` }]);
    }
  }
}

function requestOf(state: ProcedureState, requestId: string): SpeakerRequest {
  const request = own(state.requests, requestId);
  if (!request) throw new NotFoundError('speakerRequest', requestId);
  return request;
}

function requirePending(request: SpeakerRequest): void {
  if (request.status !== 'pending') throw new RuleViolation('speaker.not_pending', `the request is ${request.status}, no longer waiting`);
}

export function withdraw(state: ProcedureState, cmd: Of<'speaker.withdraw'>, ctx: DecideContext): ProcedureEvent[] {
  requireNotClosed(state, 'withdrawing a request');
  const request = requestOf(state, cmd.requestId);
  if (ctx.actor.personId !== request.person.personId) {
    throw new RuleViolation('forbidden.not_own_request', "only the person who asked withdraws a request (the chair's team removes)");
  }
  requirePending(request);
  return [{ kind: 'speaker.withdrawn', requestId: request.requestId }];
}

export function remove(state: ProcedureState, cmd: Of<'speaker.remove'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'remove a speaker from the list');
  requireNotClosed(state, 'removing a speaker');
  const request = requestOf(state, cmd.requestId);
  requirePending(request);
  return [{ kind: 'speaker.removed', requestId: request.requestId }];
}

/** The chair's order: exactly the pending requests of the current item (speeches and short interventions), each once. */
export function reorder(state: ProcedureState, cmd: Of<'speaker.reorder'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'reorder the list');
  requireNotClosed(state, 'reordering the list');
  const agendaItemId = currentItem(state);
  const pending = new Set(pendingOn(state, agendaItemId).map((r) => r.requestId));
  const given = new Set(cmd.order);
  if (given.size !== cmd.order.length || given.size !== pending.size || cmd.order.some((id) => !pending.has(id))) {
    throw new RuleViolation('speaker.reorder_mismatch', 'a new order lists every waiting request of the current item exactly once');
  }
  return [{ kind: 'speaker.reordered', agendaItemId, order: [...cmd.order] }];
}

export function closeList(state: ProcedureState, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'close the list of speakers');
  requireNotClosed(state, 'closing the list');
  const agendaItemId = currentItem(state);
  return itemOf(state, agendaItemId).listClosed ? [] : [{ kind: 'speaker_list.closed', agendaItemId }];
}

export function reopenList(state: ProcedureState, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'reopen the list of speakers');
  requireNotClosed(state, 'reopening the list');
  const agendaItemId = currentItem(state);
  return itemOf(state, agendaItemId).listClosed ? [{ kind: 'speaker_list.reopened', agendaItemId }] : [];
}
