import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import { findSittingsByIds, insertSitting, listSittings, lockSitting, updateSitting, type SittingFields } from '../db/sittings';
import { deleteAgendaItem, findAgendaItem, insertAgendaItem, listAgendaItems, updateAgendaItem, writeAgendaOrder, type AgendaItemFields } from '../db/agenda';
import { assertAgendaArrangeable, assertAgendaEditable, insertAt, moveTo, remove } from '../domain/agenda';
import { NotFoundError } from '../domain/errors';
import { assertCleanText } from '../domain/text';
import { assertSchedulable } from '../domain/sitting';
import type { AgendaItem, Sitting } from '../domain/parliament';
import type { ServiceDeps } from './context';
import type { SittingEvent } from './pubsub';

/** Sittings and their agendas. Every agenda edit locks the sitting row, applies a domain rule, then publishes after commit. */
export function createSittingService(deps: ServiceDeps) {
  const { db, pubsub, now } = deps;
  const publish = (kind: SittingEvent['kind'], sittingId: string) => {
    const event = { kind, sittingId, at: now() };
    pubsub.publish('sitting:events', sittingId, event);
    pubsub.publish('sittings:any', event);
  };

  async function editAgenda<T>(sittingId: string, edit: (tx: Transaction<Database>, order: string[], sitting: Sitting) => Promise<T>): Promise<T> {
    const result = await db.transaction().execute(async (tx) => {
      const sitting = await lockSitting(tx, sittingId);
      if (!sitting) throw new NotFoundError('sitting', sittingId);
      assertAgendaEditable(sitting.state);
      const order = (await listAgendaItems(tx, [sittingId])).map((i) => i.id);
      return edit(tx, order, sitting);
    });
    publish('agenda.changed', sittingId);
    return result;
  }

  async function requireItem(id: string): Promise<AgendaItem> {
    const item = await findAgendaItem(db, id);
    if (!item) throw new NotFoundError('agendaItem', id);
    return item;
  }

  return {
    list: (page?: { limit: number; offset: number }) => listSittings(db, page),
    byIds: (ids: readonly string[]) => findSittingsByIds(db, ids),
    agendaOf: (sittingIds: readonly string[]) => listAgendaItems(db, sittingIds),

    async create(fields: SittingFields): Promise<Sitting> {
      assertCleanText(fields);
      const s = await insertSitting(db, fields);
      publish('sitting.created', s.id);
      return s;
    },
    async update(id: string, fields: Partial<SittingFields>): Promise<Sitting> {
      assertCleanText(fields);
      const s = await db.transaction().execute(async (tx) => {
        const current = await lockSitting(tx, id);
        if (!current) throw new NotFoundError('sitting', id);
        assertSchedulable(current.state);
        return (await updateSitting(tx, id, fields))!;
      });
      publish('sitting.updated', id);
      return s;
    },

    addAgendaItem: (sittingId: string, fields: AgendaItemFields, position?: number): Promise<AgendaItem> =>
      editAgenda(sittingId, async (tx, order, sitting) => {
        assertCleanText(fields);
        if (position !== undefined && position <= order.length) assertAgendaArrangeable(sitting.state, 'insert');
        const item = await insertAgendaItem(tx, sittingId, order.length + 1, fields);
        const next = insertAt(order, item.id, position);
        await writeAgendaOrder(tx, next);
        return { ...item, position: next.indexOf(item.id) + 1 };
      }),

    async updateAgendaItem(id: string, fields: Partial<AgendaItemFields>): Promise<AgendaItem> {
      assertCleanText(fields);
      const { sittingId } = await requireItem(id);
      await editAgenda(sittingId, (tx) => updateAgendaItem(tx, id, fields));
      return requireItem(id);
    },

    async moveAgendaItem(id: string, position: number): Promise<AgendaItem> {
      const { sittingId } = await requireItem(id);
      await editAgenda(sittingId, async (tx, order, sitting) => {
        assertAgendaArrangeable(sitting.state, 'move');
        await writeAgendaOrder(tx, moveTo(order, id, position));
      });
      return requireItem(id);
    },

    async removeAgendaItem(id: string): Promise<string> {
      const { sittingId } = await requireItem(id);
      await editAgenda(sittingId, async (tx, order, sitting) => {
        assertAgendaArrangeable(sitting.state, 'remove');
        await deleteAgendaItem(tx, id);
        await writeAgendaOrder(tx, remove(order, id));
      });
      return id;
    },
  };
}

export type SittingService = ReturnType<typeof createSittingService>;
