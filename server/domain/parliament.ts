import type { SittingState } from './sitting';

/** The shapes services and the API work with: camelCase, no database types. */
import type { Role } from '@contract/roles';
import { agendaItemForm } from '@contract/forms/sitting-forms';
import { boothForm } from '@contract/forms/booth-forms';

export { roles, type Role } from '@contract/roles';
export const offices = ['president', 'vice_president'] as const;
export type Office = (typeof offices)[number];
/** The agenda form's kinds (contract/forms/sitting-forms.ts). */
export const agendaItemKinds = agendaItemForm.kind.options;
export type AgendaItemKind = (typeof agendaItemKinds)[number];
/** The booth form's kinds (contract/forms/booth-forms.ts). */
export const boothKinds = boothForm.kind.options;
export type BoothKind = (typeof boothKinds)[number];

export interface Parliament {
  readonly name: string;
  readonly statutoryMembers: number;
}

export interface Faction {
  readonly id: string;
  readonly shortName: string;
  readonly name: string;
  readonly colour: string;
  readonly seats: number;
}

export interface Booth {
  readonly id: string;
  readonly language: string;
  readonly name: string;
  readonly kind: BoothKind;
}

export interface Person {
  readonly id: string;
  readonly username: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly title: string | null;
  readonly email: string | null;
  readonly factionId: string | null;
  readonly office: Office | null;
  readonly roles: readonly Role[];
  readonly votingRights: boolean;
  readonly boothId: string | null;
}

export interface Sitting {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly startsAt: Date;
  readonly state: SittingState;
}

export interface AgendaItem {
  readonly id: string;
  readonly sittingId: string;
  readonly position: number;
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly description: string | null;
}

export function fullName(p: Pick<Person, 'givenName' | 'familyName'>): string {
  return `${p.givenName} ${p.familyName}`;
}
