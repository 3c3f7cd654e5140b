/**
 * Every rule of the house a command can break: the `rule` of a RuleViolation, as the server raises
 * it and the client translates it. Shared by server and client through the `@contract/*` path;
 * this file imports nothing, so both sides compile it as it stands. A code not listed here does
 * not compile on the server, and a code listed here without a text does not compile on the client.
 */
export const ruleCodes = {
  forbidden: [
    'forbidden.chair_only',
    'forbidden.not_member',
    'forbidden.not_self',
    'forbidden.no_person',
    'forbidden.cannot_speak',
    'forbidden.guest_added_by_chair',
    'forbidden.not_own_request',
    'forbidden.not_own_point',
    'forbidden.speaker_or_chair',
    'forbidden.it_admin_only',
    'forbidden.not_in_roster',
    'forbidden.not_interpreter',
    'forbidden.subroom_owner',
    'forbidden.presiding_only',
    'forbidden.record_keepers_only',
    'forbidden.not_speaker',
    'forbidden.system_only',
  ],
  sitting: [
    'sitting.not_open',
    'sitting.closed',
    'sitting.invalid_transition',
    'sitting.vote_open',
    'sitting.already_started',
    'sitting.cancelled',
    'sitting.not_later',
    'sitting.has_record',
  ],
  agenda: [
    'agenda.no_current_item',
    'agenda.item_not_in_sitting',
    'agenda.sitting_closed',
    'agenda.sitting_in_progress',
    'agenda.sitting_cancelled',
    'agenda.point_not_accepted',
    'agenda.vote_not_passed',
    'agenda.position_out_of_range',
    'agenda.item_dealt_with',
  ],
  attendance: ['attendance.not_present'],
  speaker: [
    'speaker.list_closed',
    'speaker.duplicate_request',
    'speaker.max_speeches',
    'speaker.no_running_speech',
    'speaker.list_empty',
    'speaker.quota_exhausted',
    'speaker.interjections_disabled',
    'speaker.short_interventions_disabled',
    'speaker.not_current_speech',
    'speaker.self_address',
    'speaker.no_finished_speech',
    'speaker.already_answered',
    'speaker.not_pending',
    'speaker.not_granted',
    'speaker.not_current_item',
    'speaker.not_interjection',
    'speaker.reorder_mismatch',
  ],
  floor: ['floor.empty', 'floor.no_limit', 'floor.no_talking_stick', 'floor.not_expired'],
  lobby: ['lobby.not_needed', 'lobby.not_waiting', 'lobby.no_current_item', 'lobby.removed', 'participant.self'],
  interjection: ['interjection.in_progress', 'interjection.none'],
  pointOfOrder: [
    'point_of_order.unknown_category',
    'point_of_order.pending',
    'point_of_order.undecided',
    'point_of_order.already_raised',
    'point_of_order.not_pending',
    'point_of_order.no_counter_speech',
    'point_of_order.not_heard',
    'point_of_order.counter_heard',
  ],
  vote: [
    'vote.already_open',
    'vote.already_opened',
    'vote.draft_opened',
    'vote.sitting_closed',
    'vote.no_quorum',
    'vote.no_eligible_voters',
    'vote.not_eligible',
    'vote.already_cast',
    'vote.not_open',
    'vote.expired',
    'vote.unknown_option',
    'vote.abstention_not_allowed',
    'vote.no_duration',
    'vote.not_expired',
    'vote.named_excluded',
    'vote.named_demand_late',
    'vote.named_demand_not_allowed',
    'vote.show_of_hands_no_ballots',
    'vote.show_of_hands_counts_required',
    'vote.not_show_of_hands',
    'vote.counts_exceed_eligible',
    'vote.token_already_issued',
    'vote.token_spent',
  ],
  election: [
    'election.not_an_election',
    'election.round_open',
    'election.round_superseded',
    'election.decided',
    'election.no_further_round',
    'election.seats_exceed_candidates',
  ],
  roster: [
    'roster.seats_below_members',
    'roster.seats_exceed_membership',
    'roster.voting_right_needs_member',
    'roster.own_rights',
    'roster.person_in_record',
    'roster.import_stale',
  ],
  booth: [
    'booth.no_partner',
    'booth.relay_own_language',
    'booth.no_such_channel',
    'booth.floor_language',
    'booth.language_taken',
    'booth.one_sign_booth',
    'booth.on_air',
    'booth.has_interpreters',
    'booth.not_interpreter',
    'booth.person_ended',
    'booth.interpreter_on_air',
  ],
  subroom: ['subroom.bad_name', 'subroom.no_faction', 'subroom.not_in', 'subroom.not_invited', 'subroom.not_member', 'subroom.other_faction'],
  broadcast: ['broadcast.not_running'],
  order: [
    'order.call_to_point_not_allowed',
    'order.withdrawal_needs_calls',
    'order.exclusion_too_long',
    'order.excluded',
    'order.not_excluded',
    'order.objection_not_allowed',
    'order.objection_recorded',
    'order.no_objection',
    'order.objection_decided',
    'order.chair_team',
  ],
  minutes: ['minutes.moment_out_of_range'],
  protocol: ['protocol.not_correctable', 'protocol.hash_mismatch', 'protocol.sitting_not_closed', 'protocol.record_moved_on'],
} as const;

/** The area a rule belongs to (the key of `ruleCodes`). */
export type RuleArea = keyof typeof ruleCodes;
/** One rule of the house, e.g. `vote.expired`. */
export type RuleCode = (typeof ruleCodes)[RuleArea][number];

/** Every rule code, in the order listed above. */
export const allRuleCodes: readonly RuleCode[] = Object.values(ruleCodes).flat();

const known: ReadonlySet<string> = new Set(allRuleCodes);

/** Whether a string from the wire names a rule of the list. */
export function isRuleCode(value: string): value is RuleCode {
  return known.has(value);
}

/**
 * The name of a rule in the GraphQL enum `RuleCode`: GraphQL names allow no dots, so
 * `point_of_order.not_pending` is `POINT_OF_ORDER__NOT_PENDING` (the area, two underscores, the rule).
 */
export type RuleCodeName<C extends string = RuleCode> = C extends `${infer Area}.${infer Rule}` ? `${Uppercase<Area>}__${Uppercase<Rule>}` : never;

export function ruleCodeName<C extends RuleCode>(code: C): RuleCodeName<C> {
  return code.replace('.', '__').toUpperCase() as RuleCodeName<C>;
}
