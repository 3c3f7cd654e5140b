import type { Translations } from '../i18n/translation-state';
import type { SittingState } from '../shared/graphql-schema.generated';

const en = {
  pageTitle: 'Sittings · Plenum',
  heading: 'Sittings',
  intro: 'Watch the sittings live, play their recordings and read their protocols. No account needed.',
  signInPrompt: 'Members and staff:',
  loading: 'Loading the sittings…',
  loadFailed: 'Could not load the sittings',
  tryAgain: 'Try again',
  live: 'Live now',
  upcoming: 'Upcoming',
  past: 'Past sittings',
  cancelled: 'Cancelled sittings',
  postponedFrom: (when: string) => `Postponed; first planned for ${when}`,
  noLive: 'No sitting is being broadcast right now.',
  noUpcoming: 'No sitting is scheduled.',
  noPast: 'No sitting has been held yet.',
  sittingNumber: (n: number) => `Sitting no. ${n}`,
  phase: { SCHEDULED: 'Scheduled', OPEN: 'Open', SUSPENDED: 'Suspended', CLOSED: 'Closed', CANCELLED: 'Cancelled' } as Record<SittingState, string>,
  watchLive: 'Watch live',
  watchPage: 'Broadcast page',
  watchRecording: 'Play the recording',
  noRecording: 'No recording',
  protocol: 'Protocol (PDF)',
  /** Screen readers hear which sitting a link is for (the visible text repeats per row). */
  linkFor: (what: string, title: string) => `${what}: ${title}`,
};

const de: typeof en = {
  pageTitle: 'Sitzungen · Plenum',
  heading: 'Sitzungen',
  intro: 'Verfolgen Sie die Sitzungen live, sehen Sie ihre Aufzeichnungen und lesen Sie ihre Protokolle. Ohne Anmeldung.',
  signInPrompt: 'Abgeordnete und Verwaltung:',
  loading: 'Die Sitzungen werden geladen …',
  loadFailed: 'Die Sitzungen konnten nicht geladen werden',
  tryAgain: 'Erneut versuchen',
  live: 'Jetzt live',
  upcoming: 'Demnächst',
  past: 'Vergangene Sitzungen',
  cancelled: 'Abgesagte Sitzungen',
  postponedFrom: (when) => `Verschoben; ursprünglich geplant für ${when}`,
  noLive: 'Zurzeit wird keine Sitzung übertragen.',
  noUpcoming: 'Es ist keine Sitzung geplant.',
  noPast: 'Es hat noch keine Sitzung stattgefunden.',
  sittingNumber: (n) => `${n}. Sitzung`,
  phase: { SCHEDULED: 'Geplant', OPEN: 'Eröffnet', SUSPENDED: 'Unterbrochen', CLOSED: 'Geschlossen', CANCELLED: 'Abgesagt' },
  watchLive: 'Live ansehen',
  watchPage: 'Zur Übertragung',
  watchRecording: 'Aufzeichnung abspielen',
  noRecording: 'Keine Aufzeichnung',
  protocol: 'Protokoll (PDF)',
  linkFor: (what, title) => `${what}: ${title}`,
};

/** The public front door, in German and English. */
export const frontText: Translations<typeof en> = { en, de };
