import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { getParliamentRulebook, getSittingRulebookOverrides } from '../../db/rulebooks';
import { listFactions } from '../../db/factions';
import { listPeople } from '../../db/people';
import { listAgendaItems } from '../../db/agenda';
import { getParliament } from '../../db/parliament';
import { findSittingsByIds } from '../../db/sittings';
import { NotFoundError } from '../../domain/errors';
import { fullName } from '../../domain/parliament';
import { presets } from '../../domain/rulebook/presets';
import { applyOverrides } from '../../domain/rulebook/schema';
import type { Rulebook } from '../../domain/rulebook';
import type { RulebookPresetId } from '@contract/forms/parliament-forms';
import type { CarriedExclusion, SittingContext } from '../../domain/procedure/commands';
import { exclusionsInForce } from '../../db/order-exclusions';

/** The preset a parliament without a rulebook of its own uses. */
export const defaultPreset: RulebookPresetId = 'bundestag-2025';

export async function effectiveRulebook(db: Kysely<Database>, sittingId: string | null): Promise<Rulebook> {
  const own = await getParliamentRulebook(db);
  const base = own ?? presets[defaultPreset];
  if (!sittingId) return base;
  const overrides = await getSittingRulebookOverrides(db, sittingId);
  return overrides ? applyOverrides(base, overrides) : base;
}

/**
 * Static facts the rules read: today's roster, the agenda and the rulebook that would apply; with
 * `exclusions` (for opening the sitting), the exclusions of earlier sittings it still serves.
 */
export async function loadSittingContext(db: Kysely<Database>, sittingId: string, opts: { exclusions?: boolean } = {}): Promise<SittingContext> {
  // One after another: inside a transaction on PGlite there is only the one connection.
  const parliament = await getParliament(db);
  const factions = await listFactions(db);
  const people = await listPeople(db);
  const agenda = await listAgendaItems(db, [sittingId]);
  const rulebook = await effectiveRulebook(db, sittingId);
  const [sitting] = await findSittingsByIds(db, [sittingId]);
  if (!parliament) throw new NotFoundError('sitting', sittingId);
  const factionNames = new Map(factions.map((f) => [f.id, f.shortName]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const exclusions: CarriedExclusion[] = [];
  for (const x of opts.exclusions ? await exclusionsInForce(db, sittingId) : []) {
    const p = byId.get(x.personId);
    // Whether it is still served is the domain's to say (carriedExclusions); a person no longer on the roster is not carried.
    if (!p) continue;
    const person = {
      personId: p.id,
      name: fullName(p),
      factionId: p.factionId,
      factionShortName: p.factionId ? (factionNames.get(p.factionId) ?? null) : null,
    };
    exclusions.push({
      exclusionId: x.exclusionId,
      person,
      fromSittingId: x.sittingId,
      sittingDays: x.sittingDays,
      servedSince: x.served,
      objection: x.objection,
    });
  }
  return {
    sittingId,
    rulebook,
    statutoryMembers: parliament.statutoryMembers,
    factions: factions.map((f) => ({ id: f.id, shortName: f.shortName, seats: f.seats })),
    people: new Map(people.map((p) => [p.id, { id: p.id, name: fullName(p), factionId: p.factionId, votingRights: p.votingRights, roles: p.roles }])),
    agenda: agenda.map((i) => ({ id: i.id, position: i.position, title: i.title, debateMinutes: i.debateMinutes })),
    cancelled: sitting?.state === 'cancelled',
    ...(opts.exclusions ? { exclusions } : {}),
    ...(sitting ? { startsAt: sitting.startsAt.toISOString() } : {}),
  };
}
