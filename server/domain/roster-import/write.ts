/** The roster written as a file the import reads back to no difference (CSV or JSON). Pure. */
import { writeCsv } from './csv';
import { csvColumns, type CsvColumn, type RosterFormat, type StoredRoster } from './model';

const cellOf = (v: string | number | boolean | null | readonly string[]): string =>
  v === null ? '' : Array.isArray(v) ? v.join('|') : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);

export function writeRoster(format: RosterFormat, roster: StoredRoster): string {
  const short = new Map(roster.factions.map((f) => [f.id, f.shortName]));
  const factions = roster.factions.map((f) => ({ externalId: f.externalId ?? f.id, shortName: f.shortName, name: f.name, colour: f.colour, seats: f.seats }));
  const people = roster.people.map((p) => ({
    externalId: p.externalId ?? p.id,
    username: p.username,
    givenName: p.givenName,
    familyName: p.familyName,
    title: p.title,
    email: p.email,
    faction: p.factionId === null ? null : (short.get(p.factionId) ?? null),
    office: p.office,
    roles: [...p.roles],
    votingRights: p.votingRights,
    memberFrom: p.memberFrom,
    memberTo: p.memberTo,
  }));
  if (format === 'json') return JSON.stringify({ factions, people }, null, 2) + '\n';
  const row = (type: string, v: Partial<Record<CsvColumn, string | number | boolean | null | readonly string[]>>) =>
    csvColumns.map((c) => (c === 'type' ? type : cellOf(v[c] ?? null)));
  return writeCsv([
    csvColumns,
    ...factions.map((f) => row('faction', { external_id: f.externalId, short_name: f.shortName, name: f.name, colour: f.colour, seats: f.seats })),
    ...people.map((p) =>
      row('person', {
        external_id: p.externalId,
        username: p.username,
        given_name: p.givenName,
        family_name: p.familyName,
        title: p.title,
        email: p.email,
        faction: p.faction,
        office: p.office,
        roles: p.roles,
        voting_rights: p.votingRights,
        member_from: p.memberFrom,
        member_to: p.memberTo,
      }),
    ),
  ]);
}
