import type { Kysely, Transaction } from 'kysely';
import type { AgendaItemRow, Database } from './database';
import type { AgendaItem, AgendaItemKind } from '../domain/parliament';
import type { AgendaOrder } from '../domain/agenda';

export function rowToAgendaItem(r: AgendaItemRow): AgendaItem {
  return {
    id: r.id,
    sittingId: r.sitting_id,
    position: r.position,
    title: r.title,
    kind: r.kind,
    description: r.description,
    debateMinutes: r.debate_minutes,
    documentLinks: r.document_links,
  };
}

export async function listAgendaItems(db: Kysely<Database>, sittingIds: readonly string[]): Promise<AgendaItem[]> {
  if (sittingIds.length === 0) return [];
  const rows = await db.selectFrom('agenda_items').selectAll().where('sitting_id', 'in', sittingIds).orderBy('sitting_id').orderBy('position').execute();
  return rows.map(rowToAgendaItem);
}

export async function findAgendaItem(db: Kysely<Database>, id: string): Promise<AgendaItem | undefined> {
  const row = await db.selectFrom('agenda_items').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToAgendaItem(row);
}

export interface AgendaItemFields {
  title: string;
  kind: AgendaItemKind;
  description: string | null;
  debateMinutes: number | null;
  documentLinks: readonly string[];
}

export async function insertAgendaItem(
  tx: Transaction<Database> | Kysely<Database>,
  sittingId: string,
  position: number,
  f: AgendaItemFields,
): Promise<AgendaItem> {
  const row = await tx
    .insertInto('agenda_items')
    .values({
      sitting_id: sittingId,
      position,
      title: f.title,
      kind: f.kind,
      description: f.description,
      debate_minutes: f.debateMinutes,
      document_links: JSON.stringify(f.documentLinks),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToAgendaItem(row);
}

export async function updateAgendaItem(tx: Transaction<Database>, id: string, f: Partial<AgendaItemFields>): Promise<void> {
  await tx
    .updateTable('agenda_items')
    .set({
      ...(f.title !== undefined ? { title: f.title } : {}),
      ...(f.kind !== undefined ? { kind: f.kind } : {}),
      ...(f.description !== undefined ? { description: f.description } : {}),
      ...(f.debateMinutes !== undefined ? { debate_minutes: f.debateMinutes } : {}),
      ...(f.documentLinks !== undefined ? { document_links: JSON.stringify(f.documentLinks) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteAgendaItem(tx: Transaction<Database>, id: string): Promise<void> {
  await tx.deleteFrom('agenda_items').where('id', '=', id).execute();
}

/** Writes positions 1..n in the given order; the caller holds the sitting's lock. */
export async function writeAgendaOrder(tx: Transaction<Database>, order: AgendaOrder): Promise<void> {
  for (const [i, id] of order.entries()) {
    await tx
      .updateTable('agenda_items')
      .set({ position: i + 1 })
      .where('id', '=', id)
      .execute();
  }
}
