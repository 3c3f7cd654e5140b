/** The lobby in the state: who waits, who was admitted (as what, for how long), declined or removed. */
import type { ProcedureEvent } from './events';
import type { Admission, ProcedureState } from './state';
import { own } from './lookup';

type AdmissionEvent = Extract<ProcedureEvent, { kind: 'lobby.asked' | 'lobby.admitted' | 'lobby.declined' | 'lobby.admission_ended' | 'participant.removed' }>;

function withAdmission(state: ProcedureState, id: string, admission: Admission): ProcedureState {
  return { ...state, admissions: { ...state.admissions, [id]: admission } };
}

export function evolveAdmission(state: ProcedureState, e: AdmissionEvent, at: string): ProcedureState {
  switch (e.kind) {
    case 'lobby.asked':
      return withAdmission(state, e.entrant.entrantId, {
        entrant: e.entrant,
        status: 'waiting',
        role: null,
        substituteFor: null,
        agendaItemId: null,
        since: at,
        reason: null,
      });
    case 'lobby.admitted':
      return withAdmission(state, e.entrant.entrantId, {
        entrant: e.entrant,
        status: 'admitted',
        role: e.role,
        substituteFor: e.substituteFor,
        agendaItemId: e.agendaItemId,
        since: at,
        reason: null,
      });
    case 'lobby.declined': {
      const a = own(state.admissions, e.entrantId);
      return a ? withAdmission(state, e.entrantId, { ...a, status: 'declined', since: at, reason: e.reason }) : state;
    }
    case 'lobby.admission_ended': {
      const a = own(state.admissions, e.entrantId);
      return a?.status === 'admitted' ? withAdmission(state, e.entrantId, { ...a, status: 'ended', since: at }) : state;
    }
    case 'participant.removed': {
      const a = own(state.admissions, e.participantId);
      // A roster person enters the lobby's books only now: from here on they ask like anyone else.
      const entrant = a?.entrant ?? { entrantId: e.participantId, name: e.name, personId: e.participantId };
      const { [e.participantId]: _gone, ...present } = state.present;
      return {
        ...withAdmission(state, e.participantId, {
          entrant,
          status: 'removed',
          role: a?.role ?? null,
          substituteFor: null,
          agendaItemId: null,
          since: at,
          reason: e.reason,
        }),
        present,
      };
    }
  }
}
