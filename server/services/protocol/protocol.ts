/**
 * The protocol of a sitting as the service serves it: the record, header and planned agenda loaded
 * from the database, handed to the domain's pure `buildProtocol` (server/domain/protocol/).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { listAgendaItems } from '../../db/agenda';
import { listFactions } from '../../db/factions';
import { listPeople } from '../../db/people';
import { fullName } from '../../domain/parliament';
import { getParliament, getParliamentTimeZone } from '../../db/parliament';
import { loadRecord } from '../../db/record';
import { findSittingsByIds } from '../../db/sittings';
import { NotFoundError } from '../../domain/errors';
import { buildProtocol, type Protocol } from '../../domain/protocol/protocol';

export type { Protocol } from '../../domain/protocol/protocol';

/** The protocol, derived from the record alone (plus the sitting's header and planned agenda). */
export async function loadProtocol(db: Kysely<Database>, sittingId: string): Promise<Protocol> {
  const [sitting] = await findSittingsByIds(db, [sittingId]);
  if (!sitting) throw new NotFoundError('sitting', sittingId);
  const parliament = await getParliament(db);
  const agenda = await listAgendaItems(db, [sittingId]);
  const [people, factions] = await Promise.all([listPeople(db), listFactions(db)]);
  return buildProtocol({
    sitting: { id: sitting.id, number: sitting.number, title: sitting.title, startsAt: sitting.startsAt.toISOString() },
    parliamentName: parliament?.name ?? '',
    agenda: agenda.map((i) => ({ id: i.id, position: i.position, title: i.title })),
    entries: await loadRecord(db, sittingId),
    // The parliament's zone, not the server's: a protocol prints the time on the chamber's clock.
    timeZone: (await getParliamentTimeZone(db)) ?? 'Europe/Berlin',
    // Names the record gives only by id (who opened, who decided), and one spelling per group.
    roster: {
      people: people.map((p) => ({ personId: p.id, name: fullName(p), factionId: p.factionId })),
      factions: factions.map((f) => ({ id: f.id, shortName: f.shortName })),
    },
  });
}
