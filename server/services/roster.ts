import { insertFaction, listFactions, seatCounts, updateFaction, deleteFaction, type FactionFields } from '../db/factions';
import { deletePerson, insertPerson, listPeople, updatePerson, type PersonFields } from '../db/people';
import { getParliament } from '../db/parliament';
import { listBooths } from '../db/booths';
import { NotFoundError } from '../domain/errors';
import { checkSeats } from '../domain/roster';
import type { Faction, Parliament, Person } from '../domain/parliament';
import type { ServiceDeps } from './context';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';
import { sql } from 'kysely';

const ROSTER_CACHE_MS = 5_000;
const ROSTER_MISS_RELOAD_MS = 200;

/** Factions, people and booths: what parliament IT maintains. */
export function createRosterService(deps: ServiceDeps) {
  const { db, pubsub, now } = deps;

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

  return {
    parliament: () => requireParliament(db),
    seatsFilled: async () => {
      const counts = await seatCounts(db);
      return counts.factions.reduce((n, f) => n + f.members, 0) + counts.independents;
    },
    factions: () => listFactions(db),
    factionsByIds: (ids: readonly string[]) => pick((r) => r.factions, ids),
    people: (filter: { factionIds?: readonly string[] } = {}) => listPeople(db, filter),
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

    async createFaction(fields: FactionFields): Promise<Faction> {
      const f = await withSeatCheck((tx) => insertFaction(tx, fields));
      publish('faction.changed', f.id);
      return f;
    },
    async updateFaction(id: string, fields: Partial<FactionFields>): Promise<Faction> {
      const f = await withSeatCheck((tx) => updateFaction(tx, id, fields));
      if (!f) throw new NotFoundError('faction', id);
      publish('faction.changed', f.id);
      return f;
    },
    async deleteFaction(id: string): Promise<string> {
      if (!(await deleteFaction(db, id))) throw new NotFoundError('faction', id);
      publish('faction.changed', id);
      return id;
    },
    async createPerson(fields: PersonFields): Promise<Person> {
      const p = await withSeatCheck((tx) => insertPerson(tx, fields));
      publish('person.changed', p.id);
      return p;
    },
    async updatePerson(id: string, fields: Partial<PersonFields>): Promise<Person> {
      const p = await withSeatCheck((tx) => updatePerson(tx, id, fields));
      if (!p) throw new NotFoundError('person', id);
      publish('person.changed', p.id);
      return p;
    },
    async deletePerson(id: string): Promise<string> {
      if (!(await deletePerson(db, id))) throw new NotFoundError('person', id);
      publish('person.changed', id);
      return id;
    },
  };
}

async function requireParliament(db: Kysely<Database>): Promise<Parliament> {
  const p = await getParliament(db);
  if (!p) throw new Error('the parliament row is missing: migrations ran but fixtures/seed did not');
  return p;
}

export type RosterService = ReturnType<typeof createRosterService>;
