import type { Translations } from '../i18n/translation-state';
import type { NamedVoteDeadline } from '../shared/graphql-schema.generated';

const en = {
  heading: 'Demand a named vote',
  intro: 'Prepared votes of this sitting that can be taken by name on demand.',
  none: 'No prepared vote can be demanded by name now.',
  loadFailed: 'Could not load the prepared votes',
  preparedAs: (kind: string) => `Prepared as: ${kind}`,
  deadline: {
    UNTIL_VOTE_OPENS: 'Until the vote is opened',
    SITTING_START: 'Until the sitting opens',
    EVENING_BEFORE: 'Until the evening before the sitting',
  } as Record<NamedVoteDeadline, string>,
  /** SITTING_START: the sitting's planned start (the chair opening it ends the time); else the instant itself. */
  deadlineAt: (when: string, planned: boolean) => (planned ? `(planned: ${when})` : `(${when})`),
  demand: 'Demand a named vote',
  demandNamed: (title: string) => `Demand a named vote on “${title}”`,
  confirmHeading: 'Demand a named vote?',
  confirmFaction: (title: string) => `Your faction demands that “${title}” be taken by name. Every member’s vote will be published with their name.`,
  confirmMembers: (title: string) =>
    `You join the members’ demand that “${title}” be taken by name. Once enough members present demand it, every vote is published with its name.`,
  confirm: 'Yes, demand it',
  back: 'Back',
  demanded: 'Demanded',
  valid: 'The demand stands: this vote will be taken by name.',
  notYetValid: 'Not yet enough members demand it.',
  byMyFaction: 'Your faction has demanded it.',
  byMe: 'You have joined the demand.',
  factions: (n: number) => (n === 1 ? '1 faction demands it' : `${n} factions demand it`),
  members: (n: number, needed: number) => `${n} of ${needed} members needed demand it`,
  done: (title: string) => `Your demand for a named vote on “${title}” is recorded.`,
};

const de: typeof en = {
  heading: 'Namentliche Abstimmung verlangen',
  intro: 'Vorbereitete Abstimmungen dieser Sitzung, die auf Verlangen namentlich durchgeführt werden.',
  none: 'Derzeit kann für keine vorbereitete Abstimmung eine namentliche Abstimmung verlangt werden.',
  loadFailed: 'Die vorbereiteten Abstimmungen konnten nicht geladen werden',
  preparedAs: (kind) => `Vorbereitet als: ${kind}`,
  deadline: {
    UNTIL_VOTE_OPENS: 'Bis die Abstimmung eröffnet wird',
    SITTING_START: 'Bis die Sitzung eröffnet wird',
    EVENING_BEFORE: 'Bis zum Vorabend der Sitzung',
  },
  deadlineAt: (when, planned) => (planned ? `(geplant: ${when})` : `(${when})`),
  demand: 'Namentliche Abstimmung verlangen',
  demandNamed: (title) => `Namentliche Abstimmung über „${title}“ verlangen`,
  confirmHeading: 'Namentliche Abstimmung verlangen?',
  confirmFaction: (title) => `Ihre Fraktion verlangt, dass über „${title}“ namentlich abgestimmt wird. Jede Stimme wird mit Namen veröffentlicht.`,
  confirmMembers: (title) =>
    `Sie schließen sich dem Verlangen an, über „${title}“ namentlich abzustimmen. Sobald genug anwesende Mitglieder es verlangen, wird jede Stimme mit Namen veröffentlicht.`,
  confirm: 'Ja, verlangen',
  back: 'Zurück',
  demanded: 'Verlangt',
  valid: 'Das Verlangen ist wirksam: Es wird namentlich abgestimmt.',
  notYetValid: 'Noch verlangen es nicht genug Mitglieder.',
  byMyFaction: 'Ihre Fraktion hat es verlangt.',
  byMe: 'Sie haben sich dem Verlangen angeschlossen.',
  factions: (n) => (n === 1 ? '1 Fraktion verlangt es' : `${n} Fraktionen verlangen es`),
  members: (n, needed) => `${n} von ${needed} nötigen Mitgliedern verlangen es`,
  done: (title) => `Ihr Verlangen nach namentlicher Abstimmung über „${title}“ ist vermerkt.`,
};

/** The member's demand for a named vote, in German and English. */
export const namedDemandText: Translations<typeof en> = { en, de };
