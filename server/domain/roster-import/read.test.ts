import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv, writeCsv } from './csv';
import { readRosterFile } from './read';
import { importLimits } from './model';

const header = 'type,external_id,short_name,name,colour,seats,username,given_name,family_name,faction,roles,voting_rights';
const csv = (...rows: string[]) => [header, ...rows].join('\n');
const issuesOf = (r: ReturnType<typeof readRosterFile>) => ('issues' in r ? r.issues.map((i) => `${i.path.join(' / ')}: ${i.message}`) : []);

describe('CSV cells', () => {
  it('reads quotes, doubled quotes, separators and line breaks inside quotes, CRLF and a BOM', () => {
    const r = parseCsv('\ufeffa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n1,2,3', 10);
    expect(r).toEqual({
      table: {
        separator: ',',
        header: ['a', 'b', 'c'],
        rows: [
          { line: 2, cells: ['x, y', 'say "hi"', 'two\nlines'] },
          { line: 5, cells: ['1', '2', '3'] },
        ],
      },
    });
  });

  it('detects the German Excel separator from the header', () => {
    expect(detectSeparator('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectSeparator('"a;b",c\n')).toBe(',');
    const r = parseCsv('name;seats\n"Müller; Anna";1,5\n', 10);
    expect('table' in r && r.table.rows[0]?.cells).toEqual(['Müller; Anna', '1,5']);
  });

  it('names the line of an unclosed quote, a stray quote and a short row', () => {
    expect(parseCsv('a,b\n1,2\n"3,4\n5,6', 10)).toEqual({ issues: [{ path: ['line 3'], message: expect.stringMatching(/never closed/) }] });
    expect(parseCsv('a,b\n1,x"y', 10)).toEqual({ issues: [{ path: ['line 2'], message: expect.stringMatching(/inside an unquoted cell/) }] });
    expect(parseCsv('a,b\n"1"x,2', 10)).toEqual({ issues: [{ path: ['line 2'], message: expect.stringMatching(/after a closing quote/) }] });
    expect(parseCsv('a,b\n1,2\n3', 10)).toEqual({ issues: [{ path: ['line 3'], message: '1 cells where the header has 2' }] });
  });

  it('writes what it reads', () => {
    const rows = [
      ['a', 'b'],
      ['x, "y"', ' padded'],
      ['semi;colon', 'line\nbreak'],
    ];
    const r = parseCsv(writeCsv(rows), 10);
    expect('table' in r && [r.table.header, ...r.table.rows.map((x) => x.cells)]).toEqual(rows);
  });
});

describe('reading a roster file', () => {
  it('reads factions and people from CSV, roles in one cell', () => {
    const r = readRosterFile(
      'csv',
      csv('faction,f1,GRN,Die Grünen,#1a2b3c,9,,,,,,', 'person,p1,,,,,a.b,Anna,Bär,GRN,member|chair,ja', 'person,p2,,,,,c.d,Carl,Dorn,,"clerk, it_admin",no'),
    );
    expect(r).toEqual({
      file: {
        factions: [{ place: { format: 'csv', line: 2 }, externalId: 'f1', shortName: 'GRN', name: 'Die Grünen', colour: '#1a2b3c', seats: 9 }],
        people: [
          expect.objectContaining({ externalId: 'p1', username: 'a.b', faction: 'GRN', roles: ['member', 'chair'], votingRights: true }),
          expect.objectContaining({ externalId: 'p2', faction: null, roles: ['clerk', 'it_admin'], votingRights: false }),
        ],
      },
    });
    // Columns not in the file are not touched: undefined, not null.
    expect('file' in r && r.file.people[0]?.title).toBeUndefined();
  });

  it('names the line and header of every wrong cell, and reads nothing then', () => {
    const r = readRosterFile(
      'csv',
      csv(
        'faction,f1,GRN,Grüne,green,-1,,,,,,',
        'person,p1,,,,,A.B,Anna,Bär,GRN,member,ja',
        'person,p2,,,,,c.d,Carl,Dorn,,senator,no',
        'person,p3,,,,,e.f,Eva\u0007,Fink,,member,yes',
        'person,p4,,,,,g.h,Gil,Hahn,,clerk,true',
        'robot,p5,,,,,,,,,,',
      ),
    );
    expect(issuesOf(r)).toEqual([
      'line 2 / colour: must be a hex colour like #1a2b3c',
      'line 2 / seats: must be a whole number',
      'line 3 / username: lowercase letters, digits, dot, dash or underscore; 2–64 characters',
      'line 4 / roles: "senator" is not a role; roles are chair, moderator, member, podium_guest, interpreter, clerk, it_admin',
      'line 5 / given_name: must not contain control characters (U+0007 at 3)',
      'line 6 / voting_rights: only members of parliament hold a voting right; give the member role too',
      'line 7 / type: must be faction or person',
    ]);
  });

  it('refuses an unknown or doubled header and a missing required column', () => {
    expect(issuesOf(readRosterFile('csv', 'external_id,username,nickname\n1,a.b,x'))).toEqual([
      'line 1 / nickname: is not a column; columns are ' +
        'type, external_id, short_name, name, colour, seats, username, given_name, family_name, title, email, faction, office, roles, voting_rights, member_from, member_to',
    ]);
    expect(issuesOf(readRosterFile('csv', 'external_id,external_id\n1,2'))).toEqual(['line 1 / external_id: appears twice']);
    expect(issuesOf(readRosterFile('csv', 'external_id,username,given_name,family_name,roles\n1,a.b,A,B,member'))).toEqual([
      'line 2 / voting_rights: is missing',
    ]);
  });

  it('reads dates and refuses impossible ones and an end before the start', () => {
    const h = 'external_id,username,given_name,family_name,roles,voting_rights,member_from,member_to\n';
    expect(issuesOf(readRosterFile('csv', h + '1,a.b,A,B,member,1,2025-02-30,\n2,c.d,C,D,member,1,2025-03-01,2025-02-01'))).toEqual([
      'line 2 / member_from: must be a date written YYYY-MM-DD',
      'line 3 / member_to: must not be before member_from',
    ]);
  });

  it('reads JSON and names list, index and key', () => {
    const ok = readRosterFile(
      'json',
      JSON.stringify({ people: [{ externalId: 'x', username: 'a.b', givenName: 'A', familyName: 'B', roles: ['member'], votingRights: true, title: null }] }),
    );
    expect('file' in ok && ok.file.people[0]).toMatchObject({ externalId: 'x', title: null, place: { format: 'json', list: 'people', index: 0 } });
    expect(
      issuesOf(
        readRosterFile(
          'json',
          JSON.stringify({ factions: [{ externalId: 'f', shortName: 'X', name: 'X', colour: '#000000', seats: 'many' }], people: [{}, 3] }),
        ),
      ),
    ).toEqual([
      'factions / 0 / seats: must be a whole number',
      'people / 0 / externalId: is missing',
      'people / 0 / username: is missing',
      'people / 0 / givenName: is missing',
      'people / 0 / familyName: is missing',
      'people / 0 / roles: is missing',
      'people / 0 / votingRights: is missing',
      'people / 1: must be an object',
    ]);
    expect(issuesOf(readRosterFile('json', '{"people": ['))[0]).toMatch(/^: not JSON/);
    expect(issuesOf(readRosterFile('json', '[]'))).toEqual([': must be an object with the lists "factions" and "people"']);
    expect(
      issuesOf(
        readRosterFile(
          'json',
          '{"people":[{"externalId":"x","username":"a.b","givenName":"A","familyName":"B","roles":["member"],"votingRights":false,"age":3}]}',
        ),
      ),
    ).toEqual(['people / 0 / age: is not a field of this list']);
  });

  it('bounds the file: characters and rows', () => {
    expect(issuesOf(readRosterFile('csv', 'x'.repeat(importLimits.maxChars + 1)))).toEqual([': the file has more than 5000000 characters; split it']);
    const rows = Array.from({ length: importLimits.maxRows + 1 }, (_, i) => `${i},u${i},A,B,clerk,no`);
    expect(issuesOf(readRosterFile('csv', 'external_id,username,given_name,family_name,roles,voting_rights\n' + rows.join('\n')))).toEqual([
      `line ${importLimits.maxRows + 2}: more than ${importLimits.maxRows} rows; split the file`,
    ]);
    const people = Array.from({ length: importLimits.maxRows + 1 }, () => ({}));
    expect(issuesOf(readRosterFile('json', JSON.stringify({ people })))).toEqual([`people: more than ${importLimits.maxRows} rows; split the file`]);
  });

  it('stops at the issue limit on a file wrong in every row', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},BAD,A,B,clerk,no`);
    const r = readRosterFile('csv', 'external_id,username,given_name,family_name,roles,voting_rights\n' + rows.join('\n'));
    expect(issuesOf(r)).toHaveLength(importLimits.maxIssues);
  });
});
