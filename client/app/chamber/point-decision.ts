import type { Translations } from '../i18n/translation-state';
import type { PointOfOrderDecision } from '../shared/graphql-schema.generated';

/** A decided point of order as the procedure carries it (`decidedPoints`). */
export interface DecidedPoint {
  readonly id: string;
  readonly person: { readonly id: string };
  readonly category: string;
  readonly text: string;
  readonly decision: PointOfOrderDecision;
  readonly note?: string | null;
  readonly decidedAt: string;
}

/** The newest decision on one of my points of order that I have not dismissed; null when there is none to tell. */
export function decisionToTell<T extends DecidedPoint>(decided: readonly T[], myId: string | null, dismissed: ReadonlySet<string>): T | null {
  if (myId === null) {
    return null;
  }
  const mine = decided.filter((point) => point.person.id === myId && !dismissed.has(point.id));
  return mine.reduce<T | null>((newest, point) => (newest === null || point.decidedAt > newest.decidedAt ? point : newest), null);
}

const en = {
  heading: 'Your point of order was decided',
  decision: {
    ACCEPTED: (category: string) => `The chair accepted your point of order (${category}).`,
    REJECTED: (category: string) => `The chair rejected your point of order (${category}).`,
    NOTED: (category: string) => `The chair took note of your point of order (${category}).`,
    PUT_TO_VOTE: (category: string) => `The chair put your point of order (${category}) to a vote.`,
  } as Record<PointOfOrderDecision, (category: string) => string>,
  yourText: 'Your text:',
  note: 'The chair’s note:',
  dismiss: 'Dismiss',
};

const de: typeof en = {
  heading: 'Über Ihren Geschäftsordnungsantrag wurde entschieden',
  decision: {
    ACCEPTED: (category) => `Der Vorsitz hat Ihren Geschäftsordnungsantrag (${category}) angenommen.`,
    REJECTED: (category) => `Der Vorsitz hat Ihren Geschäftsordnungsantrag (${category}) abgelehnt.`,
    NOTED: (category) => `Der Vorsitz hat Ihren Geschäftsordnungsantrag (${category}) zur Kenntnis genommen.`,
    PUT_TO_VOTE: (category) => `Der Vorsitz lässt über Ihren Geschäftsordnungsantrag (${category}) abstimmen.`,
  },
  yourText: 'Ihr Text:',
  note: 'Anmerkung des Vorsitzes:',
  dismiss: 'Ausblenden',
};

/** The notice on a decided point of order, in German and English. */
export const pointDecisionText: Translations<typeof en> = { en, de };
