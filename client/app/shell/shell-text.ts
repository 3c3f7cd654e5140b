import type { Translations } from '../i18n/translation-state';
import type { Role } from '../shared/graphql-schema.generated';

const en = {
  role: {
    CHAIR: 'Chair',
    MODERATOR: 'Moderator',
    MEMBER: 'Member',
    PODIUM_GUEST: 'Podium guest',
    INTERPRETER: 'Interpreter',
    CLERK: 'Clerk',
    IT_ADMIN: 'IT administrator',
  } as Record<Role, string>,
  signOut: 'Sign out',
  backOffice: 'Back office',
  signIn: 'Sign in',
  sessionEnded: 'Your session has ended. Please sign in again.',
  signInPrompt: 'Sign in with your parliament account to follow the sittings.',
  parliamentFailed: 'Could not load the parliament’s details',
  signInCheckFailed: 'Could not check your sign-in',
  tryAgain: 'Try again',
  checkingSignIn: 'Checking your sign-in…',
  pageNotFound: 'Page not found',
  noPageHere: 'There is no page at this address.',
  toSittings: 'Go to the list of sittings.',
};

const de: typeof en = {
  role: {
    CHAIR: 'Vorsitz',
    MODERATOR: 'Moderation',
    MEMBER: 'Mitglied',
    PODIUM_GUEST: 'Gast am Rednerpult',
    INTERPRETER: 'Dolmetschen',
    CLERK: 'Schriftführung',
    IT_ADMIN: 'IT-Verwaltung',
  },
  signOut: 'Abmelden',
  backOffice: 'Verwaltung',
  signIn: 'Anmelden',
  sessionEnded: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  signInPrompt: 'Melden Sie sich mit Ihrem Konto des Parlaments an, um die Sitzungen zu verfolgen.',
  parliamentFailed: 'Die Angaben zum Parlament konnten nicht geladen werden',
  signInCheckFailed: 'Ihre Anmeldung konnte nicht geprüft werden',
  tryAgain: 'Erneut versuchen',
  checkingSignIn: 'Ihre Anmeldung wird geprüft …',
  pageNotFound: 'Seite nicht gefunden',
  noPageHere: 'Unter dieser Adresse gibt es keine Seite.',
  toSittings: 'Zur Liste der Sitzungen.',
};

/** The frame around every page (header, sign-in, errors), in German and English. */
export const shellText: Translations<typeof en> = { en, de };
