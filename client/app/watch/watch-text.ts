import { floorKindNames, outcomeNames } from '@contract/procedure-words';
import type { Language, Translations } from '../i18n/translation-state';
import type { FloorKind, SittingState } from '../shared/graphql-schema.generated';
import type { LiveStatus } from '../shared/graphql-subscriptions';
import type { StreamNotice } from './stream-notice';

/** The floor's kinds as the protocol words them (contract/procedure-words.ts); a point of order has the page's own word. */
function floorKindWords(language: Language, pointOfOrder: string): Record<FloorKind, string> {
  const names = floorKindNames[language];
  return {
    SPEECH: names.speech,
    INTERJECTION: names.interjection,
    SHORT_INTERVENTION: names.short_intervention,
    POINT_OF_ORDER: pointOfOrder,
    CHAIR_GRANT: names.chair_grant,
  };
}

const en = {
  broadcast: 'Live broadcast',
  loadingSitting: 'Loading the sitting…',
  loadFailed: 'Could not load the sitting',
  notFound: 'There is no sitting at this address.',
  pageTitle: (title: string) => `${title} – live`,
  sittingNumber: (n: number) => `Sitting no. ${n}`,
  phase: { SCHEDULED: 'Scheduled', OPEN: 'Open', SUSPENDED: 'Suspended', CLOSED: 'Closed' } as Record<SittingState, string>,
  live: {
    off: 'Updates are off.',
    connecting: 'Connecting to live updates…',
    live: 'Agenda, speaker and results update live.',
    interrupted: 'Live updates stopped. Reload the page to see the latest state.',
  } as Record<LiveStatus, string>,
  // The player
  player: 'Broadcast',
  video: 'Live video of the sitting',
  play: 'Play',
  pause: 'Pause',
  mute: 'Sound off',
  fullscreen: 'Full screen',
  audioLanguage: 'Language',
  captions: 'Captions',
  liveEdge: 'Live',
  behindLive: (seconds: number) => `${Math.round(seconds)} s behind live`,
  goLive: 'Go live',
  buffering: 'Loading…',
  notice: {
    loading: 'Loading the broadcast…',
    'not-started': 'The broadcast has not started yet. It will play here as soon as it begins.',
    'sitting-closed': 'The sitting is closed; there is no broadcast.',
    unreachable: 'The broadcast cannot be reached at the moment. Trying again…',
    recovering: 'The broadcast was interrupted. It continues here as soon as it is back.',
    unsupported: 'This browser cannot play the broadcast. Please use a current browser.',
  } as Record<StreamNotice, string>,
  // What is going on
  now: 'Now in the chamber',
  agendaItem: 'Agenda item',
  item: (position: number, title: string) => `Item ${position}: ${title}`,
  noItem: 'No agenda item is being discussed.',
  speaker: 'Speaking',
  noSpeaker: 'Nobody has the floor.',
  floorKind: floorKindWords('en', 'Point of order'),
  since: (time: string) => `since ${time}`,
  // Results
  results: 'Vote results',
  noResults: 'No vote has been closed yet.',
  passed: outcomeNames.en.passed,
  failed: outcomeNames.en.failed,
  closedAt: (time: string) => `Closed at ${time}`,
  option: 'Option',
  votes: 'Votes',
};

const de: typeof en = {
  broadcast: 'Live-Übertragung',
  loadingSitting: 'Die Sitzung wird geladen …',
  loadFailed: 'Die Sitzung konnte nicht geladen werden',
  notFound: 'Unter dieser Adresse gibt es keine Sitzung.',
  pageTitle: (title) => `${title} – live`,
  sittingNumber: (n) => `${n}. Sitzung`,
  phase: { SCHEDULED: 'Geplant', OPEN: 'Eröffnet', SUSPENDED: 'Unterbrochen', CLOSED: 'Geschlossen' },
  live: {
    off: 'Aktualisierung ist aus.',
    connecting: 'Verbinde für Live-Aktualisierung …',
    live: 'Tagesordnung, Redner und Ergebnisse werden live aktualisiert.',
    interrupted: 'Live-Aktualisierung unterbrochen. Laden Sie die Seite neu, um den neuesten Stand zu sehen.',
  },
  player: 'Übertragung',
  video: 'Live-Video der Sitzung',
  play: 'Abspielen',
  pause: 'Anhalten',
  mute: 'Ton aus',
  fullscreen: 'Vollbild',
  audioLanguage: 'Sprache',
  captions: 'Untertitel',
  liveEdge: 'Live',
  behindLive: (seconds) => `${Math.round(seconds)} s hinter live`,
  goLive: 'Zu live springen',
  buffering: 'Wird geladen …',
  notice: {
    loading: 'Die Übertragung wird geladen …',
    'not-started': 'Die Übertragung hat noch nicht begonnen. Sie startet hier, sobald sie beginnt.',
    'sitting-closed': 'Die Sitzung ist geschlossen; es gibt keine Übertragung.',
    unreachable: 'Die Übertragung ist gerade nicht erreichbar. Neuer Versuch läuft …',
    recovering: 'Die Übertragung wurde unterbrochen. Sie geht hier weiter, sobald sie wieder da ist.',
    unsupported: 'Dieser Browser kann die Übertragung nicht abspielen. Bitte verwenden Sie einen aktuellen Browser.',
  },
  now: 'Jetzt im Plenum',
  agendaItem: 'Tagesordnungspunkt',
  item: (position, title) => `TOP ${position}: ${title}`,
  noItem: 'Zurzeit wird kein Tagesordnungspunkt beraten.',
  speaker: 'Es spricht',
  noSpeaker: 'Niemand hat das Wort.',
  floorKind: floorKindWords('de', 'Geschäftsordnungsantrag'),
  since: (time) => `seit ${time}`,
  results: 'Abstimmungsergebnisse',
  noResults: 'Es wurde noch keine Abstimmung abgeschlossen.',
  passed: outcomeNames.de.passed,
  failed: outcomeNames.de.failed,
  closedAt: (time) => `Geschlossen um ${time}`,
  option: 'Option',
  votes: 'Stimmen',
};

/** The public viewer, in German and English. */
export const watchText: Translations<typeof en> = { en, de };
