/**
 * A larger parliament for tests and benchmarks: turns a freshly seeded database (the demo parliament of
 * 49 seats, 48 voting members) into one of N voting members, spread over the five fixture factions by
 * their seat shares plus some independents. Seats and the statutory membership are raised to match, so
 * that every rule that counts members (quorum, "majority of the members") sees a consistent roster.
 * Everything goes through the repositories in server/db/; every added member signs in to the
 * development provider with the password `plenum` like the fixture's people.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/database';
import { listFactions, updateFaction } from '../../server/db/factions';
import { getParliament, upsertParliament } from '../../server/db/parliament';
import { insertPerson, listPeople } from '../../server/db/people';
import { checkSeats } from '../../server/domain/roster';
import type { Person } from '../../server/domain/parliament';

/** The fixture's president: a voting member with the chair role. */
export const chairUsername = 'a.keller';

export interface LargeParliament {
  /** Every person with voting rights, the fixture's and the added, sorted by username. */
  readonly voters: readonly Person[];
  /** The chair (also a voter). */
  readonly chair: Person;
  readonly statutoryMembers: number;
}

/** Username of the i-th added member (0-based): `mp.0001`, `mp.0002`, … */
export const addedUsername = (i: number) => `mp.${String(i + 1).padStart(4, '0')}`;

/**
 * Grows the parliament to `n` voting members (n ≥ the fixture's 48). Faction seats scale with n by
 * the fixture's seat shares and are filled; the rest sit as independents; statutory = n. Runs in one
 * transaction; idempotent only in the sense that it refuses a database that has been grown already.
 */
export async function growParliament(db: Kysely<Database>, n: number): Promise<LargeParliament> {
  return db.transaction().execute(async (tx) => {
    const parliament = await getParliament(tx);
    if (!parliament) throw new Error('growParliament: the database is not seeded');
    const people = await listPeople(tx);
    if (people.some((p) => p.username === addedUsername(0))) throw new Error('growParliament: this parliament has been grown already');
    const factions = await listFactions(tx);
    const voting = people.filter((p) => p.votingRights);
    if (n < voting.length) throw new Error(`growParliament: ${n} is fewer than the ${voting.length} voting members there are`);

    // Seats by the fixture's shares of its statutory membership; what is left goes to independents.
    const scale = n / parliament.statutoryMembers;
    const seats = new Map(factions.map((f) => [f.id, Math.max(f.seats, Math.floor(f.seats * scale))]));
    const factionSeats = [...seats.values()].reduce((a, b) => a + b, 0);
    if (factionSeats > n) throw new Error(`growParliament: ${factionSeats} faction seats exceed ${n}`);
    const members = new Map(factions.map((f) => [f.id, voting.filter((p) => p.factionId === f.id).length]));
    const independentsNow = voting.filter((p) => p.factionId === null).length;

    // Fill each faction to its seats, then independents up to n.
    const toAdd: (string | null)[] = [];
    for (const f of factions) for (let k = members.get(f.id)!; k < seats.get(f.id)!; k++) toAdd.push(f.id);
    for (let k = factionSeats + independentsNow; k < n; k++) toAdd.push(null);
    if (voting.length + toAdd.length !== n) {
      throw new Error(`growParliament: cannot reach ${n} (factions are over their scaled seats: ${JSON.stringify([...members])})`);
    }

    await upsertParliament(tx, { name: parliament.name, statutoryMembers: n });
    for (const f of factions) if (seats.get(f.id) !== f.seats) await updateFaction(tx, f.id, { seats: seats.get(f.id)! });
    const added: Person[] = [];
    for (const [i, factionId] of toAdd.entries()) {
      added.push(
        await insertPerson(tx, {
          username: addedUsername(i),
          givenName: 'Member',
          familyName: `No. ${String(i + 1).padStart(4, '0')}`,
          title: null,
          email: null,
          factionId,
          office: null,
          roles: ['member'],
          votingRights: true,
          boothId: null,
        }),
      );
    }
    // The roster's own invariant, checked as the roster service would.
    checkSeats(
      n,
      factions.map((f) => ({ factionId: f.id, seats: seats.get(f.id)!, members: [...voting, ...added].filter((p) => p.factionId === f.id).length })),
      [...voting, ...added].filter((p) => p.factionId === null).length,
    );
    const voters = [...voting, ...added].sort((a, b) => a.username.localeCompare(b.username));
    const chair = voters.find((p) => p.username === chairUsername);
    if (!chair) throw new Error(`growParliament: the chair ${chairUsername} is not a voting member`);
    return { voters, chair, statutoryMembers: n };
  });
}
