import { randomUUID } from 'node:crypto';
import { findArrangements, lockArrangements, saveArrangements } from '../db/arrangements';
import { decideArrangement, type ArrangementCommand, type ArrangementPerson, type Arrangements } from '../domain/arrangements';
import type { Booth, Person } from '../domain/parliament';
import type { SittingPhase } from '../domain/procedure/vocabulary';
import type { ServiceDeps } from './context';

interface ArrangementDeps {
  /** Everyone who may take part, with faction, roles and booth. */
  people(): Promise<readonly Person[]>;
  booths(): Promise<readonly Booth[]>;
  /** The sitting's procedural phase: arrangements are made while it is open or suspended. */
  phaseOf(sittingId: string): Promise<SittingPhase>;
}

const asChamberPerson = (p: Person): ArrangementPerson => ({ id: p.id, factionId: p.factionId, roles: p.roles, boothId: p.boothId });

/**
 * Booths on air, relays and subrooms per sitting. Each change runs the domain's rules inside one
 * transaction on the sitting's locked row, then publishes `chamber:changed` for the media to apply.
 */
export function createArrangementService(deps: ServiceDeps, roster: ArrangementDeps) {
  const { db, pubsub, now } = deps;
  const cache = new Map<string, Promise<Arrangements>>();

  function state(sittingId: string): Promise<Arrangements> {
    let hit = cache.get(sittingId);
    if (!hit) {
      hit = findArrangements(db, sittingId);
      hit.catch(() => cache.delete(sittingId));
      cache.set(sittingId, hit);
    }
    return hit;
  }

  async function change(sittingId: string, actor: Person, command: ArrangementCommand): Promise<Arrangements> {
    const [phase, people, booths] = await Promise.all([roster.phaseOf(sittingId), roster.people(), roster.booths()]);
    const ctx = { phase, actor: asChamberPerson(actor), people: new Map(people.map((p) => [p.id, asChamberPerson(p)])), booths, newId: randomUUID };
    const at = now();
    const next = await db.transaction().execute(async (tx) => {
      const current = await lockArrangements(tx, sittingId, at);
      const decided = decideArrangement(current, command, ctx);
      if (decided !== current) await saveArrangements(tx, sittingId, decided, at);
      return decided;
    });
    cache.set(sittingId, Promise.resolve(next));
    pubsub.publish('arrangements:changed', sittingId, next);
    return next;
  }

  return { state, change };
}

export type ArrangementService = ReturnType<typeof createArrangementService>;
