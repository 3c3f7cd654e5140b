import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps come back as Date, go in as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb columns: pg parses them; inserts must be JSON text so PGlite and pg treat arrays alike. */
type Json<T> = ColumnType<T, string, string>;

export type Role = 'chair' | 'moderator' | 'member' | 'podium_guest' | 'interpreter' | 'clerk' | 'it_admin';
export type Office = 'president' | 'vice_president';
export type SittingState = 'scheduled' | 'open' | 'suspended' | 'closed';
export type AgendaItemKind = 'procedure' | 'debate' | 'question_time' | 'election' | 'vote' | 'other';
export type BoothKind = 'spoken' | 'sign';

export interface ParliamentTable {
  id: Generated<number>;
  name: string;
  /** Statutory membership, vacant seats included: the base of "majority of the members". */
  statutory_members: number;
}

export interface FactionTable {
  id: Generated<string>;
  short_name: string;
  name: string;
  colour: string;
  /** Seats held by the faction, vacancies included. */
  seats: number;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface BoothTable {
  id: string;
  language: string;
  name: string;
  kind: BoothKind;
}

export interface PersonTable {
  id: Generated<string>;
  /** Matches the identity provider's preferred_username. */
  username: string;
  given_name: string;
  family_name: string;
  title: string | null;
  email: string | null;
  faction_id: string | null;
  office: Office | null;
  /** The roles the identity provider grants; kept here so IT sees them beside the person. */
  roles: Json<Role[]>;
  voting_rights: boolean;
  booth_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SittingTable {
  id: Generated<string>;
  number: number;
  title: string;
  starts_at: Timestamp;
  state: Generated<SittingState>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AgendaItemTable {
  id: Generated<string>;
  sitting_id: string;
  /** 1-based order within the sitting; kept dense by the repository. */
  position: number;
  title: string;
  kind: AgendaItemKind;
  description: string | null;
  created_at: CreatedAt;
}

export interface SessionTable {
  /** SHA-256 (base64url) of the random 256-bit cookie value. */
  id: string;
  subject: string;
  username: string;
  name: string;
  roles: Json<Role[]>;
  id_token: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface Database {
  parliament: ParliamentTable;
  factions: FactionTable;
  booths: BoothTable;
  people: PersonTable;
  sittings: SittingTable;
  agenda_items: AgendaItemTable;
  sessions: SessionTable;
}

export type FactionRow = Selectable<FactionTable>;
export type NewFactionRow = Insertable<FactionTable>;
export type FactionUpdate = Updateable<FactionTable>;
export type PersonRow = Selectable<PersonTable>;
export type NewPersonRow = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type SittingRow = Selectable<SittingTable>;
export type NewSittingRow = Insertable<SittingTable>;
export type SittingUpdate = Updateable<SittingTable>;
export type AgendaItemRow = Selectable<AgendaItemTable>;
export type BoothRow = Selectable<BoothTable>;
export type ParliamentRow = Selectable<ParliamentTable>;
export type SessionRow = Selectable<SessionTable>;
export type NewSessionRow = Insertable<SessionTable>;
