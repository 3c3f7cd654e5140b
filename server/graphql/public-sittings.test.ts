// The public front door's list: anyone reads it without signing in; it names no one of the roster
// and no ballot; its pages are bounded; hostile arguments get a typed refusal and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { loginSession } from '../../test/support/oidc-login';
import { byteRange } from '../http/hls-routes';

const S = 'sitting-42';
type Summary = { id: string; number: number; title: string; startsAt: string; phase: string; live: boolean; hasRecording: boolean; protocolUrl: string | null };
const LIST = `{ publicSittings { id number title startsAt phase live hasRecording protocolUrl } }`;

describe('publicSittings and the public protocol', () => {
  let t: TestApp;
  let chair: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    chair = { cookie: (await loginSession(t.baseUrl, 'a.keller')).cookie };
  });
  afterAll(() => t?.stop());

  it('lists the sittings to an anonymous visitor', async () => {
    const res = await gql<{ publicSittings: Summary[] }>(t.baseUrl, LIST);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.publicSittings).toEqual([
      {
        id: S,
        number: 42,
        title: '42nd plenary sitting',
        startsAt: expect.any(String),
        phase: 'SCHEDULED',
        live: false,
        hasRecording: false,
        protocolUrl: null,
      },
    ]);
  });

  it('shows nothing of the roster: its type has only the public fields', async () => {
    const res = await gql<{ __type: { fields: { name: string }[] } }>(t.baseUrl, `{ __type(name: "PublicSittingSummary") { fields { name } } }`);
    // Introspection may be off for anonymous requests; the schema itself is then the proof.
    const names = res.body.data?.__type?.fields.map((f) => f.name).sort();
    // A postponement and a cancellation (with its reason) are public notices.
    if (names) expect(names).toEqual(['cancelReason', 'hasRecording', 'id', 'live', 'number', 'phase', 'postponedFrom', 'protocolUrl', 'startsAt', 'title']);
    const { schema } = await import('./index');
    const type = schema.getType('PublicSittingSummary');
    expect(type && 'getFields' in type ? Object.keys(type.getFields()).sort() : []).toEqual([
      'cancelReason',
      'hasRecording',
      'id',
      'live',
      'number',
      'phase',
      'postponedFrom',
      'protocolUrl',
      'startsAt',
      'title',
    ]);
    // No way from the list to the signed-in sitting (agenda, people) or a ballot.
    const deeper = await gql(t.baseUrl, `{ publicSittings { id agenda { title } } }`);
    expect(deeper.status).toBe(400);
  });

  it('bounds its pages', async () => {
    const none = await gql<{ publicSittings: Summary[] }>(t.baseUrl, `{ publicSittings(first: 0) { id } }`);
    expect(none.body.data!.publicSittings).toEqual([]);
    const past = await gql<{ publicSittings: Summary[] }>(t.baseUrl, `{ publicSittings(offset: 5) { id } }`);
    expect(past.body.data!.publicSittings).toEqual([]);
    for (const args of ['first: 501', 'first: -1', 'offset: -1']) {
      const res = await gql(t.baseUrl, `{ publicSittings(${args}) { id } }`);
      expect(res.status, args).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code, args).toBe('PAGE_TOO_LARGE');
    }
  });

  it('refuses hostile arguments with a typed error', async () => {
    for (const q of [`{ publicSittings(first: "ten") { id } }`, `{ publicSittings(first: 99999999999) { id } }`, `{ publicSittings(nope: 1) { id } }`]) {
      const res = await gql(t.baseUrl, q);
      expect(res.status, q).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code, q).toBeTruthy();
    }
    for (const l of ['x'.repeat(10_000), 'EN\u0000', 'en']) {
      const res = await gql(t.baseUrl, `query($l: ProtocolLanguage) { publicSittings { protocolUrl(lang: $l) } }`, { l });
      expect(res.status).toBe(400);
    }
  });

  it('shows a suspension with its reason, and offers the protocol only once the sitting is closed', async () => {
    const pdf = () => fetch(`${t.baseUrl}/api/public/sittings/${S}/protocol.pdf?lang=en`);
    expect((await pdf()).status).toBe(404);
    const run = async (m: string) => {
      const res = await gql<{ r: { __typename: string } }>(t.baseUrl, `mutation { r: ${m} { __typename } }`, {}, chair);
      expect(res.body.data?.r.__typename, m).toMatch(/Success$/);
    };
    await run(`openSitting(sittingId: "${S}")`);
    await run(`suspendSitting(sittingId: "${S}", reason: "Ältestenrat", breakMinutes: 15)`);
    const q = `{ publicSitting(id: "${S}") { phase startsAt suspension { reason resumesAt } protocolUrl(lang: EN) recordingChapters { title } } }`;
    const suspended = await gql<{ publicSitting: { phase: string; suspension: { reason: string; resumesAt: string } | null; protocolUrl: string | null } }>(
      t.baseUrl,
      q,
    );
    expect(suspended.body.data!.publicSitting).toMatchObject({ phase: 'SUSPENDED', suspension: { reason: 'Ältestenrat' }, protocolUrl: null });
    expect(Date.parse(suspended.body.data!.publicSitting.suspension!.resumesAt)).toBeGreaterThan(Date.now() + 14 * 60_000);
    await run(`resumeSitting(sittingId: "${S}")`);
    await run(`closeSitting(sittingId: "${S}")`);
    const closed = await gql<{ publicSitting: { phase: string; suspension: null; protocolUrl: string; recordingChapters: unknown[] } }>(t.baseUrl, q);
    expect(closed.body.data!.publicSitting).toMatchObject({ phase: 'CLOSED', suspension: null, recordingChapters: [] });
    expect(closed.body.data!.publicSitting.protocolUrl).toBe(`/api/public/sittings/${S}/protocol.pdf?lang=en`);
    const list = await gql<{ publicSittings: Summary[] }>(t.baseUrl, LIST);
    expect(list.body.data!.publicSittings[0]).toMatchObject({ phase: 'CLOSED', protocolUrl: `/api/public/sittings/${S}/protocol.pdf?lang=de` });
    const res = await pdf();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
  });

  it('answers unknown or hostile sittings on the protocol route with a 404', async () => {
    for (const id of ['nope', '..%2F..%2Fetc', 'x'.repeat(300), '%00']) {
      const res = await fetch(`${t.baseUrl}/api/public/sittings/${id}/protocol.pdf`);
      expect(res.status, id).toBe(404);
    }
  });
});

describe('byteRange (seeking in a recording)', () => {
  it('reads one range and refuses what lies outside the file', () => {
    expect(byteRange('', 100)).toBeNull();
    expect(byteRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(byteRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(byteRange('bytes=90-200', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(byteRange('bytes=5-1', 100)).toBe('unsatisfiable');
    expect(byteRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(byteRange('items=0-1', 100)).toBeNull();
  });
});
