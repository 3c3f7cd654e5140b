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
  | 'vote.named_demand_late'
  | 'forbidden.not_in_roster'
  | 'forbidden.not_interpreter'
  | 'forbidden.subroom_owner'
  | 'booth.no_partner'
  | 'booth.relay_own_language'
  | 'booth.no_such_channel'
  | 'subroom.bad_name'
  | 'subroom.no_faction'
  | 'subroom.not_in'
  | 'subroom.not_invited'
  | 'subroom.not_member'
  | 'subroom.other_faction';

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
  'forbidden.not_in_roster': 'Only people in the parliament’s roster take part in the chamber.',
  'forbidden.not_interpreter': 'Only an interpreter of a booth may do this.',
  'forbidden.subroom_owner': 'Only who opened the subroom, or the chair’s team, may close it.',
  'booth.no_partner': 'Your booth has no partner to hand over to.',
  'booth.relay_own_language': 'A booth cannot relay its own language.',
  'booth.no_such_channel': 'There is no booth for that language to relay from.',
  'subroom.bad_name': 'Give the subroom a name of 1 to 80 characters.',
  'subroom.no_faction': 'Members without a faction have no faction to consult.',
  'subroom.not_in': 'You are not in this subroom.',
  'subroom.not_invited': 'You have no invitation to this subroom.',
  'subroom.not_member': 'Only members can be invited to a subroom.',
  'subroom.other_faction': 'Only members of the subroom’s faction can be invited.',
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
  'forbidden.not_in_roster': 'Am Plenarsaal nehmen nur Personen aus dem Verzeichnis des Parlaments teil.',
  'forbidden.not_interpreter': 'Das dürfen nur Dolmetscherinnen und Dolmetscher einer Kabine.',
  'forbidden.subroom_owner': 'Schließen dürfen nur, wer den Beratungsraum geöffnet hat, oder die Sitzungsleitung.',
  'booth.no_partner': 'Ihre Kabine hat keine Partnerin und keinen Partner für die Übergabe.',
  'booth.relay_own_language': 'Eine Kabine kann nicht ihre eigene Sprache als Relais nehmen.',
  'booth.no_such_channel': 'Für diese Sprache gibt es keine Kabine als Relais.',
  'subroom.bad_name': 'Geben Sie dem Beratungsraum einen Namen mit 1 bis 80 Zeichen.',
  'subroom.no_faction': 'Fraktionslose Mitglieder haben keine Fraktion zur Beratung.',
  'subroom.not_in': 'Sie sind nicht in diesem Beratungsraum.',
  'subroom.not_invited': 'Sie sind in diesen Beratungsraum nicht eingeladen.',
  'subroom.not_member': 'In einen Beratungsraum können nur Mitglieder eingeladen werden.',
  'subroom.other_faction': 'Eingeladen werden können nur Mitglieder der Fraktion des Beratungsraums.',
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
