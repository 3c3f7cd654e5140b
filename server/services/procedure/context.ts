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
import type { SittingContext } from '../../domain/procedure/commands';

/** The preset a parliament without a rulebook of its own uses. */
export const defaultPreset: RulebookPresetId = 'bundestag-2025';

export async function effectiveRulebook(db: Kysely<Database>, sittingId: string | null): Promise<Rulebook> {
  const own = await getParliamentRulebook(db);
  const base = own ?? presets[defaultPreset];
  if (!sittingId) return base;
  const overrides = await getSittingRulebookOverrides(db, sittingId);
  return overrides ? applyOverrides(base, overrides) : base;
}

/** Static facts the rules read: today's roster, the agenda and the rulebook that would apply. */
export async function loadSittingContext(db: Kysely<Database>, sittingId: string): Promise<SittingContext> {
  // One after another: inside a transaction on PGlite there is only the one connection.
  const parliament = await getParliament(db);
  const factions = await listFactions(db);
  const people = await listPeople(db);
  const agenda = await listAgendaItems(db, [sittingId]);
  const rulebook = await effectiveRulebook(db, sittingId);
  const [sitting] = await findSittingsByIds(db, [sittingId]);
  if (!parliament) throw new NotFoundError('sitting', sittingId);
  return {
    sittingId,
    rulebook,
    statutoryMembers: parliament.statutoryMembers,
    factions: factions.map((f) => ({ id: f.id, shortName: f.shortName, seats: f.seats })),
    people: new Map(people.map((p) => [p.id, { id: p.id, name: fullName(p), factionId: p.factionId, votingRights: p.votingRights, roles: p.roles }])),
    agenda: agenda.map((i) => ({ id: i.id, position: i.position, title: i.title, debateMinutes: i.debateMinutes })),
    cancelled: sitting?.state === 'cancelled',
    ...(sitting ? { startsAt: sitting.startsAt.toISOString() } : {}),
  };
}
