/**
 * Roster files larger than one GraphQL request (contract/roster-files.ts), hostile: the wrong role,
 * no sign-in, a cookie without the csrf header or as a form, oversize and malformed bodies, another
 * account's file id, a flood of uploads. A 1,500-row roster goes up once and is previewed and
 * applied by its id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterFilePath, type RosterFileUploaded } from '@contract/roster-files';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { fetchAccessToken, loginSession } from '../../test/support/oidc-login';
import { listStoredPeople } from '../db/people';
import { ROSTER_FILE_MAX_BYTES } from './roster-file-routes';
import { createRosterFiles, ROSTER_FILE_TTL_MS } from '../services/roster-files';

type Headers = Record<string, string>;
const header = 'type,external_id,short_name,name,colour,seats,username,given_name,family_name,faction,roles,voting_rights';
/** Staff rows: no seats, so any number fits the demo parliament. */
const staff = (n: number, tag = 'S') =>
  [header, ...Array.from({ length: n }, (_, i) => `person,${tag}${i},,,,,staff.${tag.toLowerCase()}${i},Vorname${i},Nachname${i},,clerk,nein`)].join('\n');
const answer = (success: string) =>
  `{ __typename ... on InputError { issues { path message } } ... on Error { message } ... on ${success} { data { fingerprint peopleAdded { count } } } }`;
const preview = `query($f: RosterFormat!, $id: String, $c: String, $w: Boolean!) { r: previewRosterImport(format: $f, fileId: $id, content: $c, wholeRoster: $w) ${answer('QueryPreviewRosterImportSuccess')} }`;
const apply = `mutation($f: RosterFormat!, $id: String, $w: Boolean!, $p: String) { r: applyRosterImport(format: $f, fileId: $id, wholeRoster: $w, fingerprint: $p) ${answer('MutationApplyRosterImportSuccess')} }`;
interface Answer {
  r: { __typename: string; issues?: { path: string[]; message: string }[]; message?: string; data?: { fingerprint: string; peopleAdded: { count: number } } };
}

describe('roster file uploads', () => {
  let t: TestApp;
  let admin: Headers;
  let adminCookie: Headers;
  let member: Headers;

  beforeAll(async () => {
    t = await startTestApp();
    admin = { authorization: `Bearer ${await fetchAccessToken(t.baseUrl, 'it.admin')}` };
    adminCookie = { cookie: (await loginSession(t.baseUrl, 'it.admin')).cookie };
    member = { authorization: `Bearer ${await fetchAccessToken(t.baseUrl, 'j.brandt')}` };
  });
  afterAll(() => t?.stop());

  const post = (body: string, headers: Headers, type = 'application/json') =>
    fetch(`${t.baseUrl}${rosterFilePath}`, { method: 'POST', headers: { 'content-type': type, ...headers }, body });
  const upload = async (content: string, headers: Headers = admin) => {
    const res = await post(JSON.stringify({ format: 'csv', content }), headers);
    expect(res.status).toBe(201);
    return (await res.json()) as RosterFileUploaded;
  };

  it('takes a 1,500-row roster once; preview and apply name it by id; the roster changes once', async () => {
    const content = staff(1500);
    expect(content.length).toBeGreaterThan(10_000 * 5);
    const file = await upload(content);
    expect(file).toMatchObject({ characters: content.length, keptSeconds: 1800 });
    const p = await gql<Answer>(t.baseUrl, preview, { f: 'CSV', id: file.fileId, w: false }, admin);
    expect(p.body.data?.r.data?.peopleAdded.count, JSON.stringify(p.body).slice(0, 600)).toBe(1500);
    const before = (await listStoredPeople(t.app.database.db)).length;
    const a = await gql<Answer>(t.baseUrl, apply, { f: 'CSV', id: file.fileId, w: false, p: p.body.data?.r.data?.fingerprint }, admin);
    expect(a.body.data?.r.__typename).toBe('MutationApplyRosterImportSuccess');
    expect((await listStoredPeople(t.app.database.db)).length).toBe(before + 1500);
  });

  it('refuses no sign-in, the wrong role, and a cookie without the csrf header or as a form', async () => {
    const body = JSON.stringify({ format: 'csv', content: staff(1) });
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, member)).status).toBe(403);
    expect((await post(body, adminCookie)).status).toBe(403);
    expect((await post(body, { ...adminCookie, 'x-plenum-csrf': '1' }, 'text/plain')).status).toBe(403);
    expect((await post(body, { ...adminCookie, 'x-plenum-csrf': '1' })).status).toBe(201);
  });

  it('refuses oversize, malformed and unknown bodies with a clear reason, keeping nothing', async () => {
    const kept = t.app.services.rosterFiles.size();
    const huge = await post('x'.repeat(ROSTER_FILE_MAX_BYTES + 1), admin);
    expect(huge.status).toBe(413);
    const notJson = await post('{"format":"csv",', admin);
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { errors?: { message: string }[]; message?: string }) ?? {}).toBeTruthy();
    expect((await post(JSON.stringify({ format: 'xlsx', content: 'a' }), admin)).status).toBe(400);
    expect((await post(JSON.stringify({ format: 'csv', content: 'a', extra: 1 }), admin)).status).toBe(400);
    expect((await post(JSON.stringify({ format: 'csv', content: 'x'.repeat(5_000_001) }), admin)).status).toBe(400);
    expect((await post(JSON.stringify({ format: 'csv', content: staff(1) }), admin, 'text/csv')).status).toBe(415);
    expect(t.app.services.rosterFiles.size()).toBe(kept);
  });

  it('refuses an unknown id, and content and fileId together', async () => {
    const file = await upload(staff(2));
    const unknown = await gql<Answer>(t.baseUrl, preview, { f: 'CSV', id: 'no-such-file', w: false }, admin);
    expect(unknown.body.data?.r).toMatchObject({ __typename: 'InputError', issues: [{ path: ['fileId'] }] });
    const both = await gql<Answer>(t.baseUrl, preview, { f: 'CSV', id: file.fileId, c: staff(1), w: false }, admin);
    expect(both.body.data?.r).toMatchObject({ __typename: 'InputError', issues: [{ path: ['content'] }] });
    const asJson = await gql<Answer>(t.baseUrl, preview, { f: 'JSON', id: file.fileId, w: false }, admin);
    expect(asJson.body.data?.r).toMatchObject({ __typename: 'InputError', issues: [{ path: ['format'] }] });
  });

  it('keeps a few files per account: a flood of uploads evicts the oldest and holds memory bounded', async () => {
    const first = await upload(staff(3));
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await upload(staff(50, 'F'))).fileId);
    const gone = await gql<Answer>(t.baseUrl, preview, { f: 'CSV', id: first.fileId, w: false }, admin);
    expect(gone.body.data?.r.__typename).toBe('InputError');
    const newest = await gql<Answer>(t.baseUrl, preview, { f: 'CSV', id: ids.at(-1), w: false }, admin);
    expect(newest.body.data?.r.data?.peopleAdded.count).toBe(50);
    expect(t.app.services.rosterFiles.size()).toBeLessThanOrEqual(3 * staff(50, 'F').length);
  });
});

describe('the files kept', () => {
  it('gives a file only to the account that uploaded it, and forgets it after half an hour', () => {
    let at = Date.parse('2026-12-06T10:00:00Z');
    const files = createRosterFiles(() => new Date(at));
    const id = files.put('issuer a', { format: 'csv', content: 'x' });
    expect(files.get('issuer b', id)).toBeUndefined();
    expect(files.get('issuer a', id)).toEqual({ format: 'csv', content: 'x' });
    at += ROSTER_FILE_TTL_MS + 1;
    expect(files.get('issuer a', id)).toBeUndefined();
    expect(files.size()).toBe(0);
  });
});
