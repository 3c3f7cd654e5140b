/**
 * A roster file as the import reads it: factions and people, each found again by its external id
 * (the id in the system the roster comes from). A field that is undefined was not in the file (its
 * column or key is missing): the import leaves it as it is. Pure types.
 */
import type { Role } from '@contract/roles';
import type { Office } from '../parliament';

/** Where a row came from, for errors: a CSV line and its header names, or a JSON list, index and keys. */
export type RowPlace =
  { readonly format: 'csv'; readonly line: number } | { readonly format: 'json'; readonly list: 'factions' | 'people'; readonly index: number };

export interface FactionEntry {
  readonly place: RowPlace;
  readonly externalId: string;
  readonly shortName: string;
  readonly name: string;
  readonly colour: string;
  readonly seats: number;
}

export interface PersonEntry {
  readonly place: RowPlace;
  readonly externalId: string;
  readonly username: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly title?: string | null;
  readonly email?: string | null;
  /** The faction's short name (in the file or in the roster already); null: independent or staff. */
  readonly faction?: string | null;
  readonly office?: Office | null;
  readonly roles: readonly Role[];
  readonly votingRights: boolean;
  readonly memberFrom?: string | null;
  readonly memberTo?: string | null;
}

export interface RosterFile {
  readonly factions: readonly FactionEntry[];
  readonly people: readonly PersonEntry[];
}

export type RosterFormat = 'csv' | 'json';

/** The roster as it stands, as the diff compares it. `externalId` null: the row's own id stands in. */
export interface StoredFaction {
  readonly id: string;
  readonly externalId: string | null;
  readonly shortName: string;
  readonly name: string;
  readonly colour: string;
  readonly seats: number;
}

export interface StoredPerson {
  readonly id: string;
  readonly externalId: string | null;
  readonly username: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly title: string | null;
  readonly email: string | null;
  readonly factionId: string | null;
  readonly office: Office | null;
  readonly roles: readonly Role[];
  readonly votingRights: boolean;
  readonly memberFrom: string | null;
  readonly memberTo: string | null;
}

export interface StoredRoster {
  readonly factions: readonly StoredFaction[];
  readonly people: readonly StoredPerson[];
}

/** Bounds of one import: a parliament with its staff is far below both. */
export const importLimits = {
  /** Characters of the file (UTF-16 units; about as many bytes for the Latin names of a roster). */
  maxChars: 5_000_000,
  /** Rows (factions and people together). */
  maxRows: 10_000,
  /** Issues reported at most: past it, the file is wrong enough to be fixed from the first ones. */
  maxIssues: 200,
} as const;

/** The CSV columns, in the order export writes them; `type` says whether a row is a faction or a person. */
export const csvColumns = [
  'type',
  'external_id',
  'short_name',
  'name',
  'colour',
  'seats',
  'username',
  'given_name',
  'family_name',
  'title',
  'email',
  'faction',
  'office',
  'roles',
  'voting_rights',
  'member_from',
  'member_to',
] as const;
export type CsvColumn = (typeof csvColumns)[number];

/** The JSON key of each CSV column. */
export const jsonKeyOf: Readonly<Record<CsvColumn, string>> = {
  type: 'type',
  external_id: 'externalId',
  short_name: 'shortName',
  name: 'name',
  colour: 'colour',
  seats: 'seats',
  username: 'username',
  given_name: 'givenName',
  family_name: 'familyName',
  title: 'title',
  email: 'email',
  faction: 'faction',
  office: 'office',
  roles: 'roles',
  voting_rights: 'votingRights',
  member_from: 'memberFrom',
  member_to: 'memberTo',
};

/** The error path of a field: `["line 4", "username"]` for CSV, `["people", "3", "username"]` for JSON. */
export function fieldPath(place: RowPlace, column: CsvColumn): string[] {
  return place.format === 'csv' ? [`line ${place.line}`, column] : [place.list, String(place.index), jsonKeyOf[column]];
}
