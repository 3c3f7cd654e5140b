import type { Translations } from '../i18n/translation-state';

/** The rules of the house a command can break (the `rule` of a RuleViolation), as the server names them. */
export type RuleCode =
  | 'forbidden.chair_only'
  | 'forbidden.not_member'
  | 'forbidden.not_self'
  | 'sitting.not_open'
  | 'sitting.closed'
  | 'sitting.invalid_transition'
  | 'sitting.vote_open'
  | 'agenda.no_current_item'
  | 'attendance.not_present'
  | 'speaker.list_closed'
  | 'speaker.duplicate_request'
  | 'speaker.max_speeches'
  | 'speaker.no_running_speech'
  | 'speaker.list_empty'
  | 'speaker.quota_exhausted'
  | 'floor.empty'
  | 'point_of_order.unknown_category'
  | 'point_of_order.pending'
  | 'point_of_order.undecided'
  | 'vote.already_open'
  | 'vote.no_quorum'
  | 'vote.not_eligible'
  | 'vote.already_cast'
  | 'vote.not_open'
  | 'vote.named_excluded'
  | 'vote.named_demand_late';

const en: Readonly<Record<RuleCode, string>> = {
  'forbidden.chair_only': 'Only the chair may do this.',
  'forbidden.not_member': 'Only members with voting rights may do this.',
  'forbidden.not_self': 'Only the person themselves or the chair’s team may do this.',
  'sitting.not_open': 'The sitting is not open.',
  'sitting.closed': 'The sitting is closed.',
  'sitting.invalid_transition': 'The sitting cannot change to that state from its current one.',
  'sitting.vote_open': 'A vote is open: close or cancel it first.',
  'agenda.no_current_item': 'No agenda item has been called.',
  'attendance.not_present': 'This needs the person to have joined the sitting.',
  'speaker.list_closed': 'The list of speakers is closed.',
  'speaker.duplicate_request': 'This person is already on the list for this item.',
  'speaker.max_speeches': 'The maximum number of speeches on this item has been reached.',
  'speaker.no_running_speech': 'An interjection question can only be asked of a speech in progress.',
  'speaker.list_empty': 'Nobody is waiting for the floor.',
  'speaker.quota_exhausted': 'This faction has no speaking time left on this item (the chair may grant a limit).',
  'floor.empty': 'Nobody has the floor.',
  'point_of_order.unknown_category': 'The rules of procedure know no such point of order.',
  'point_of_order.pending': 'A point of order goes first and is decided before the debate goes on.',
  'point_of_order.undecided': 'Decide the point of order before the debate goes on.',
  'vote.already_open': 'Another vote is already open.',
  'vote.no_quorum': 'The house is not quorate.',
  'vote.not_eligible': 'This person may not vote in this vote.',
  'vote.already_cast': 'A ballot has already been cast.',
  'vote.not_open': 'The vote is not open.',
  'vote.named_excluded': 'The rules of procedure allow no named vote on this matter.',
  'vote.named_demand_late': 'It is too late to demand a named vote.',
};

const de: typeof en = {
  'forbidden.chair_only': 'Das darf nur der Vorsitz.',
  'forbidden.not_member': 'Das dürfen nur stimmberechtigte Mitglieder.',
  'forbidden.not_self': 'Das dürfen nur die Person selbst oder die Sitzungsleitung.',
  'sitting.not_open': 'Die Sitzung ist nicht eröffnet.',
  'sitting.closed': 'Die Sitzung ist geschlossen.',
  'sitting.invalid_transition': 'Die Sitzung kann aus ihrem jetzigen Stand nicht in diesen wechseln.',
  'sitting.vote_open': 'Eine Abstimmung läuft: Schließen oder brechen Sie sie zuerst ab.',
  'agenda.no_current_item': 'Es ist noch kein Tagesordnungspunkt aufgerufen.',
  'attendance.not_present': 'Dafür muss die Person an der Sitzung teilnehmen.',
  'speaker.list_closed': 'Die Redeliste ist geschlossen.',
  'speaker.duplicate_request': 'Diese Person steht zu diesem Punkt bereits auf der Redeliste.',
  'speaker.max_speeches': 'Die Höchstzahl an Reden zu diesem Punkt ist erreicht.',
  'speaker.no_running_speech': 'Eine Zwischenfrage ist nur während einer laufenden Rede möglich.',
  'speaker.list_empty': 'Niemand wartet auf das Wort.',
  'speaker.quota_exhausted':
    'Diese Fraktion hat zu diesem Punkt keine Redezeit mehr (der Vorsitz kann eine Redezeit gewähren).',
  'floor.empty': 'Niemand hat das Wort.',
  'point_of_order.unknown_category': 'Die Geschäftsordnung kennt diesen Geschäftsordnungsantrag nicht.',
  'point_of_order.pending':
    'Ein Geschäftsordnungsantrag geht vor und wird entschieden, bevor die Aussprache weitergeht.',
  'point_of_order.undecided': 'Entscheiden Sie über den Geschäftsordnungsantrag, bevor die Aussprache weitergeht.',
  'vote.already_open': 'Es läuft bereits eine Abstimmung.',
  'vote.no_quorum': 'Das Haus ist nicht beschlussfähig.',
  'vote.not_eligible': 'Diese Person ist bei dieser Abstimmung nicht stimmberechtigt.',
  'vote.already_cast': 'Die Stimme wurde bereits abgegeben.',
  'vote.not_open': 'Die Abstimmung läuft nicht.',
  'vote.named_excluded': 'Die Geschäftsordnung lässt hierzu keine namentliche Abstimmung zu.',
  'vote.named_demand_late': 'Für das Verlangen einer namentlichen Abstimmung ist es zu spät.',
};

/** Why the server refused a command, by the rule it named, in the interface language. */
export const ruleText: Translations<Readonly<Record<RuleCode, string>>> = { en, de };

/** The text of a refusal: ours for a rule we know, else the server's own (English) message. */
export function refusalText(
  problem: { readonly rule: string | null; readonly message: string },
  rules: Readonly<Record<RuleCode, string>>,
): string {
  const rule = problem.rule;
  return rule !== null && Object.hasOwn(rules, rule) ? rules[rule as RuleCode] : problem.message;
}
