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
  readonly shortName?: string | null;
  /** The IANA zone the chamber's clock is in: the protocol and every page show times in it. */
  readonly timeZone?: string;
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
  /** The start first announced, once the sitting has been postponed; null if never. */
  readonly postponedFrom: Date | null;
  /** Why a cancelled sitting will not take place; null unless cancelled. */
  readonly cancelReason: string | null;
}

export interface AgendaItem {
  readonly id: string;
  readonly sittingId: string;
  readonly position: number;
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly description: string | null;
  /** The debate time planned, in minutes; null: none planned (the chair allots time when calling the item). */
  readonly debateMinutes: number | null;
  /** The item's documents (printed papers, motions): https links, in order. */
  readonly documentLinks: readonly string[];
}

export function fullName(p: Pick<Person, 'givenName' | 'familyName'>): string {
  return `${p.givenName} ${p.familyName}`;
}
