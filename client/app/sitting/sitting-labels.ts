import type { AgendaItemKind, Office, SittingState } from '../shared/graphql-schema.generated';

export const sittingStateLabels: Readonly<Record<SittingState, string>> = {
  SCHEDULED: 'Scheduled',
  OPEN: 'Open',
  SUSPENDED: 'Suspended',
  CLOSED: 'Closed',
};

export const agendaItemKindLabels: Readonly<Record<AgendaItemKind, string>> = {
  PROCEDURE: 'Procedure',
  DEBATE: 'Debate',
  QUESTION_TIME: 'Question time',
  ELECTION: 'Election',
  VOTE: 'Vote',
  OTHER: 'Other',
};

export const officeLabels: Readonly<Record<Office, string>> = {
  PRESIDENT: 'President',
  VICE_PRESIDENT: 'Vice-President',
};
