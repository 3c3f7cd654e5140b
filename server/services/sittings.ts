import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import {
  cancelSitting,
  countRecordEntries,
  deleteSitting,
  findSittingsByIds,
  insertSitting,
  listSittings,
  lockSitting,
  postponeSitting,
  sittingsWithRecord,
  updateSitting,
  type SittingFields,
} from '../db/sittings';
import { deleteAgendaItem, findAgendaItem, insertAgendaItem, listAgendaItems, updateAgendaItem, writeAgendaOrder, type AgendaItemFields } from '../db/agenda';
import { assertAgendaArrangeable, assertAgendaEditable, insertAt, moveTo, remove } from '../domain/agenda';
import { NotFoundError } from '../domain/errors';
import { assertCleanText } from '../domain/text';
import { assertCancellable, assertDeletable, assertPostponable, assertSchedulable } from '../domain/sitting';
import type { AgendaItem, Sitting } from '../domain/parliament';
import type { ServiceDeps } from './context';
import type { SittingEvent } from './pubsub';
import { appendAdminLog } from '../db/admin-log';
import { systemActor, type AdminActor } from '../domain/admin-log';

/** A new item's fields; no debate time and no documents unless given. */
export type NewAgendaItem = Omit<AgendaItemFields, 'debateMinutes' | 'documentLinks'> & Partial<Pick<AgendaItemFields, 'debateMinutes' | 'documentLinks'>>;

/** Sittings and their agendas. Every agenda edit locks the sitting row, applies a domain rule, then publishes after commit. */
export function createSittingService(deps: ServiceDeps) {
  const { db, pubsub, now } = deps;
  const publish = (kind: SittingEvent['kind'], sittingId: string) => {
    const event = { kind, sittingId, at: now() };
    if (kind !== 'sitting.deleted') pubsub.publish('sitting:events', sittingId, event);
    pubsub.publish('sittings:any', event);
  };

  /** Locks a sitting, lets `change` check and write it, logs `action` with the sitting before and after. */
  async function changeSitting(
    id: string,
    action: string,
    by: AdminActor,
    change: (tx: Transaction<Database>, current: Sitting) => Promise<{ after: Sitting; logged?: Record<string, unknown> }>,
  ): Promise<Sitting> {
    const s = await db.transaction().execute(async (tx) => {
      const current = await lockSitting(tx, id);
      if (!current) throw new NotFoundError('sitting', id);
      const { after, logged } = await change(tx, current);
      await appendAdminLog(tx, now(), { actor: by, action, subject: `sitting:${id}`, before: current, after: { ...after, ...logged } });
      return after;
    });
    publish('sitting.updated', id);
    return s;
  }

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
    /** Of these sittings, those with something in their record. */
    withRecord: (ids: readonly string[]) => sittingsWithRecord(db, ids),

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
    update(id: string, fields: Partial<SittingFields>, by: AdminActor = systemActor): Promise<Sitting> {
      assertCleanText(fields);
      return changeSitting(id, 'sitting.update', by, async (tx, current) => {
        assertSchedulable(current.state);
        return { after: (await updateSitting(tx, id, fields))! };
      });
    },

    /** A later start for a scheduled sitting; the start first announced is kept as postponedFrom. */
    postpone(id: string, to: { startsAt: Date; reason: string | null }, by: AdminActor = systemActor): Promise<Sitting> {
      assertCleanText(to);
      return changeSitting(id, 'sitting.postpone', by, async (tx, current) => {
        assertPostponable(current, to.startsAt);
        return { after: (await postponeSitting(tx, id, to.startsAt))!, logged: { reason: to.reason } };
      });
    },

    /** Calls a scheduled sitting off: it will not open, and its agenda stays as it is. */
    cancel(id: string, reason: string, by: AdminActor = systemActor): Promise<Sitting> {
      assertCleanText(reason);
      return changeSitting(id, 'sitting.cancel', by, async (tx, current) => {
        assertCancellable(current.state);
        return { after: (await cancelSitting(tx, id, reason))! };
      });
    },

    /** Deletes a sitting created by mistake: scheduled, empty record. The log keeps it and its agenda. */
    async remove(id: string, by: AdminActor = systemActor): Promise<string> {
      await db.transaction().execute(async (tx) => {
        const current = await lockSitting(tx, id);
        if (!current) throw new NotFoundError('sitting', id);
        assertDeletable(current.state, await countRecordEntries(tx, id));
        const agenda = await listAgendaItems(tx, [id]);
        await deleteSitting(tx, id);
        await appendAdminLog(tx, now(), { actor: by, action: 'sitting.delete', subject: `sitting:${id}`, before: { ...current, agenda }, after: null });
      });
      publish('sitting.deleted', id);
      return id;
    },

    addAgendaItem: (sittingId: string, fields: NewAgendaItem, position?: number, by: AdminActor = systemActor): Promise<AgendaItem> =>
      editAgenda(sittingId, async (tx, order, sitting) => {
        assertCleanText(fields);
        if (position !== undefined && position <= order.length) assertAgendaArrangeable(sitting.state, 'insert');
        const item = await insertAgendaItem(tx, sittingId, order.length + 1, { debateMinutes: null, documentLinks: [], ...fields });
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
