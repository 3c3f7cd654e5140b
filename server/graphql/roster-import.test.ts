/**
 * The roster import at the API, hostile: the wrong role, control characters, malformed CSV and JSON,
 * a faction that does not exist, duplicate external ids, an oversize file. Each is refused with a
 * typed error naming row and column where there is one, and the roster is the same afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { fetchAccessToken } from '../../test/support/oidc-login';
import { listStoredFactions } from '../db/factions';
import { listStoredPeople } from '../db/people';

type Headers = Record<string, string>;
const header = 'type,external_id,short_name,name,colour,seats,username,given_name,family_name,faction,roles,voting_rights';
const diffFields =
  '{ fingerprint empty peopleAdded { count entries { externalId label fields { field before after } } } peopleChanged { count } peopleEnded { count } factionsAdded { count } }';
const answer = `{ __typename ... on InputError { issues { path message } } ... on RuleViolation { rule } ... on Error { code message } ... on QueryPreviewRosterImportSuccess { data ${diffFields} } }`;
const applyAnswer = `{ __typename ... on InputError { issues { path message } } ... on RuleViolation { rule } ... on Error { code message } ... on MutationApplyRosterImportSuccess { data ${diffFields} } }`;
const preview = `query($f: RosterFormat!, $c: String!, $w: Boolean!) { r: previewRosterImport(format: $f, content: $c, wholeRoster: $w) ${answer} }`;
const apply = `mutation($f: RosterFormat!, $c: String!, $w: Boolean!, $p: String) { r: applyRosterImport(format: $f, content: $c, wholeRoster: $w, fingerprint: $p) ${applyAnswer} }`;

interface Issue {
  path: string[];
  message: string;
}
interface Answer {
  r: { __typename: string; issues?: Issue[]; rule?: string; code?: string; data?: { fingerprint: string; empty: boolean; peopleAdded: { count: number } } };
}

describe.each(testDatabaseKinds())('roster import over GraphQL on %s', (kind) => {
  let t: TestApp;
  let admin: Headers;
  let member: Headers;
  const roster = async () => ({ factions: await listStoredFactions(t.app.database.db), people: await listStoredPeople(t.app.database.db) });
  const run = async (query: string, variables: Record<string, unknown>, who: Headers) => gql<Answer>(t.baseUrl, query, variables, who);

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    const bearer = async (u: string) => ({ authorization: `Bearer ${await fetchAccessToken(t.baseUrl, u)}` });
    admin = await bearer('it.admin');
    member = await bearer('j.brandt');
  });
  afterAll(() => t?.stop());

  it('previews and applies a CSV for parliament IT, with the preview’s fingerprint', async () => {
    const c = [header, 'person,N1,,,,,n.eu,Nina,Eu,GRN,clerk,nein'].join('\n');
    const p = await run(preview, { f: 'CSV', c, w: false }, admin);
    expect(p.body.data?.r.__typename).toBe('QueryPreviewRosterImportSuccess');
    expect(p.body.data?.r.data?.peopleAdded.count).toBe(1);
    const a = await run(apply, { f: 'CSV', c, w: false, p: p.body.data?.r.data?.fingerprint }, admin);
    expect(a.body.data?.r.__typename).toBe('MutationApplyRosterImportSuccess');
    // Again: nothing to do.
    expect((await run(preview, { f: 'CSV', c, w: false }, admin)).body.data?.r.data?.empty).toBe(true);
    // An old fingerprint: refused as stale.
    const stale = await run(apply, { f: 'CSV', c: c.replace('Nina', 'Nine'), w: false, p: p.body.data?.r.data?.fingerprint }, admin);
    expect(stale.body.data?.r).toEqual({ __typename: 'RuleViolation', rule: 'roster.import_stale', code: 'RULE_VIOLATION', message: expect.any(String) });
  });

  it('exports to parliament IT only', async () => {
    const e = await gql<{ exportRoster: string }>(t.baseUrl, '{ exportRoster(format: JSON) }', {}, admin);
    expect(JSON.parse(e.body.data!.exportRoster)).toMatchObject({ factions: expect.any(Array), people: expect.any(Array) });
    const refused = await gql(t.baseUrl, '{ exportRoster(format: CSV) }', {}, member);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a member, for preview and apply, changing nothing', async () => {
    const before = await roster();
    const c = [header, 'person,N2,,,,,m.x,M,X,,clerk,no'].join('\n');
    expect((await run(preview, { f: 'CSV', c, w: false }, member)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await run(apply, { f: 'CSV', c, w: true }, member)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await roster()).toEqual(before);
  });

  const hostileFiles: [string, 'CSV' | 'JSON', string, Issue[]][] = [
    [
      'a control character',
      'CSV',
      [header, 'person,H1,,,,,h.x,H\u001b[2J,X,,clerk,no'].join('\n'),
      [{ path: ['line 2', 'given_name'], message: 'must not contain control characters (U+001B at 1)' }],
    ],
    [
      'a wrong role',
      'CSV',
      [header, 'person,H1,,,,,h.x,H,X,,king,no'].join('\n'),
      [{ path: ['line 2', 'roles'], message: expect.stringMatching(/"king" is not a role/) }],
    ],
    [
      'an unclosed quote',
      'CSV',
      [header, 'person,H1,,,,,h.x,"H,X,,clerk,no'].join('\n'),
      [{ path: ['line 2'], message: expect.stringMatching(/never closed/) }],
    ],
    [
      'a faction that does not exist',
      'CSV',
      [header, 'person,H1,,,,,h.x,H,X,XYZ,clerk,no'].join('\n'),
      [{ path: ['line 2', 'faction'], message: 'there is no faction XYZ' }],
    ],
    [
      'duplicate external ids',
      'CSV',
      [header, 'person,H1,,,,,h.x,H,X,,clerk,no', 'person,H1,,,,,h.y,H,Y,,clerk,no'].join('\n'),
      [{ path: ['line 3', 'external_id'], message: 'the external id H1 appears twice' }],
    ],
    [
      'a JSON key of the wrong type',
      'JSON',
      JSON.stringify({ people: [{ externalId: 'J', username: 'j.x', givenName: 'J', familyName: 'X', roles: 'clerk', votingRights: 'maybe' }] }),
      [{ path: ['people', '0', 'votingRights'], message: expect.stringMatching(/true or false/) }],
    ],
    ['malformed JSON', 'JSON', '{"people": [', [{ path: [], message: expect.stringMatching(/^not JSON/) }]],
  ];
  it.each(hostileFiles)('refuses %s by row and column, in preview and apply, changing nothing', async (_name, f, c, issues) => {
    const before = await roster();
    const p = await run(preview, { f, c, w: false }, admin);
    expect(p.body.data?.r).toMatchObject({ __typename: 'InputError', issues });
    const a = await run(apply, { f, c, w: true }, admin);
    expect(a.body.data?.r).toMatchObject({ __typename: 'InputError' });
    expect(await roster()).toEqual(before);
  });

  it('refuses an oversize file before reading it', async () => {
    const before = await roster();
    const big = [header, ...Array.from({ length: 2000 }, (_, i) => `person,B${i},,,,,b.${i},B,X,,clerk,no`)].join('\n');
    const a = await run(apply, { f: 'CSV', c: big, w: false }, admin);
    // The request is over the API's body bound (server/http/graphql-limits.ts) or the mutations' text bound: refused either way.
    expect(a.status === 413 || a.status === 400 || a.body.data?.r.__typename === 'InputError').toBe(true);
    expect(await roster()).toEqual(before);
  });
});
