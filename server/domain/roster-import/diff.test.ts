import { describe, expect, it } from 'vitest';
import { diffParts, diffRoster, emptyDiff } from './diff';
import type { StoredRoster } from './model';
import { readRosterFile } from './read';
import { writeRoster } from './write';

const stored: StoredRoster = {
  factions: [{ id: 'grn', externalId: null, shortName: 'GRN', name: 'Grüne', colour: '#00aa00', seats: 2 }],
  people: [
    {
      id: 'p-anna',
      externalId: 'E1',
      username: 'a.bar',
      givenName: 'Anna',
      familyName: 'Bär',
      title: null,
      email: null,
      factionId: 'grn',
      office: null,
      roles: ['member'],
      votingRights: true,
      memberFrom: '2025-01-01',
      memberTo: null,
    },
    {
      id: 'p-carl',
      externalId: null,
      username: 'c.dorn',
      givenName: 'Carl',
      familyName: 'Dorn',
      title: 'Dr.',
      email: null,
      factionId: null,
      office: null,
      roles: ['member'],
      votingRights: true,
      memberFrom: null,
      memberTo: null,
    },
    {
      id: 'p-it',
      externalId: null,
      username: 'it.admin',
      givenName: 'IT',
      familyName: 'Admin',
      title: null,
      email: null,
      factionId: null,
      office: null,
      roles: ['it_admin'],
      votingRights: false,
      memberFrom: null,
      memberTo: null,
    },
  ],
};
const today = '2026-12-06';
const fileOf = (format: 'csv' | 'json', content: string) => {
  const r = readRosterFile(format, content);
  if ('issues' in r) throw new Error(JSON.stringify(r.issues));
  return r.file;
};
const h = 'type,external_id,short_name,name,colour,seats,username,given_name,family_name,faction,roles,voting_rights\n';

describe('the difference an import makes', () => {
  it('is empty for the roster’s own export, in both formats', () => {
    for (const format of ['csv', 'json'] as const) {
      const r = diffRoster(fileOf(format, writeRoster(format, stored)), stored, { wholeRoster: true, today });
      expect('diff' in r && emptyDiff(r.diff)).toBe(true);
    }
  });

  it('adds, changes field by field, and matches rows without an external id by their own id or username', () => {
    const r = diffRoster(
      fileOf(
        'csv',
        h +
          'faction,F9,NEU,Neue,#123456,1,,,,,,\nperson,E1,,,,,a.bar,Anna,Bär-Ost,NEU,member,yes\nperson,X7,,,,,c.dorn,Carl,Dorn,,member,yes\nperson,N1,,,,,n.eu,Nina,Eu,GRN,member,yes',
      ),
      stored,
      { wholeRoster: false, today },
    );
    if (!('diff' in r)) throw new Error(JSON.stringify(r.issues));
    expect(r.diff.factions.added.map((f) => f.label)).toEqual(['NEU']);
    expect(r.diff.people.changed.filter((c) => c.id === 'p-anna').map((c) => [c.id, c.fields])).toEqual([
      [
        'p-anna',
        [
          { field: 'familyName', before: 'Bär', after: 'Bär-Ost' },
          { field: 'faction', before: 'GRN', after: 'NEU' },
        ],
      ],
    ]);
    // Carl had no external id: found by username, and given the file's; the title column is absent, so his title stays.
    expect(r.diff.people.changed.find((c) => c.id === 'p-carl')?.fields).toEqual([{ field: 'externalId', before: 'p-carl', after: 'X7' }]);
    expect(r.diff.people.added.map((a) => [a.label, a.after.faction])).toEqual([['Nina Eu', { id: 'grn' }]]);
    expect(r.diff.people.added[0]?.after.faction).toEqual({ id: 'grn' });
    expect(r.diff.people.ended).toEqual([]);
  });

  it('ends the members a whole roster leaves out, never staff', () => {
    const r = diffRoster(fileOf('csv', h + 'person,E1,,,,,a.bar,Anna,Bär,GRN,member,yes'), stored, { wholeRoster: true, today });
    if (!('diff' in r)) throw new Error('issues');
    expect(r.diff.people.ended.map((e) => [e.id, e.fields])).toEqual([
      [
        'p-carl',
        [
          { field: 'votingRights', before: 'true', after: 'false' },
          { field: 'memberTo', before: null, after: today },
        ],
      ],
    ]);
  });

  it('names the row and column of duplicate ids, a taken username and a faction that does not exist', () => {
    const r = diffRoster(
      fileOf(
        'csv',
        h +
          'person,A1,,,,,x.one,X,One,,member,no\nperson,A1,,,,,x.two,X,Two,,member,no\nperson,A2,,,,,a.bar,Y,Bar,,member,no\nperson,A3,,,,,z.z,Z,Z,NOPE,member,no',
      ),
      stored,
      { wholeRoster: false, today },
    );
    expect('issues' in r && r.issues).toEqual([
      { path: ['line 3', 'external_id'], message: 'the external id A1 appears twice' },
      { path: ['line 4', 'username'], message: 'a.bar belongs to another person (external id E1)' },
      { path: ['line 5', 'faction'], message: 'there is no faction NOPE' },
    ]);
  });
});

describe('an import in parts for the admin log', () => {
  const planned = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ externalId: `${tag}${i}` }));
  it('cuts the changes in order into parts of at most the size, losing none', () => {
    const d = {
      factions: { added: planned(3, 'fa'), changed: planned(1, 'fc') },
      people: { added: planned(250, 'pa'), changed: planned(0, 'pc'), ended: planned(7, 'pe') },
    };
    const parts = diffParts(d, 100);
    expect(parts.map((p) => [p.part, p.of])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const ids = parts.flatMap((p) =>
      [...p.factions.added, ...p.factions.changed, ...p.people.added, ...p.people.changed, ...p.people.ended].map((e) => e.externalId),
    );
    expect(ids).toEqual([...d.factions.added, ...d.factions.changed, ...d.people.added, ...d.people.ended].map((e) => e.externalId));
    expect(parts.map((p) => p.factions.added.length + p.factions.changed.length + p.people.added.length + p.people.ended.length)).toEqual([100, 100, 61]);
  });
  it('is one empty part for no change', () => {
    const none = { factions: { added: [] as string[], changed: [] }, people: { added: [] as string[], changed: [], ended: [] } };
    expect(diffParts(none)).toEqual([{ part: 1, of: 1, ...none }]);
  });
});
