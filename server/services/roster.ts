import { insertFaction, listFactions, seatCounts, updateFaction, deleteFaction, type FactionFields } from '../db/factions';
import {
  deletePerson,
  findStoredPerson,
  setMembershipEnd,
  endMembership,
  findPersonById,
  insertPerson,
  listPeople,
  personInRecord,
  updatePerson,
  type PeoplePage,
  type PersonFields,
} from '../db/people';
import { getParliament } from '../db/parliament';
import { listBooths } from '../db/booths';
import { NotFoundError, RuleViolation } from '../domain/errors';
import { checkSeats } from '../domain/roster';
import { checkPersonEdit } from '../domain/roster-edits';
import { checkAssignment, type StaffCandidate } from '../domain/booths';
import { lockBooths } from '../db/booths';
import { listLiveArrangements } from '../db/arrangements';
import type { Actor } from '../domain/procedure/commands';
import type { RosterFacts } from '../domain/procedure/events';
import { fullName, type Faction, type Parliament, type Person } from '../domain/parliament';
import type { ServiceDeps } from './context';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';
import { sql } from 'kysely';
import { appendAdminLog } from '../db/admin-log';
import { systemActor, type AdminActor } from '../domain/admin-log';

const ROSTER_CACHE_MS = 5_000;
const ROSTER_MISS_RELOAD_MS = 200;
/** Roster events one bulk change publishes at most, each naming a row; beyond, one per kind. */
const MAX_CHANGE_EVENTS = 50;

/** A change to who someone is, as the record of an open sitting keeps it. */
export interface RosterChange {
  readonly person: { readonly personId: string; readonly name: string; readonly factionId: string | null };
  readonly before: RosterFacts | null;
  readonly after: RosterFacts | null;
}

/** Notes a roster change in the record of every open sitting (procedure decides); throws when it could not. */
export type RosterChangeNotary = (editor: Actor, change: RosterChange) => Promise<void>;

const factsOf = (p: Person): RosterFacts => ({ username: p.username, roles: [...p.roles], votingRights: p.votingRights });
const personOfChange = (p: Person): RosterChange['person'] => ({ personId: p.id, name: fullName(p), factionId: p.factionId });

/** Factions, people and booths: what parliament IT maintains. */
export function createRosterService(deps: ServiceDeps, notary: RosterChangeNotary) {
  const { db, pubsub, now, log } = deps;

  // The roster is read on every live update of every listener and changes rarely: keep it in memory,
  // dropped on every change made here and after a short while for changes made by other processes.
  let cached: { at: number; roster: Promise<{ people: Map<string, Person>; factions: Map<string, Faction> }> } | undefined;
  const roster = () => {
    if (!cached || now().getTime() - cached.at > ROSTER_CACHE_MS) {
      const loading = Promise.all([listPeople(db), listFactions(db)]).then(([p, f]) => ({
        people: new Map(p.map((x) => [x.id, x])),
        factions: new Map(f.map((x) => [x.id, x])),
      }));
      loading.catch(() => (cached = undefined));
      cached = { at: now().getTime(), roster: loading };
    }
    return cached.roster;
  };
  /** Ids the cache does not know may be new (added by another process): reload once, then answer. */
  const pick = async <T>(which: (r: Awaited<ReturnType<typeof roster>>) => Map<string, T>, ids: readonly string[]) => {
    let m = which(await roster());
    if (ids.some((id) => !m.has(id)) && cached && now().getTime() - cached.at > ROSTER_MISS_RELOAD_MS) {
      cached = undefined;
      m = which(await roster());
    }
    return ids.flatMap((id) => (m.has(id) ? [m.get(id)!] : []));
  };

  const publish = (kind: 'faction.changed' | 'person.changed', id: string) => {
    cached = undefined;
    pubsub.publish('roster:events', { kind, id, at: now() });
  };

  /** Seat rules are checked inside the writing transaction; the table lock serialises concurrent roster edits. */
  async function withSeatCheck<T>(write: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (tx) => {
      await sql`lock table factions in share row exclusive mode`.execute(tx);
      const result = await write(tx);
      const parliament = await requireParliament(tx);
      const counts = await seatCounts(tx);
      checkSeats(parliament.statutoryMembers, counts.factions, counts.independents);
      return result;
    });
  }

  /** A booth given with the person follows the booths' rules (server/domain/booths.ts), as assignInterpreter does. */
  async function checkStaffing(tx: Transaction<Database>, person: StaffCandidate, boothId: string | null): Promise<void> {
    await lockBooths(tx);
    checkAssignment(person, boothId, await listLiveArrangements(tx), now().toISOString().slice(0, 10));
  }

  /**
   * A change stands only once every open sitting's record notes it: if the record cannot take it,
   * the change is undone and the caller told, so no one gains a vote or an identity unrecorded.
   */
  async function noted(editor: Actor, change: RosterChange, undo: (() => Promise<void>) | undefined, by: AdminActor): Promise<void> {
    try {
      await notary(editor, change);
    } catch (error) {
      log.error('roster | change not recorded', { person: change.person.personId, undone: undo !== undefined, error: String(error) });
      if (undo) {
        await undo();
        // The admin log keeps the change it logged; the undoing is a change of its own.
        await db.transaction().execute((tx) =>
          appendAdminLog(tx, now(), {
            actor: by,
            action: 'person.undone',
            subject: `person:${change.person.personId}`,
            before: change.after,
            after: change.before,
          }),
        );
        publish('person.changed', change.person.personId);
      }
      throw error;
    }
  }

  return {
    /** null while the parliament is not set up (a fresh production database). */
    parliament: async (): Promise<Parliament | null> => (await getParliament(db)) ?? null,
    seatsFilled: async () => {
      const counts = await seatCounts(db);
      return counts.factions.reduce((n, f) => n + f.members, 0) + counts.independents;
    },
    factions: () => listFactions(db),
    factionsByIds: (ids: readonly string[]) => pick((r) => r.factions, ids),
    /** People in the lists (not those whose membership has ended), or everyone with `includeEnded`. */
    people: (filter: { factionIds?: readonly string[]; includeEnded?: boolean } = {}, page?: PeoplePage) =>
      listPeople(
        db,
        { ...(filter.factionIds ? { factionIds: filter.factionIds } : {}), ...(filter.includeEnded ? {} : { currentOn: now().toISOString().slice(0, 10) }) },
        page,
      ),
    peopleByIds: (ids: readonly string[]) => pick((r) => r.people, ids),
    /** Everyone, from the in-memory roster: for what runs on every change (chamber, broadcast). */
    everyone: async (): Promise<Person[]> => [...(await roster()).people.values()],
    /**
     * The person a signed-in user acts as: the one bound to their account (server/auth/identity-binding.ts),
     * never whoever holds their username today. Asked on every request: answered from memory.
     */
    personOf: async (user: { readonly personId: string | null } | null): Promise<Person | undefined> =>
      user?.personId ? (await pick((r) => r.people, [user.personId]))[0] : undefined,
    booths: () => listBooths(db),

    async createFaction(fields: FactionFields, by: AdminActor = systemActor): Promise<Faction> {
      const f = await withSeatCheck(async (tx) => {
        const f = await insertFaction(tx, fields);
        await appendAdminLog(tx, now(), { actor: by, action: 'faction.create', subject: `faction:${f.id}`, before: null, after: f });
        return f;
      });
      publish('faction.changed', f.id);
      return f;
    },
    async updateFaction(id: string, fields: Partial<FactionFields>, by: AdminActor = systemActor): Promise<Faction> {
      const f = await withSeatCheck(async (tx) => {
        const before = (await listFactions(tx)).find((x) => x.id === id);
        const f = await updateFaction(tx, id, fields);
        if (f) await appendAdminLog(tx, now(), { actor: by, action: 'faction.update', subject: `faction:${id}`, before, after: f });
        return f;
      });
      if (!f) throw new NotFoundError('faction', id);
      publish('faction.changed', f.id);
      return f;
    },
    async deleteFaction(id: string, by: AdminActor = systemActor): Promise<string> {
      await db.transaction().execute(async (tx) => {
        const before = (await listFactions(tx)).find((x) => x.id === id);
        if (!(await deleteFaction(tx, id))) throw new NotFoundError('faction', id);
        await appendAdminLog(tx, now(), { actor: by, action: 'faction.delete', subject: `faction:${id}`, before, after: null });
      });
      publish('faction.changed', id);
      return id;
    },
    /** `editor` is who acts (their bound person and token roles): the rules of roster-edits.ts and the record need them. */
    async createPerson(editor: Actor, fields: PersonFields, by: AdminActor = systemActor): Promise<Person> {
      const p = await withSeatCheck(async (tx) => {
        checkPersonEdit(editor, null, null, factsOf({ ...fields, id: '' }));
        if (fields.boothId !== null) await checkStaffing(tx, { ...fields, id: '', name: fullName(fields), boothId: null, memberTo: null }, fields.boothId);
        const p = await insertPerson(tx, fields);
        await appendAdminLog(tx, now(), { actor: by, action: 'person.create', subject: `person:${p.id}`, before: null, after: p });
        return p;
      });
      publish('person.changed', p.id);
      await noted(
        editor,
        { person: personOfChange(p), before: null, after: factsOf(p) },
        async () => {
          await deletePerson(db, p.id);
        },
        by,
      );
      return p;
    },
    async updatePerson(editor: Actor, id: string, fields: Partial<PersonFields>, by: AdminActor = systemActor): Promise<Person> {
      const { before, after } = await withSeatCheck(async (tx) => {
        const before = await findPersonById(tx, id);
        if (!before) throw new NotFoundError('person', id);
        checkPersonEdit(editor, id, factsOf(before), factsOf({ ...before, ...fields }));
        if (fields.boothId !== undefined && fields.boothId !== before.boothId) {
          const memberTo = (await findStoredPerson(tx, id))?.memberTo ?? null;
          await checkStaffing(tx, { ...before, ...fields, name: fullName({ ...before, ...fields }), boothId: before.boothId, memberTo }, fields.boothId);
        }
        const after = await updatePerson(tx, id, fields);
        if (!after) throw new NotFoundError('person', id);
        await appendAdminLog(tx, now(), { actor: by, action: 'person.update', subject: `person:${id}`, before, after });
        return { before, after };
      });
      publish('person.changed', after.id);
      await noted(
        editor,
        { person: personOfChange(after), before: factsOf(before), after: factsOf(after) },
        async () => {
          const { id: _id, ...previous } = before;
          await updatePerson(db, id, previous);
        },
        by,
      );
      return after;
    },
    async deletePerson(editor: Actor, id: string, by: AdminActor = systemActor): Promise<string> {
      const before = await findPersonById(db, id);
      if (!before) throw new NotFoundError('person', id);
      checkPersonEdit(editor, id, factsOf(before), null);
      // The record of a sitting must keep naming whoever voted or acted in it: such a person is ended, not deleted.
      if (await personInRecord(db, id))
        throw new RuleViolation('roster.person_in_record', `${fullName(before)} is named in a sitting's record; end their membership instead`);
      await db.transaction().execute(async (tx) => {
        if (!(await deletePerson(tx, id))) throw new NotFoundError('person', id);
        await appendAdminLog(tx, now(), { actor: by, action: 'person.delete', subject: `person:${id}`, before, after: null });
      });
      publish('person.changed', id);
      // Nothing to undo with: a removal that the record missed is logged loudly instead.
      await noted(editor, { person: personOfChange(before), before: factsOf(before), after: null }, undefined, by);
      return id;
    },
    /** Ends a membership on `day` (YYYY-MM-DD, default today): the voting right goes, the person and their record stay. */
    async endPerson(editor: Actor, id: string, day: string | null, by: AdminActor = systemActor): Promise<Person> {
      const { before, after, endedBefore } = await withSeatCheck(async (tx) => {
        const stored = await findStoredPerson(tx, id);
        const before = await findPersonById(tx, id);
        if (!stored || !before) throw new NotFoundError('person', id);
        checkPersonEdit(editor, id, factsOf(before), factsOf({ ...before, votingRights: false }));
        await endMembership(tx, id, day ?? now().toISOString().slice(0, 10));
        const after = await findPersonById(tx, id);
        if (!after) throw new NotFoundError('person', id);
        await appendAdminLog(tx, now(), { actor: by, action: 'person.end', subject: `person:${id}`, before, after });
        return { before, after, endedBefore: stored.memberTo };
      });
      publish('person.changed', id);
      await noted(
        editor,
        { person: personOfChange(after), before: factsOf(before), after: factsOf(after) },
        async () => {
          await setMembershipEnd(db, id, endedBefore, before.votingRights);
        },
        by,
      );
      return after;
    },
    /** After changes made elsewhere (an import): forget the in-memory roster and tell listeners. */
    changed(personIds: readonly string[], factionIds: readonly string[]): void {
      // Listeners drop what they derived from the roster; one event per row of a large import would
      // overflow their queues (the pubsub bounds them), and one event says as much.
      const few = personIds.length + factionIds.length <= MAX_CHANGE_EVENTS;
      for (const id of few ? factionIds : factionIds.slice(0, 1)) publish('faction.changed', id);
      for (const id of few ? personIds : personIds.slice(0, 1)) publish('person.changed', id);
      cached = undefined;
    },
  };
}

async function requireParliament(db: Kysely<Database>): Promise<Parliament> {
  const p = await getParliament(db);
  if (!p) throw new Error('the parliament row is missing: migrations ran but fixtures/seed did not');
  return p;
}

export type RosterService = ReturnType<typeof createRosterService>;
