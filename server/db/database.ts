import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ProcedureEvent, VoteOption } from '../domain/procedure/events';
import type { MajorityKind, VoteKind } from '../domain/procedure/vocabulary';
import type { Rulebook } from '../domain/rulebook';

/** Timestamps come back as Date, go in as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb columns: pg parses them; inserts must be JSON text so PGlite and pg treat arrays alike. */
type Json<T> = ColumnType<T, string, string>;

import type { Role } from '@contract/roles';

export type { Role };
import type { AgendaItemKind, BoothKind, Office } from '../domain/parliament';
import type { SittingState } from '../domain/sitting';

/** A sitting's stored state is its procedural phase, or cancelled. */
export type { AgendaItemKind, BoothKind, Office, SittingState };

export interface ParliamentTable {
  id: Generated<number>;
  name: string;
  /** Statutory membership, vacant seats included: the base of "majority of the members". */
  statutory_members: number;
  /** The parliament's rulebook (its preset with `rulebook_overrides` applied); null: the default preset. */
  rulebook: Json<Rulebook> | null;
  short_name: string | null;
  term_name: string | null;
  /** ISO dates (YYYY-MM-DD). */
  term_starts_on: string | null;
  term_ends_on: string | null;
  floor_language: ColumnType<string, string | undefined, string>;
  /** IANA zone: protocol times are printed in it. */
  time_zone: ColumnType<string, string | undefined, string>;
  /** The overrides as entered over the preset (a partial rulebook); null: none. */
  rulebook_overrides: Json<unknown> | null;
}

/** The hash-chained log of back-office changes (server/domain/admin-log.ts). */
export interface AdminLogTable {
  seq: number;
  at: Timestamp;
  actor_username: string;
  actor_person_id: string | null;
  action: string;
  subject: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  prev_hash: string;
  hash: string;
}

export interface FactionTable {
  id: Generated<string>;
  short_name: string;
  name: string;
  colour: string;
  /** Seats held by the faction, vacancies included. */
  seats: number;
  /** The id in the system the roster is imported from; null: the row's own id stands in (roster-import). */
  external_id: string | null;
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
  /** The id in the system the roster is imported from; null: the row's own id stands in (roster-import). */
  external_id: string | null;
  /** Membership from and to (inclusive), ISO dates; a person who leaves is ended (member_to set), not deleted. */
  member_from: string | null;
  member_to: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SittingTable {
  id: Generated<string>;
  number: number;
  title: string;
  starts_at: Timestamp;
  state: Generated<SittingState>;
  /** Partial rulebook merged over the parliament's for this sitting. */
  rulebook_overrides: Json<unknown> | null;
  /** The start first announced, set by the first postponement. */
  postponed_from: Timestamp | null;
  /** Set exactly when the state is cancelled. */
  cancel_reason: string | null;
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
  debate_minutes: number | null;
  /** A JSON array of https links. */
  document_links: ColumnType<string[], string | undefined, string>;
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

export interface RecordEntryTable {
  sitting_id: string;
  seq: number;
  at: Timestamp;
  /** null for the system (timers) and for pseudonymous ballots. */
  actor_id: string | null;
  kind: string;
  payload: Json<ProcedureEvent>;
  prev_hash: string;
  hash: string;
}

export interface VoteDraftTable {
  id: Generated<string>;
  sitting_id: string;
  agenda_item_id: string | null;
  title: string;
  kind: VoteKind;
  /** Custom options; [] means yes/no(/abstain). */
  options: Json<VoteOption[]>;
  abstention: boolean;
  majority: MajorityKind | null;
  live: boolean;
  duration_seconds: number | null;
  auto_close: boolean;
  category: string | null;
  /** An election: the seats to fill (the options are the candidates); null: not an election. */
  election: Json<{ seats: number }> | null;
  /** Set when the draft was opened as a vote (a draft opens once). */
  opened_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface VoteSecretTable {
  vote_id: string;
  secret: string;
}

export interface BallotTable {
  vote_id: string;
  person_id: string;
  sitting_id: string;
  option_id: string;
  pseudonym: string | null;
  /** The record entry holding the ballot. */
  seq: number;
  cast_at: Timestamp;
}

/** The signing key of an open secret vote, deleted when the vote closes or is cancelled. */
export interface SecretVoteKeyTable {
  vote_id: string;
  /** SPKI, base64url: the key the vote's definition in the record pins. */
  public_key: string;
  /** PKCS#8, base64url. */
  private_key: string;
}

/** Which member took a ballot token of a secret vote. No timestamp, no serial: nothing orders the rows. */
export interface BallotTokenIssuedTable {
  vote_id: string;
  person_id: string;
  /** base64url, as the member sent it: a retry with the same one gets the same blind signature. */
  blinded_message: string;
  blind_signature: string;
}

/** A spent ballot token of a secret vote: its hash and the option, nothing else. */
export interface SecretBallotTable {
  vote_id: string;
  /** Hex SHA-256 of the token. */
  token_hash: string;
  option_id: string;
}

/** One row per sitting: its arrangements, booths on air, relays and subrooms (server/domain/arrangements.ts), as JSON; the table keeps its first name. */
export interface ChamberStateTable {
  sitting_id: string;
  state: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, Date, Date>;
}

/** The identity provider's account a person is bound to (server/auth/identity-binding.ts). */
export interface PersonIdentityTable {
  issuer: string;
  subject: string;
  person_id: string;
  bound_at: ColumnType<Date, Date | undefined, never>;
}

/** An exclusion from sittings (order measure); the record holds the same, this table outlasts the sitting. */
export interface OrderExclusionTable {
  exclusion_id: string;
  person_id: string;
  /** The sitting it was imposed in. */
  sitting_id: string;
  /** Sitting days, the sitting it was imposed in the first. */
  sitting_days: number;
  excluded_at: Timestamp;
  objection_lodged: Generated<boolean>;
  objection_text: string | null;
  /** An upheld objection ended it. */
  lifted_at: Timestamp | null;
}

export interface Database {
  parliament: ParliamentTable;
  factions: FactionTable;
  booths: BoothTable;
  people: PersonTable;
  sittings: SittingTable;
  agenda_items: AgendaItemTable;
  sessions: SessionTable;
  record_entries: RecordEntryTable;
  vote_drafts: VoteDraftTable;
  vote_secrets: VoteSecretTable;
  ballots: BallotTable;
  secret_vote_keys: SecretVoteKeyTable;
  ballot_tokens_issued: BallotTokenIssuedTable;
  secret_ballots: SecretBallotTable;
  chamber_states: ChamberStateTable;
  person_identities: PersonIdentityTable;
  admin_log: AdminLogTable;
  order_exclusions: OrderExclusionTable;
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
export type RecordEntryRow = Selectable<RecordEntryTable>;
export type VoteDraftRow = Selectable<VoteDraftTable>;
export type BallotRow = Selectable<BallotTable>;
export type NewSessionRow = Insertable<SessionTable>;
