/**
 * Interpretation booths and their interpreters, as parliament IT keeps them (server/domain/booths.ts
 * has the rules). Each change runs under the booths' lock with the rules, the write and its admin
 * log entry in one transaction.
 *
 * A re-staffed interpreter: the booth page and the chamber's hand-over read the new booth at once
 * (the roster in memory is dropped); the media took their booth when they joined, so they reload the
 * booth page to publish into the new booth's channel.
 */
import type { Transaction } from 'kysely';
import { appendAdminLog } from '../db/admin-log';
import { listLiveArrangements } from '../db/arrangements';
import {
  deleteBooth,
  findPersonWithEnd,
  insertBooth,
  listBooths,
  listInterpreters,
  lockBooths,
  peopleInBooth,
  setPersonBooth,
  updateBooth,
  type PersonWithEnd,
} from '../db/booths';
import type { Database } from '../db/database';
import { getParliamentSettings } from '../db/parliament';
import type { AdminActor } from '../domain/admin-log';
import { checkAssignment, checkBooth, checkBoothChange, checkBoothRemoval, isAssignable, newBoothId, type BoothFields } from '../domain/booths';
import { NotFoundError } from '../domain/errors';
import { fullName, type Booth, type Person } from '../domain/parliament';
import { settingsDefaults } from '../domain/parliament-settings';
import type { ServiceDeps } from './context';

interface BoothRoster {
  /** Drops the roster held in memory and tells listeners (booth page, chamber) who changed. */
  changed(personIds: readonly string[], factionIds: readonly string[]): void;
}

const asPerson = ({ memberTo: _t, ...p }: PersonWithEnd): Person => p;

export function createBoothService(deps: ServiceDeps, roster: BoothRoster) {
  const { db, now } = deps;
  /** The calendar day memberships are judged by, as the roster import judges them. */
  const today = () => now().toISOString().slice(0, 10);

  async function floorLanguage(tx: Transaction<Database>): Promise<string> {
    return (await getParliamentSettings(tx))?.settings.floorLanguage ?? settingsDefaults.floorLanguage;
  }

  async function boothIn(tx: Transaction<Database>, id: string): Promise<{ booth: Booth; others: Booth[] }> {
    const booths = await listBooths(tx);
    const booth = booths.find((b) => b.id === id);
    if (!booth) throw new NotFoundError('booth', id);
    return { booth, others: booths.filter((b) => b.id !== id) };
  }

  return {
    list: () => listBooths(db),

    /** People who can be put in a booth: the interpreter role, membership not ended. By name. */
    async assignable(): Promise<Person[]> {
      const day = today();
      return (await listInterpreters(db)).filter((p) => isAssignable(p, day)).map(asPerson);
    },

    async create(fields: BoothFields, by: AdminActor): Promise<Booth> {
      return db.transaction().execute(async (tx) => {
        await lockBooths(tx);
        const booths = await listBooths(tx);
        checkBooth(fields, booths, await floorLanguage(tx));
        const booth: Booth = {
          id: newBoothId(
            fields,
            booths.map((b) => b.id),
          ),
          language: fields.language,
          name: fields.name,
          kind: fields.kind,
        };
        await insertBooth(tx, booth);
        await appendAdminLog(tx, now(), { actor: by, action: 'booth.create', subject: `booth:${booth.id}`, before: null, after: booth });
        return booth;
      });
    },

    async update(id: string, change: Partial<BoothFields>, by: AdminActor): Promise<Booth> {
      return db.transaction().execute(async (tx) => {
        await lockBooths(tx);
        const { booth: before, others } = await boothIn(tx, id);
        const wanted: Booth = { ...before, ...change };
        checkBoothChange(before, wanted, await listLiveArrangements(tx));
        checkBooth(wanted, others, await floorLanguage(tx));
        const after = await updateBooth(tx, id, change);
        if (!after) throw new NotFoundError('booth', id);
        await appendAdminLog(tx, now(), { actor: by, action: 'booth.update', subject: `booth:${id}`, before, after });
        return after;
      });
    },

    async remove(id: string, by: AdminActor): Promise<string> {
      await db.transaction().execute(async (tx) => {
        await lockBooths(tx);
        const { booth } = await boothIn(tx, id);
        checkBoothRemoval(booth, await peopleInBooth(tx, id), await listLiveArrangements(tx));
        if (!(await deleteBooth(tx, id))) throw new NotFoundError('booth', id);
        await appendAdminLog(tx, now(), { actor: by, action: 'booth.remove', subject: `booth:${id}`, before: booth, after: null });
      });
      return id;
    },

    /**
     * Puts an interpreter in a booth (`boothId`) or takes them off it (null). One person, one booth:
     * assigning moves them from the booth they were in. Nothing changes, and nothing is logged, when
     * they are there already.
     */
    async assign(personId: string, boothId: string | null, by: AdminActor): Promise<Person> {
      const { person, changed } = await db.transaction().execute(async (tx) => {
        await lockBooths(tx);
        const stored = await findPersonWithEnd(tx, personId);
        if (!stored) throw new NotFoundError('person', personId);
        const booths = await listBooths(tx);
        if (boothId !== null && !booths.some((b) => b.id === boothId)) throw new NotFoundError('booth', boothId);
        checkAssignment({ ...stored, name: fullName(stored) }, boothId, await listLiveArrangements(tx), today());
        if (stored.boothId === boothId) return { person: asPerson(stored), changed: false };
        await setPersonBooth(tx, personId, boothId);
        const boothOf = (id: string | null) => (id === null ? null : { boothId: id, booth: booths.find((b) => b.id === id)?.name ?? null });
        await appendAdminLog(tx, now(), {
          actor: by,
          action: boothId === null ? 'booth.unassign' : 'booth.assign',
          subject: `person:${personId}`,
          before: { person: fullName(stored), ...(boothOf(stored.boothId) ?? { boothId: null }) },
          after: { person: fullName(stored), ...(boothOf(boothId) ?? { boothId: null }) },
        });
        return { person: { ...asPerson(stored), boothId }, changed: true };
      });
      if (changed) roster.changed([personId], []);
      return person;
    },
  };
}

export type BoothService = ReturnType<typeof createBoothService>;
