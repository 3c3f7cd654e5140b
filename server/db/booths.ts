import type { Kysely } from 'kysely';
import type { BoothRow, Database } from './database';
import type { Booth } from '../domain/parliament';

export function rowToBooth(r: BoothRow): Booth {
  return { id: r.id, language: r.language, name: r.name, kind: r.kind };
}

export async function listBooths(db: Kysely<Database>): Promise<Booth[]> {
  return (await db.selectFrom('booths').selectAll().orderBy('id').execute()).map(rowToBooth);
}

export async function insertBooth(db: Kysely<Database>, b: Booth): Promise<void> {
  await db.insertInto('booths').values({ id: b.id, language: b.language, name: b.name, kind: b.kind }).execute();
}
