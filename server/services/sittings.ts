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
import { appendAdminLog } from '../db/admin-log';
import { systemActor, type AdminActor } from '../domain/admin-log';

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

    async create(fields: SittingFields, by: AdminActor = systemActor): Promise<Sitting> {
      assertCleanText(fields);
      const s = await db.transaction().execute(async (tx) => {
        const s = await insertSitting(tx, fields);
        await appendAdminLog(tx, now(), { actor: by, action: 'sitting.create', subject: `sitting:${s.id}`, before: null, after: s });
        return s;
      });
      publish('sitting.created', s.id);
      return s;
    },
    async update(id: string, fields: Partial<SittingFields>, by: AdminActor = systemActor): Promise<Sitting> {
      assertCleanText(fields);
      const s = await db.transaction().execute(async (tx) => {
        const current = await lockSitting(tx, id);
        if (!current) throw new NotFoundError('sitting', id);
        assertSchedulable(current.state);
        const after = (await updateSitting(tx, id, fields))!;
        await appendAdminLog(tx, now(), { actor: by, action: 'sitting.update', subject: `sitting:${id}`, before: current, after });
        return after;
      });
      publish('sitting.updated', id);
      return s;
    },

    addAgendaItem: (sittingId: string, fields: AgendaItemFields, position?: number, by: AdminActor = systemActor): Promise<AgendaItem> =>
      editAgenda(sittingId, async (tx, order, sitting) => {
        assertCleanText(fields);
        if (position !== undefined && position <= order.length) assertAgendaArrangeable(sitting.state, 'insert');
        const item = await insertAgendaItem(tx, sittingId, order.length + 1, fields);
        const next = insertAt(order, item.id, position);
        await writeAgendaOrder(tx, next);
        const added = { ...item, position: next.indexOf(item.id) + 1 };
        await appendAdminLog(tx, now(), { actor: by, action: 'agenda.add', subject: `sitting:${sittingId}`, before: null, after: added });
        return added;
      }),

    async updateAgendaItem(id: string, fields: Partial<AgendaItemFields>, by: AdminActor = systemActor): Promise<AgendaItem> {
      assertCleanText(fields);
      const { sittingId } = await requireItem(id);
      await editAgenda(sittingId, async (tx) => {
        const before = await findAgendaItem(tx, id);
        await updateAgendaItem(tx, id, fields);
        await appendAdminLog(tx, now(), { actor: by, action: 'agenda.update', subject: `sitting:${sittingId}`, before, after: await findAgendaItem(tx, id) });
      });
      return requireItem(id);
    },

    async moveAgendaItem(id: string, position: number, by: AdminActor = systemActor): Promise<AgendaItem> {
      const { sittingId } = await requireItem(id);
      await editAgenda(sittingId, async (tx, order, sitting) => {
        assertAgendaArrangeable(sitting.state, 'move');
        const next = moveTo(order, id, position);
        await writeAgendaOrder(tx, next);
        await appendAdminLog(tx, now(), { actor: by, action: 'agenda.move', subject: `sitting:${sittingId}`, before: { order }, after: { order: next } });
      });
      return requireItem(id);
    },

    async removeAgendaItem(id: string, by: AdminActor = systemActor): Promise<string> {
      const item = await requireItem(id);
      const { sittingId } = item;
      await editAgenda(sittingId, async (tx, order, sitting) => {
        assertAgendaArrangeable(sitting.state, 'remove');
        await deleteAgendaItem(tx, id);
        await appendAdminLog(tx, now(), { actor: by, action: 'agenda.remove', subject: `sitting:${sittingId}`, before: item, after: null });
        await writeAgendaOrder(tx, remove(order, id));
      });
      return id;
    },
  };
}

export type SittingService = ReturnType<typeof createSittingService>;
