/**
 * How order measures change the state. Tolerant like evolve: an entry that does not fit (an unknown
 * exclusion, an objection already decided) changes nothing.
 */
import type { ProcedureEvent } from './events';
import { own } from './lookup';
import type { Exclusion, OrderState, ProcedureState } from './state';

export type OrderEvent = Extract<ProcedureEvent, { kind: `order.${string}` }>;

export function evolveOrder(state: ProcedureState, e: OrderEvent, at: string): ProcedureState {
  const order = state.order;
  const next = (patch: Partial<OrderState>): ProcedureState => ({ ...state, order: { ...order, ...patch } });
  switch (e.kind) {
    case 'order.called_to_point':
    case 'order.called_to_order': {
      const kind = e.kind === 'order.called_to_point' ? 'to_point' : 'to_order';
      return next({ calls: [...order.calls, { measureId: e.measureId, kind, personId: e.person.personId, person: e.person, floorId: e.floorId, at }] });
    }
    case 'order.floor_withdrawn':
      // The floor.ended that follows ends the speech; here only that it was withdrawn.
      return next({ withdrawals: [...order.withdrawals, { floorId: e.floorId, personId: e.person.personId, at }] });
    case 'order.muted':
      return next({ muted: { ...order.muted, [e.person.personId]: e.person } });
    case 'order.unmuted': {
      if (!own(order.muted, e.person.personId)) return state;
      const { [e.person.personId]: _gone, ...muted } = order.muted;
      return next({ muted });
    }
    case 'order.excluded':
    case 'order.exclusion_carried': {
      if (own(order.exclusions, e.exclusionId)) return state;
      const carried = e.kind === 'order.exclusion_carried';
      const exclusion: Exclusion = {
        exclusionId: e.exclusionId,
        person: e.person,
        sittingDays: e.sittingDays,
        fromSittingId: carried ? e.fromSittingId : null,
        remaining: carried ? e.remaining : e.sittingDays,
        at,
        reason: carried ? null : e.reason,
        objection: carried && e.objection ? { text: e.objection.text, at: null, decision: null } : null,
        lifted: false,
      };
      // An excluded member's microphone is gone with them: an individual mute has nothing left to hold.
      const { [e.person.personId]: _unmuted, ...muted } = order.muted;
      return next({ exclusions: { ...order.exclusions, [e.exclusionId]: exclusion }, muted });
    }
    case 'order.objection_recorded': {
      const x = own(order.exclusions, e.exclusionId);
      if (!x || x.objection) return state;
      return next({ exclusions: { ...order.exclusions, [x.exclusionId]: { ...x, objection: { text: e.text, at, decision: null } } } });
    }
    case 'order.objection_decided': {
      const x = own(order.exclusions, e.exclusionId);
      if (!x?.objection || x.objection.decision) return state;
      const decided: Exclusion = { ...x, objection: { ...x.objection, decision: { upheld: e.upheld, note: e.note, at } }, lifted: e.upheld };
      return next({ exclusions: { ...order.exclusions, [x.exclusionId]: decided } });
    }
    default: {
      const unknown: never = e;
      void unknown;
      return state;
    }
  }
}

/** The exclusion in force against the person in this sitting, if any. */
export function exclusionOf(state: ProcedureState, personId: string): Exclusion | undefined {
  return Object.values(state.order.exclusions).find((x) => x.person.personId === personId && !x.lifted);
}
