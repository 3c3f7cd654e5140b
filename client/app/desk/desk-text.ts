import type { Translations } from '../i18n/translation-state';
import type { MinutesNoteKind } from '../shared/graphql-schema.generated';
import type { SpeakerPrefix } from './speaker-prefixes';

const en = {
  deskTitle: 'Clerk’s desk',
  onlyRecordKeepers: 'Only the clerks and the chair’s team can use the clerk’s desk.',
  // Captions
  captions: 'Captions',
  captionLabel: 'Caption line',
  captionHelp:
    'Enter sends the line to the live stream. Alt+1 … Alt+9 insert a speaker: 1 the speaker on the floor, 2 the presiding chair, then the next and recent speakers.',
  captionsSent: 'Sent to the stream',
  noCaptionsYet: 'No caption sent yet.',
  prefixes: 'Speaker shortcuts',
  noPrefixes: 'Nobody to insert yet: nobody has the floor.',
  prefixRole: { speaker: 'on the floor', chair: 'presiding', next: 'next on the list', recent: 'spoke recently' } satisfies Record<
    SpeakerPrefix['role'],
    string
  >,
  insertPrefix: (key: number, name: string) => `Insert “${name}:” (Alt+${key})`,
  // Minutes notes
  minutes: 'Minutes notes',
  noteKind: 'Kind',
  noteKinds: { APPLAUSE: 'Applause', INTERJECTION: 'Interjection', CALL: 'Call', OTHER: 'Other' } satisfies Record<MinutesNoteKind, string>,
  noteText: 'Note (printed in parentheses)',
  noteHelp: 'The moment is taken when you start typing; Enter records the note.',
  noteMoment: (time: string) => `Moment: ${time}`,
  applauseFrom: (group: string) => `Applause from the ${group}`,
  applauseTemplate: (group: string) => `Applause from the ${group}`,
  recordNote: 'Record the note',
  // Protocol
  protocol: 'Protocol texts',
  protocolHelp: 'A correction is a new entry of the record naming the one it corrects; the protocol shows the corrected text and notes the correction.',
  noTexts: 'No notes or points of order yet.',
  what: { minutes_note: 'Note', point_of_order: 'Point of order', decision_note: 'Note on a decision' } satisfies Record<
    'minutes_note' | 'point_of_order' | 'decision_note',
    string
  >,
  corrected: (n: number) => (n === 1 ? 'corrected once' : `corrected ${n} times`),
  correct: 'Correct',
  correctLabel: (seq: number) => `Corrected text of entry ${seq}`,
  saveCorrection: 'Save the correction',
  cancel: 'Cancel',
  // Approval
  approval: 'Approval',
  approvedBy: (name: string, time: string) => `Approved by ${name} on ${time}.`,
  captionsNotLive: 'Captions go to the live stream, which runs while the sitting is open or suspended.',
  notesNotNow: 'Notes are recorded while the sitting is open or suspended; afterwards, correct the protocol’s texts below.',
  notApproved: 'The protocol has not been approved.',
  approveAfterClose: 'The chair approves the protocol once the sitting is closed.',
  approve: (seq: number) => `Approve the protocol as of entry ${seq}`,
  onlyPresiding: 'Only the President or a Vice-President approves the protocol.',
  approvalPolicy: 'A correction after the approval lapses it: the chair then approves the corrected protocol again.',
  recordFailed: 'Could not read the record',
};

const de: typeof en = {
  deskTitle: 'Sitzungsdienst',
  onlyRecordKeepers: 'Den Arbeitsplatz des Sitzungsdienstes nutzen nur der Sitzungsdienst und die Sitzungsleitung.',
  captions: 'Untertitel',
  captionLabel: 'Untertitelzeile',
  captionHelp:
    'Eingabe sendet die Zeile an den Livestream. Alt+1 … Alt+9 fügen eine Rednerin oder einen Redner ein: 1 wer das Wort hat, 2 den Vorsitz, dann die nächsten und die letzten Redner.',
  captionsSent: 'An den Stream gesendet',
  noCaptionsYet: 'Noch kein Untertitel gesendet.',
  prefixes: 'Kürzel für Redner',
  noPrefixes: 'Noch niemand zum Einfügen: Niemand hat das Wort.',
  prefixRole: { speaker: 'hat das Wort', chair: 'Vorsitz', next: 'als Nächstes', recent: 'sprach zuletzt' },
  insertPrefix: (key, name) => `„${name}:“ einfügen (Alt+${key})`,
  minutes: 'Vermerke',
  noteKind: 'Art',
  noteKinds: { APPLAUSE: 'Beifall', INTERJECTION: 'Zwischenruf', CALL: 'Zuruf', OTHER: 'Sonstiges' },
  noteText: 'Vermerk (wird in Klammern gedruckt)',
  noteHelp: 'Der Zeitpunkt wird beim ersten Tastendruck festgehalten; Eingabe vermerkt.',
  noteMoment: (time) => `Zeitpunkt: ${time}`,
  applauseFrom: (group) => `Beifall bei der ${group}`,
  applauseTemplate: (group) => `Beifall bei der ${group}`,
  recordNote: 'Vermerken',
  protocol: 'Texte des Protokolls',
  protocolHelp: 'Eine Berichtigung ist ein neuer Eintrag, der den berichtigten nennt; das Protokoll zeigt den berichtigten Text und vermerkt die Berichtigung.',
  noTexts: 'Noch keine Vermerke oder Geschäftsordnungsanträge.',
  what: { minutes_note: 'Vermerk', point_of_order: 'Geschäftsordnungsantrag', decision_note: 'Begründung einer Entscheidung' },
  corrected: (n) => (n === 1 ? 'einmal berichtigt' : `${n}-mal berichtigt`),
  correct: 'Berichtigen',
  correctLabel: (seq) => `Berichtigter Text von Eintrag ${seq}`,
  saveCorrection: 'Berichtigung speichern',
  cancel: 'Abbrechen',
  approval: 'Genehmigung',
  approvedBy: (name, time) => `Genehmigt von ${name} am ${time}.`,
  captionsNotLive: 'Untertitel gehen an den Livestream, der läuft, solange die Sitzung eröffnet oder unterbrochen ist.',
  notesNotNow: 'Vermerke werden während der Sitzung festgehalten; danach werden die Texte des Protokolls unten berichtigt.',
  notApproved: 'Das Protokoll ist nicht genehmigt.',
  approveAfterClose: 'Der Vorsitz genehmigt das Protokoll nach Schluss der Sitzung.',
  approve: (seq) => `Protokoll mit Stand Eintrag ${seq} genehmigen`,
  onlyPresiding: 'Das Protokoll genehmigen nur die Präsidentin oder der Präsident und die Vizepräsidenten.',
  approvalPolicy: 'Eine Berichtigung nach der Genehmigung hebt sie auf: Der Vorsitz genehmigt das berichtigte Protokoll dann erneut.',
  recordFailed: 'Das Sitzungsprotokoll konnte nicht gelesen werden',
};

/** Every label of the clerk's desk, in German and English. */
export const deskText: Translations<typeof en> = { en, de };
