import type { Translations } from '../i18n/translation-state';
import type { AdmissionRole } from '../shared/graphql-schema.generated';

const en = {
  heading: 'Admission',
  notOnRoster: 'You are not on the roster of this sitting. Ask the chair’s team to let you in.',
  ask: 'Ask to enter',
  waiting: 'Waiting for admission… The chair’s team has been told you are here.',
  admitted: (role: string) => `You have been admitted as ${role}. Guests do not vote.`,
  declined: 'The chair’s team has declined your request.',
  removed: 'You were removed from the sitting.',
  ended: 'Your admission ended with the agenda item.',
  reason: (reason: string) => `Reason: ${reason}`,
  askAgain: 'Ask again',
  roles: { GUEST: 'guest', PRESS: 'press', SUBSTITUTE: 'substitute', PODIUM_GUEST: 'podium guest' } as Record<AdmissionRole, string>,
};

const de: typeof en = {
  heading: 'Einlass',
  notOnRoster: 'Sie stehen nicht im Verzeichnis dieser Sitzung. Bitten Sie den Vorsitz um Einlass.',
  ask: 'Um Einlass bitten',
  waiting: 'Warten auf Einlass … Der Vorsitz weiß, dass Sie da sind.',
  admitted: (role) => `Sie sind zugelassen als ${role}. Gäste stimmen nicht ab.`,
  declined: 'Der Vorsitz hat Ihre Bitte abgelehnt.',
  removed: 'Sie wurden aus der Sitzung entfernt.',
  ended: 'Ihre Zulassung endete mit dem Tagesordnungspunkt.',
  reason: (reason) => `Grund: ${reason}`,
  askAgain: 'Erneut bitten',
  roles: { GUEST: 'Gast', PRESS: 'Presse', SUBSTITUTE: 'Stellvertretung', PODIUM_GUEST: 'Gast am Rednerpult' },
};

/** The waiting screen at the chamber's door, in German and English. */
export const lobbyWaitText: Translations<typeof en> = { en, de };
