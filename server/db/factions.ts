import type { Kysely } from 'kysely';
import type { Database, FactionRow } from './database';
import type { Faction } from '../domain/parliament';
import type { StoredFaction } from '../domain/roster-import/model';
import { mapConstraintError } from './errors';

const conflicts = { factions_short_name_key: 'a faction with this short name exists already' };

export function rowToFaction(r: FactionRow): Faction {
  return { id: r.id, shortName: r.short_name, name: r.name, colour: r.colour, seats: r.seats };
}

export async function listFactions(db: Kysely<Database>): Promise<Faction[]> {
  const rows = await db.selectFrom('factions').selectAll().orderBy('seats', 'desc').orderBy('short_name').execute();
  return rows.map(rowToFaction);
}

export type FactionFields = Omit<Faction, 'id'>;

export async function insertFaction(db: Kysely<Database>, f: FactionFields & { id?: string }): Promise<Faction> {
  const row = await db
    .insertInto('factions')
    .values({ ...(f.id ? { id: f.id } : {}), short_name: f.shortName, name: f.name, colour: f.colour, seats: f.seats, updated_at: new Date() })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((e: unknown) => mapConstraintError(e, conflicts));
  return rowToFaction(row);
}

export async function updateFaction(db: Kysely<Database>, id: string, f: Partial<FactionFields>): Promise<Faction | undefined> {
  const row = await db
    .updateTable('factions')
    .set({
      ...(f.shortName !== undefined ? { short_name: f.shortName } : {}),
      ...(f.name !== undefined ? { name: f.name } : {}),
      ...(f.colour !== undefined ? { colour: f.colour } : {}),
      ...(f.seats !== undefined ? { seats: f.seats } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
    .catch((e: unknown) => mapConstraintError(e, conflicts));
  return row && rowToFaction(row);
}

export async function deleteFaction(db: Kysely<Database>, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom('factions')
    .where('id', '=', id)
    .executeTakeFirst()
    .catch((e: unknown) => mapConstraintError(e, { people_faction_id_fkey: 'the faction still has members; move them first' }));
  return res.numDeletedRows > 0n;
}

/** Seats and member counts of every faction, plus the number of independents with a seat (voting members). */
export async function seatCounts(db: Kysely<Database>): Promise<{ factions: { factionId: string; seats: number; members: number }[]; independents: number }> {
  const factions = await db
    .selectFrom('factions as f')
    .leftJoin('people as p', (j) => j.onRef('p.faction_id', '=', 'f.id').on('p.voting_rights', '=', true))
    .select((eb) => ['f.id as factionId', 'f.seats as seats', eb.fn.count<string>('p.id').as('members')])
    .groupBy(['f.id', 'f.seats'])
    .execute();
  const ind = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('faction_id', 'is', null)
    .where('voting_rights', '=', true)
    .executeTakeFirstOrThrow();
  return { factions: factions.map((f) => ({ factionId: f.factionId, seats: f.seats, members: Number(f.members) })), independents: Number(ind.n) };
}

// ---- the roster as an import or export sees it (server/domain/roster-import)

export async function listStoredFactions(db: Kysely<Database>): Promise<StoredFaction[]> {
  const rows = await db.selectFrom('factions').selectAll().orderBy('seats', 'desc').orderBy('short_name').execute();
  return rows.map((r) => ({ ...rowToFaction(r), externalId: r.external_id }));
}

export type ImportedFactionFields = Omit<StoredFaction, 'id' | 'externalId'> & { readonly externalId: string };

const importedColumns = (f: ImportedFactionFields) => ({
  external_id: f.externalId,
  short_name: f.shortName,
  name: f.name,
  colour: f.colour,
  seats: f.seats,
  updated_at: new Date(),
});

export async function insertImportedFaction(db: Kysely<Database>, f: ImportedFactionFields): Promise<string> {
  const row = await db
    .insertInto('factions')
    .values(importedColumns(f))
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((e: unknown) => mapConstraintError(e, conflicts));
  return row.id;
}

export async function updateImportedFaction(db: Kysely<Database>, id: string, f: ImportedFactionFields): Promise<boolean> {
  const res = await db
    .updateTable('factions')
    .set(importedColumns(f))
    .where('id', '=', id)
    .executeTakeFirst()
    .catch((e: unknown) => mapConstraintError(e, conflicts));
  return res.numUpdatedRows > 0n;
}
