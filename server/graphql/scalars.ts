import { GraphQLError, Kind } from 'graphql';
import { voteOutcomes } from '@contract/vote-outcomes';
import { electionFields, electionMajorities, electionTieRules } from '@contract/elections';
import { builder } from './builder';
import { agendaItemKinds, boothKinds, offices, roles } from '../domain/parliament';
import { sittingStates } from '../domain/sitting';
import {
  floorKinds,
  majorityKinds,
  optionMeanings,
  orderPolicies,
  pointOfOrderDecisions,
  requestKinds,
  stances,
  voteKinds,
} from '../domain/procedure/vocabulary';

builder.scalarType('DateTime', {
  description: 'An instant as an ISO-8601 string with offset, e.g. 2026-12-03T08:00:00.000Z.',
  serialize: (d) => d.toISOString(),
  parseValue: (v) => parseDate(v),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDate(v: unknown): Date {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw new GraphQLError('DateTime must be an ISO-8601 string with a time zone offset', { extensions: { code: 'BAD_USER_INPUT' } });
}

const upper = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as Record<Uppercase<T>, { value: T }>;

export const RoleEnum = builder.enumType('Role', { values: upper(roles) });
export const OfficeEnum = builder.enumType('Office', { values: upper(offices) });
export const SittingStateEnum = builder.enumType('SittingState', { values: upper(sittingStates) });
export const AgendaItemKindEnum = builder.enumType('AgendaItemKind', {
  values: upper(agendaItemKinds),
});
export const BoothKindEnum = builder.enumType('BoothKind', { values: upper(boothKinds) });

// ---- procedure ----
export const RequestKindEnum = builder.enumType('RequestKind', { values: upper(requestKinds) });
export const StanceEnum = builder.enumType('Stance', { values: upper(stances) });
export const OrderPolicyEnum = builder.enumType('OrderPolicy', { values: upper(orderPolicies) });
export const FloorKindEnum = builder.enumType('FloorKind', {
  values: upper(floorKinds),
});
export const PointOfOrderDecisionEnum = builder.enumType('PointOfOrderDecision', { values: upper(pointOfOrderDecisions) });
export const VoteKindEnum = builder.enumType('VoteKind', { values: upper(voteKinds) });
export const MajorityKindEnum = builder.enumType('MajorityKind', { values: upper(majorityKinds) });
export const OptionMeaningEnum = builder.enumType('OptionMeaning', { values: upper(optionMeanings) });
export const VoteStatusEnum = builder.enumType('VoteStatus', { values: upper(['open', 'closed', 'cancelled'] as const) });
export const VoteOutcomeEnum = builder.enumType('VoteOutcome', {
  description: 'What the house decided. NOT_QUORATE and CANCELLED decided nothing; TIE rejects (the rules of every preset).',
  values: upper(voteOutcomes),
});
export const ElectionMajorityEnum = builder.enumType('ElectionMajority', {
  description: 'What a candidate needs in a round: a majority of the members, of the valid votes (candidates and no), or the most votes.',
  values: upper(electionMajorities),
});
export const ElectionFieldEnum = builder.enumType('ElectionField', { values: upper(electionFields) });
export const ElectionTieRuleEnum = builder.enumType('ElectionTieRule', { values: upper(electionTieRules) });
export const VoteResultReasonEnum = builder.enumType('VoteResultReason', {
  values: upper(['majority_reached', 'majority_missed', 'tie', 'no_quorum'] as const),
});

builder.scalarType('JSON', {
  description: 'Any JSON value (record payloads, rulebooks).',
  serialize: (v) => v,
  parseValue: (v) => v,
});
