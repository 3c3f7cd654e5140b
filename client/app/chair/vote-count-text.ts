import type { Translations } from '../i18n/translation-state';
import type { CountProblem } from './vote-counts';

const en = {
  heading: 'Counts by show of hands',
  hint: 'Count the hands for each option, enter the numbers, then close the vote with them.',
  countFor: (option: string) => `Hands for “${option}”`,
  total: (total: number, entitled: number) => `Total ${total} of ${entitled} entitled to vote`,
  tooMany: 'More hands than members entitled to vote: count again.',
  problem: {
    missing: (option: string) => `Enter a count for “${option}” (0 if no hands).`,
    'not-whole': (option: string) => `The count for “${option}” is a whole number, 0 or more.`,
  } as Record<CountProblem, (option: string) => string>,
  enter: 'Enter counts and close the vote',
  confirmHeading: 'Close the vote with these counts?',
  confirmHint: 'The result is computed from these counts and published at once; they cannot be changed afterwards.',
  confirm: 'Close with these counts',
  back: 'Count again',
};

const de: typeof en = {
  heading: 'Zählung der Handzeichen',
  hint: 'Zählen Sie die Handzeichen je Antwort, tragen Sie die Zahlen ein und schließen Sie die Abstimmung damit.',
  countFor: (option) => `Handzeichen für „${option}“`,
  total: (total, entitled) => `Zusammen ${total} von ${entitled} Stimmberechtigten`,
  tooMany: 'Mehr Handzeichen als Stimmberechtigte: Bitte neu zählen.',
  problem: {
    missing: (option) => `Tragen Sie eine Zahl für „${option}“ ein (0, wenn niemand).`,
    'not-whole': (option) => `Die Zahl für „${option}“ ist eine ganze Zahl ab 0.`,
  },
  enter: 'Zählung eintragen und Abstimmung schließen',
  confirmHeading: 'Abstimmung mit dieser Zählung schließen?',
  confirmHint: 'Das Ergebnis wird aus dieser Zählung ermittelt und sofort veröffentlicht; die Zahlen lassen sich danach nicht mehr ändern.',
  confirm: 'Mit dieser Zählung schließen',
  back: 'Neu zählen',
};

/** The chair's form for the counts of a show of hands, in German and English. */
export const voteCountText: Translations<typeof en> = { en, de };
