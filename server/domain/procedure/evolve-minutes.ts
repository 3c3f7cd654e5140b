/**
 * What the protocol's own entries (and the texts they may correct) do to the state: who presides,
 * which texts a correction may replace, the approval. Applied after evolve.ts on every entry.
 */
import type { RecordedEvent } from './events';
import type { ProcedureState } from './state';

export function evolveMinutes(state: ProcedureState, entry: RecordedEvent): ProcedureState {
  const e = entry.event;
  const seq = String(entry.seq);
  switch (e.kind) {
    case 'sitting.opened':
      return state.openedBy === null ? { ...state, openedBy: entry.actorId } : state;
    case 'presidency.taken':
      return { ...state, presiding: e.person };
    case 'minutes.noted':
      return { ...state, corrigible: { ...state.corrigible, [seq]: { kind: 'minutes_note', text: e.text } } };
    case 'point_of_order.raised':
      return { ...state, corrigible: { ...state.corrigible, [seq]: { kind: 'point_of_order', text: e.text } } };
    case 'point_of_order.decided':
      return e.note === null ? state : { ...state, corrigible: { ...state.corrigible, [seq]: { kind: 'decision_note', text: e.note } } };
    case 'protocol.corrected': {
      const target = state.corrigible[String(e.target.seq)];
      if (!target) return state;
      // A correction after the approval lapses it: the chair approves the corrected protocol anew.
      return { ...state, corrigible: { ...state.corrigible, [String(e.target.seq)]: { ...target, text: e.text } }, approval: null };
    }
    case 'protocol.approved':
      return { ...state, approval: { seq: e.seq, head: e.head, at: entry.at, by: e.by } };
    default:
      return state;
  }
}
