/**
 * The clerk's desk and the protocol at the API: a clerk notes applause and corrects it by seq and
 * hash; the chair approves the closed sitting's protocol as read. Every text field (the note, the
 * correction) is refused with control characters, lone surrogates, a megabyte and one character over
 * its limit; a note's moment in the future, too far back or not an instant is refused; wrong roles are refused (a member notes nothing, a moderator approves nothing); a wrong
 * hash or a stale head is refused; a flood of notes leaves every acknowledged note in the record
 * exactly once and does not keep a member waiting. Nothing refused changes the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { preferredTestDatabaseKind } from '../../test/support/database';
import { fetchAccessToken } from '../../test/support/oidc-login';
import { loadRecord } from '../db/record';

const S = 'sitting-42';
type Who = 'chair' | 'moderator' | 'member' | 'clerk';
type Answer = { __typename: string; issues?: { path: string[] }[]; code?: string; rule?: string; message?: string };
const answer = '{ __typename ... on InputError { issues { path message } } ... on RuleViolation { rule } ... on Error { code message } }';

const hostile: Record<string, string> = {
  NUL: 'before \u0000 after',
  BEL: 'ring \u0007 ring',
  ESC: '\u001b[2J\u001b[31mred',
  NEL: 'next \u0085 line',
  'lone high surrogate': 'half \ud800 a pair',
  'a megabyte': 'x'.repeat(1 << 20),
  'one over the limit': 'y'.repeat(501),
};

describe('the clerk’s desk and the protocol at the API', () => {
  let t: TestApp;
  const headers = {} as Record<Who, Record<string, string>>;
  const db = () => t.app.database.db;

  beforeAll(async () => {
    t = await startTestApp({ database: preferredTestDatabaseKind() });
    const bearer = async (u: string) => ({ authorization: `Bearer ${await fetchAccessToken(t.baseUrl, u)}` });
    headers.chair = await bearer('a.keller');
    headers.moderator = await bearer('moderator');
    headers.member = await bearer('j.brandt');
    headers.clerk = await bearer('clerk');
    expect((await send('chair', `mutation { r: openSitting(sittingId: "${S}") ${answer} }`)).__typename).toMatch(/Success$/);
  }, 300_000);
  afterAll(() => t?.stop());

  async function send(who: Who, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const res = await gql<{ r: Answer }>(t.baseUrl, query, variables, headers[who]);
    if (!res.body.data?.r) return { __typename: res.status === 413 ? 'TooLarge' : 'Error', code: res.body.errors?.[0]?.extensions?.['code'] as string };
    return res.body.data.r;
  }
  const note = (who: Who, text: string) =>
    send(who, `mutation($v: String!) { r: noteMinutes(sittingId: "${S}", kind: APPLAUSE, text: $v) ${answer} }`, { v: text });
  const correct = (who: Who, seq: number, hash: string, text: string) =>
    send(who, `mutation($v: String!, $h: String!) { r: correctProtocol(sittingId: "${S}", seq: ${seq}, hash: $h, text: $v) ${answer} }`, { v: text, h: hash });
  const head = async () => {
    const r = await loadRecord(db(), S);
    return { entries: r.length, hash: r.at(-1)!.hash };
  };

  it('a clerk notes applause; hostile text in the note and the correction is refused, naming the field, and changes nothing', async () => {
    expect((await note('clerk', 'Beifall bei der SDA')).__typename).toBe('MutationNoteMinutesSuccess');
    const noted = (await loadRecord(db(), S)).at(-1)!;
    expect(noted.event).toMatchObject({ kind: 'minutes.noted', noteKind: 'applause', text: 'Beifall bei der SDA' });
    const before = await head();
    for (const [what, v] of Object.entries(hostile)) {
      for (const r of [await note('clerk', v), await correct('clerk', noted.seq, noted.hash, v)]) {
        // A request body limit in front of GraphQL may refuse the megabyte first: refused all the same.
        if (what === 'a megabyte' && (r.__typename === 'TooLarge' || r.code === 'REQUEST_TOO_LARGE')) continue;
        expect(r.__typename, `${what}: ${JSON.stringify(r).slice(0, 200)}`).toBe('InputError');
        expect(r.issues?.map((i) => i.path.join('.'))).toContain('text');
      }
    }
    expect(await head()).toEqual(before);
  });

  it('refuses the wrong roles, a wrong hash and an entry without text', async () => {
    const noted = (await loadRecord(db(), S)).find((e) => e.event.kind === 'minutes.noted')!;
    const before = await head();
    expect((await note('member', 'Beifall')).code).toBe('FORBIDDEN');
    expect((await correct('member', noted.seq, noted.hash, 'x')).code).toBe('FORBIDDEN');
    expect(await send('moderator', `mutation { r: approveProtocol(sittingId: "${S}", seq: 1, head: "${'0'.repeat(64)}") ${answer} }`)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await send('clerk', `mutation { r: takeChair(sittingId: "${S}") ${answer} }`)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await correct('clerk', noted.seq, 'f'.repeat(64), 'Beifall bei der CVP')).toMatchObject({ rule: 'protocol.hash_mismatch' });
    expect(await correct('clerk', 1, (await loadRecord(db(), S))[0]!.hash, 'x')).toMatchObject({ rule: 'protocol.not_correctable' });
    expect((await correct('clerk', noted.seq, 'not a hash', 'x')).__typename).toBe('InputError');
    // A note's moment: not in the future, not more than 30 minutes back, an instant with its offset.
    const at = (moment: string) =>
      send('clerk', `mutation($m: DateTime) { r: noteMinutes(sittingId: "${S}", kind: CALL, text: "Zurufe", moment: $m) ${answer} }`, { m: moment });
    expect(await at(new Date(Date.now() + 3_600_000).toISOString())).toMatchObject({ rule: 'minutes.moment_out_of_range' });
    expect(await at(new Date(Date.now() - 3_600_000).toISOString())).toMatchObject({ rule: 'minutes.moment_out_of_range' });
    expect((await at('yesterday')).__typename).toBe('Error');
    expect(await head()).toEqual(before);
  });

  it('a flood of notes: each acknowledged note is in the record exactly once, and a member is not kept waiting', async () => {
    const before = await head();
    const flood = Array.from({ length: 100 }, (_, i) => (i % 4 === 3 ? note('clerk', `bad \u0000 ${i}`) : note('clerk', `Heiterkeit ${i}`)));
    const started = Date.now();
    const member = await send('member', `mutation { r: joinSitting(sittingId: "${S}") ${answer} }`);
    const waited = Date.now() - started;
    const answers = await Promise.all(flood);
    expect(member.__typename).toBe('MutationJoinSittingSuccess');
    expect(waited).toBeLessThan(15_000);
    const acknowledged = answers.filter((a) => a.__typename === 'MutationNoteMinutesSuccess').length;
    expect(acknowledged).toBe(75);
    const added = (await loadRecord(db(), S)).slice(before.entries);
    const texts = added.flatMap((e) => (e.event.kind === 'minutes.noted' ? [e.event.text] : []));
    expect(texts).toHaveLength(75);
    expect(new Set(texts).size).toBe(75);
  });

  it('the chair approves the closed sitting’s protocol as read; a correction after it lapses the approval', async () => {
    const noted = (await loadRecord(db(), S)).find((e) => e.event.kind === 'minutes.noted')!;
    const approve = async (seq: number, h: string) =>
      send(
        'chair',
        `mutation { r: approveProtocol(sittingId: "${S}", seq: ${seq}, head: "${h}") { __typename ... on RuleViolation { rule } ... on MutationApproveProtocolSuccess { data { protocolApproval { seq head by { name } } } } } }`,
      );
    let h = await head();
    expect(await approve(h.entries, h.hash)).toMatchObject({ rule: 'protocol.sitting_not_closed' });
    expect((await send('chair', `mutation { r: closeSitting(sittingId: "${S}") ${answer} }`)).__typename).toMatch(/Success$/);
    h = await head();
    expect(await approve(h.entries - 1, (await loadRecord(db(), S)).at(-2)!.hash)).toMatchObject({ rule: 'protocol.record_moved_on' });
    expect(await approve(h.entries, 'e'.repeat(64))).toMatchObject({ rule: 'protocol.hash_mismatch' });
    expect(await approve(h.entries, h.hash)).toMatchObject({ data: { protocolApproval: { seq: h.entries, head: h.hash, by: { name: 'Anna Keller' } } } });
    expect((await correct('clerk', noted.seq, noted.hash, 'Beifall bei der SDA und der CVP')).__typename).toBe('MutationCorrectProtocolSuccess');
    const procedure = await gql<{ sitting: { procedure: { protocolApproval: unknown } } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { procedure { protocolApproval { seq } } } }`,
      {},
      headers.chair,
    );
    expect(procedure.body.data?.sitting.procedure.protocolApproval).toBeNull();
    const protocol = (await (await fetch(`${t.baseUrl}/api/sittings/${S}/protocol.json`, { headers: headers.chair })).json()) as {
      corrections: { previous: string; text: string }[];
      lapsedApprovals: unknown[];
      presidency: { person: { name: string } }[];
    };
    expect(protocol.corrections).toMatchObject([{ previous: 'Beifall bei der SDA', text: 'Beifall bei der SDA und der CVP' }]);
    expect(protocol.lapsedApprovals).toHaveLength(1);
    expect(protocol.presidency.map((p) => p.person.name)).toEqual(['Anna Keller']);
  });
});
