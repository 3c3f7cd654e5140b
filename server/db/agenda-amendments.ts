import type { Transaction } from 'kysely';
import type { Database } from './database';
import type { AmendedChange } from '../domain/procedure/events';
import type { AgendaOrder } from '../domain/agenda';
import { deleteAgendaItem, insertAgendaItem, updateAgendaItem, writeAgendaOrder } from './agenda';

/**
 * The agenda_items of a sitting as an amendment in its record left them (agenda.amended): written
 * by the procedure engine in the transaction that appends the entry, while it holds the sitting's
 * row lock. An inserted item takes the id the record gives it.
 */
export async function applyAgendaAmendment(tx: Transaction<Database>, sittingId: string, change: AmendedChange, order: AgendaOrder): Promise<void> {
  switch (change.kind) {
    case 'insert': {
      const row = await insertAgendaItem(tx, sittingId, change.position, {
        title: change.title,
        kind: change.itemKind,
        description: change.description,
        debateMinutes: null,
        documentLinks: [],
      });
      // The row is new and nothing refers to it yet: it takes the id the record names.
      await tx.updateTable('agenda_items').set({ id: change.agendaItemId }).where('id', '=', row.id).execute();
      break;
    }
    case 'remove':
      await deleteAgendaItem(tx, change.agendaItemId);
      break;
    case 'retitle':
      await updateAgendaItem(tx, change.agendaItemId, { title: change.title });
      break;
    case 'move':
      break;
  }
  await writeAgendaOrder(tx, order);
}
