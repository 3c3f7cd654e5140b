import type { Translations } from '../i18n/translation-state';
import type { LockReason } from './console-lock';

const en = {
  lock: {
    notYetOpen: 'The sitting is not open yet.',
    suspended: 'The sitting is suspended.',
    closed: 'The sitting is closed.',
    cancelled: 'The sitting was cancelled.',
  } as Record<LockReason, string>,
  essentials: 'Running the sitting',
  preparation: 'Preparation',
  tabVotes: 'Votes',
  tabAgenda: 'Agenda',
  tabTimes: 'Speaking times',
  tabAttendance: 'Attendance',
  ownSeat: 'Your seat',
  lastResult: 'Last result',
  openVote: 'Vote',
  yourBallot: 'Your ballot',
  endFloorHeading: 'End the speech?',
  endFloorQuestion: (name: string) => `${name} loses the floor now; the speech is recorded as ended.`,
  keepSpeaking: 'Let them go on',
  closeVoteHeading: (title: string) => `Close the vote “${title}”?`,
  closeVoteQuestion: (cast: number, of: number) => `${cast} of ${of} have voted. Nobody can vote after closing; the result is published at once.`,
  keepVoteOpen: 'Keep it open',
  noItemCalled: 'Call an agenda item first: the speaker list belongs to it.',
};

const de: typeof en = {
  lock: {
    notYetOpen: 'Die Sitzung ist noch nicht eröffnet.',
    suspended: 'Die Sitzung ist unterbrochen.',
    closed: 'Die Sitzung ist geschlossen.',
    cancelled: 'Die Sitzung wurde abgesagt.',
  },
  essentials: 'Sitzungsleitung',
  preparation: 'Vorbereitung',
  tabVotes: 'Abstimmungen',
  tabAgenda: 'Tagesordnung',
  tabTimes: 'Redezeiten',
  tabAttendance: 'Anwesenheit',
  ownSeat: 'Ihr Platz',
  lastResult: 'Letztes Ergebnis',
  openVote: 'Abstimmung',
  yourBallot: 'Ihre Stimme',
  endFloorHeading: 'Rede beenden?',
  endFloorQuestion: (name) => `${name} verliert jetzt das Wort; die Rede wird als beendet protokolliert.`,
  keepSpeaking: 'Weiterreden lassen',
  closeVoteHeading: (title) => `Abstimmung „${title}“ schließen?`,
  closeVoteQuestion: (cast, of) =>
    `${cast} von ${of} haben abgestimmt. Nach dem Schließen kann niemand mehr abstimmen; das Ergebnis wird sofort veröffentlicht.`,
  keepVoteOpen: 'Offen lassen',
  noItemCalled: 'Erst einen Tagesordnungspunkt aufrufen: die Rednerliste gehört zu ihm.',
};

/** The console's layout, confirmations and locks, in German and English. */
export const consoleText: Translations<typeof en> = { en, de };
