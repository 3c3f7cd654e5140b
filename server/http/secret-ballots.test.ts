/**
 * Secret ballots end to end over HTTP, on the real database: members take blind-signed tokens
 * (issueBallotToken), cast without any session (POST /api/secret-ballots), the chair closes, and the
 * published list of token hashes recounts to the result. Hostile: every refusal of the route and the
 * mutation, a flood, and — with full access to the database — the attempt to join a ballot to a person.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretBallotPath } from '@contract/secret-ballots';
import { App } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../log';
import { freePort, gql } from '../../test/support/app';
import { createTestDatabase, preferredTestDatabaseKind } from '../../test/support/database';
import { loginSession } from '../../test/support/oidc-login';
import { blindToken, castSecretBallot, receiptOf } from '../../test/support/blind-ballot';
import { pool } from '../../test/support/procedure-client';
import { blindSign, generateVoteKey } from '../services/procedure/ballot-keys';

const S = 'sitting-42';
type Headers = Record<string, string>;
const members = ['j.brandt', 'l.vogel', 'f.hartmann', 'm.schuster'];

interface VoteRead {
  id: string;
  kind: string;
  status: string;
  eligibleToMe: boolean;
  myBallot: unknown;
  ballotsCast: number;
  secretBallot: { publicKey: string; tokensIssued: number; myTokenIssued: boolean } | null;
  result: { cast: number; eligible: number; counts: { optionId: string; count: number }[]; perFaction: unknown[] } | null;
  ballots: { optionId: string; tokenHash: string | null; pseudonym: string | null; person: unknown }[] | null;
}
const voteFields =
  'id kind status eligibleToMe myBallot { seq } ballotsCast secretBallot { publicKey tokensIssued myTokenIssued } result { cast eligible counts { optionId count } perFaction { counts { count } } } ballots { optionId tokenHash pseudonym person { id } }';

describe('secret ballots over HTTP', () => {
  let app: App;
  let baseUrl: string;
  const lines: string[] = [];
  const who = new Map<string, Headers>();
  let voteId = '';
  let publicKey = '';

  const as = (u: string) => who.get(u)!;
  async function mutate<T = Record<string, unknown>>(
    h: Headers,
    field: string,
    args: string,
    select: string,
  ): Promise<{ __typename: string; rule?: string; data?: T; issues?: unknown }> {
    const success = `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
    const q = `mutation { r: ${field}(${args}) { __typename ... on RuleViolation { rule } ... on InputError { issues { path message } } ... on ${success} { data { ${select} } } } }`;
    const res = await gql<{ r: { __typename: string; rule?: string; data?: T } }>(baseUrl, q, {}, h);
    if (res.body.errors) throw new Error(`${field}: ${JSON.stringify(res.body.errors)}`);
    return res.body.data!.r;
  }
  const issue = (u: string, blindedMessage: string, vote = voteId) =>
    mutate<{ blindSignature: string }>(
      as(u),
      'issueBallotToken',
      `voteId: ${JSON.stringify(vote)}, blindedMessage: ${JSON.stringify(blindedMessage)}`,
      'blindSignature',
    );
  async function readVote(u: string, id = voteId): Promise<VoteRead> {
    const res = await gql<{ sitting: { procedure: { votes: VoteRead[] } } }>(
      baseUrl,
      `{ sitting(id: "${S}") { procedure { votes { ${voteFields} } } } }`,
      {},
      as(u),
    );
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data!.sitting.procedure.votes.find((v) => v.id === id)!;
  }
  async function openSecretVote(title: string): Promise<string> {
    const prepared = await mutate<{ id: string }>(
      as('a.keller'),
      'prepareVote',
      `sittingId: "${S}", input: { title: ${JSON.stringify(title)}, kind: SECRET }`,
      'id',
    );
    const id = prepared.data!.id;
    const opened = await mutate<{ openVote: { kind: string } }>(as('a.keller'), 'openVote', `sittingId: "${S}", draftId: "${id}"`, 'openVote { kind }');
    expect(opened.data!.openVote.kind).toBe('SECRET');
    return id;
  }
  const tokens = new Map<string, { token: string; signature: string }>();
  async function takeToken(u: string): Promise<{ token: string; signature: string }> {
    const b = await blindToken(publicKey);
    const r = await issue(u, b.blindedMessage);
    expect(r.__typename).toBe('MutationIssueBallotTokenSuccess');
    const t = await b.finalize(r.data!.blindSignature);
    tokens.set(u, t);
    return t;
  }

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    const config = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      NODE_ENV: 'test',
      MEDIA_WORKERS: '0',
      LOG_LEVEL: 'debug',
      DATA_DIR: `/tmp/plenum-test-${port}`,
    });
    const database = await createTestDatabase(preferredTestDatabaseKind());
    // Every line the server logs, at debug: none may hold the client's address.
    app = await App.create(config, { log: createLogger('debug', { write: (line) => void lines.push(line) }), database });
    await app.start();
    for (const u of ['a.keller', ...members, 'n.frank', 'minister', 'interpreter.en1']) who.set(u, { cookie: (await loginSession(baseUrl, u)).cookie });
    await mutate(as('a.keller'), 'openSitting', `sittingId: "${S}"`, 'seq');
    for (const u of ['a.keller', ...members, 'minister', 'interpreter.en1']) await mutate(as(u), 'joinSitting', `sittingId: "${S}"`, 'seq');
  }, 60_000);
  afterAll(() => app?.stop());

  it('opens a secret vote without holding the event loop while its key is made; the record pins the public key', async () => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    voteId = await openSecretVote('Election of the ombudsperson: consent');
    delay.disable();
    expect(delay.max / 1e6).toBeLessThan(100);
    const v = await readVote('j.brandt');
    publicKey = v.secretBallot!.publicKey;
    expect(v).toMatchObject({ kind: 'SECRET', status: 'OPEN', eligibleToMe: true, myBallot: null, secretBallot: { tokensIssued: 0, myTokenIssued: false } });
    const opened = await app.database.db
      .selectFrom('record_entries')
      .select('payload')
      .where('sitting_id', '=', S)
      .where('kind', '=', 'vote.opened')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect((opened.payload as { definition: { publicKey: string } }).definition.publicKey).toBe(publicKey);
  });

  it('refuses malformed blinded messages as input errors, and a message not below the modulus', async () => {
    const bad = [
      '',
      'not base64!',
      'A'.repeat(341),
      'A'.repeat(343),
      'A'.repeat(5000),
      'A'.repeat(340) + '\u0007x',
      Buffer.alloc(256, 0xff).toString('base64url'),
    ];
    for (const m of bad) expect((await issue('m.schuster', m)).__typename, JSON.stringify(m.slice(0, 20))).toBe('InputError');
    expect((await issue('m.schuster', (await blindToken(publicKey)).blindedMessage, 'no-such-vote')).__typename).toBe('NotFoundError');
    // Nothing was stored for the refused messages: the member still takes their token.
    expect((await readVote('m.schuster')).secretBallot).toMatchObject({ myTokenIssued: false });
  });

  it('issues one token per eligible member: a retry gets the same signature, a second token is refused', async () => {
    const b = await blindToken(publicKey);
    const first = await issue('j.brandt', b.blindedMessage);
    const again = await issue('j.brandt', b.blindedMessage);
    expect(again).toEqual(first);
    tokens.set('j.brandt', await b.finalize(first.data!.blindSignature));
    expect(await issue('j.brandt', (await blindToken(publicKey)).blindedMessage)).toMatchObject({
      __typename: 'RuleViolation',
      rule: 'vote.token_already_issued',
    });
    for (const u of ['l.vogel', 'f.hartmann', 'm.schuster']) await takeToken(u);
    // Not eligible: a podium guest, an interpreter, a member who was not present when the vote opened.
    for (const u of ['minister', 'interpreter.en1', 'n.frank']) {
      expect(await issue(u, (await blindToken(publicKey)).blindedMessage)).toMatchObject({ __typename: 'RuleViolation', rule: 'vote.not_eligible' });
    }
    expect((await readVote('j.brandt')).secretBallot).toMatchObject({ tokensIssued: 4, myTokenIssued: true });
    expect((await readVote('n.frank')).secretBallot).toMatchObject({ tokensIssued: 4, myTokenIssued: false });
  });

  it('stores a ballot sent without a session (201), the same again is 200, another option with the same token is refused', async () => {
    const t = tokens.get('j.brandt')!;
    const first = await castSecretBallot(baseUrl, { voteId, ...t, optionId: 'yes' });
    expect(first).toEqual({ status: 201, body: { tokenHash: receiptOf(t.token) } });
    expect(await castSecretBallot(baseUrl, { voteId, ...t, optionId: 'yes' })).toEqual({ status: 200, body: { tokenHash: receiptOf(t.token) } });
    const spent = await castSecretBallot(baseUrl, { voteId, ...t, optionId: 'no' });
    expect(spent.status).toBe(409);
    expect(spent.body.errors![0]!.extensions!.code).toBe('vote.token_spent');
    for (const [u, option] of [
      ['l.vogel', 'no'],
      ['f.hartmann', 'yes'],
    ] as const) {
      expect((await castSecretBallot(baseUrl, { voteId, ...tokens.get(u)!, optionId: option })).status).toBe(201);
    }
    const v = await readVote('j.brandt');
    expect(v).toMatchObject({ ballotsCast: 3, myBallot: null, ballots: null });
  });

  it('hostile: session headers, foreign origin, wrong type, oversize, malformed, control characters, forged or foreign signatures, wrong vote', async () => {
    const t = tokens.get('m.schuster')!;
    const ok = { voteId, ...t, optionId: 'abstain' };
    const code = (r: { body: { errors?: { extensions?: { code?: string } }[] } }) => r.body.errors?.[0]?.extensions?.code;
    const cases: [string, Promise<{ status: number; body: { errors?: { extensions?: { code?: string } }[] } }>, number, string][] = [
      ['cookie', castSecretBallot(baseUrl, ok, as('m.schuster')), 400, 'ballot.must_be_anonymous'],
      ['any cookie', castSecretBallot(baseUrl, ok, { cookie: 'x=1' }), 400, 'ballot.must_be_anonymous'],
      ['bearer', castSecretBallot(baseUrl, ok, { authorization: 'Bearer abc' }), 400, 'ballot.must_be_anonymous'],
      ['foreign origin', castSecretBallot(baseUrl, ok, { origin: 'https://evil.example' }), 403, 'ballot.foreign_origin'],
      ['form post', castSecretBallot(baseUrl, JSON.stringify(ok), { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['oversize', castSecretBallot(baseUrl, { ...ok, pad: 'x'.repeat(5000) }), 413, 'REQUEST_TOO_LARGE'],
      ['not json', castSecretBallot(baseUrl, '{"voteId":'), 400, 'INVALID_INPUT'],
      ['extra field', castSecretBallot(baseUrl, { ...ok, personId: 'm.schuster' }), 400, 'INVALID_INPUT'],
      ['bad base64', castSecretBallot(baseUrl, { ...ok, token: t.token.slice(0, -2) + '+/' }), 400, 'INVALID_INPUT'],
      ['short token', castSecretBallot(baseUrl, { ...ok, token: t.token.slice(0, 43) }), 400, 'INVALID_INPUT'],
      ['control characters', castSecretBallot(baseUrl, { ...ok, optionId: 'yes\u0000' }), 400, 'INVALID_INPUT'],
      ['unknown option', castSecretBallot(baseUrl, { ...ok, optionId: 'maybe' }), 400, 'vote.unknown_option'],
      ['wrong vote', castSecretBallot(baseUrl, { ...ok, voteId: 'no-such-vote' }), 404, 'NOT_FOUND'],
      ['forged signature', castSecretBallot(baseUrl, { ...ok, signature: Buffer.alloc(256, 7).toString('base64url') }), 400, 'ballot.bad_signature'],
      ['another token', castSecretBallot(baseUrl, { ...ok, token: tokens.get('j.brandt')!.token }), 400, 'ballot.bad_signature'],
    ];
    for (const [name, answer, status, expected] of cases) {
      const r = await answer;
      expect({ name, status: r.status, code: code(r) }).toEqual({ name, status, code: expected });
    }
    // A token signed with another vote's key (the signature is genuine, for another vote): refused.
    const other = await generateVoteKey();
    const b = await blindToken(other.publicKey);
    const foreign = await b.finalize(blindSign(other.privateKey, Buffer.from(b.blindedMessage, 'base64url')).toString('base64url'));
    const r = await castSecretBallot(baseUrl, { voteId, ...foreign, optionId: 'yes' });
    expect({ status: r.status, code: code(r) }).toEqual({ status: 400, code: 'ballot.bad_signature' });
    expect((await readVote('j.brandt')).ballotsCast).toBe(3);
  });

  it('a flood of forged ballots from loopback is refused one by one and stores nothing; none holds the loop > 100 ms', async () => {
    const forged = (i: number) =>
      castSecretBallot(baseUrl, {
        voteId,
        token: Buffer.alloc(64, i % 250).toString('base64url'),
        signature: Buffer.alloc(256, i % 250).toString('base64url'),
        optionId: 'yes',
      });
    // 400 forged ballots, 32 in flight at a time.
    const answers = await pool(
      Array.from({ length: 400 }, (_, i) => i),
      32,
      forged,
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([400]));
    expect((await readVote('j.brandt')).ballotsCast).toBe(3);
    // One ballot's work on the loop: the least of a few tries (the machine is shared; another process may hold the CPU).
    let least = Infinity;
    for (let attempt = 0; attempt < 5 && least > 100; attempt++) {
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      await forged(attempt);
      delay.disable();
      least = Math.min(least, delay.max / 1e6);
    }
    expect(least).toBeLessThanOrEqual(100);
  });

  it('closes: the result counts the ballots stored, the list of token hashes recounts to it, taken-but-not-cast shows, names never', async () => {
    await mutate(as('a.keller'), 'closeVote', `sittingId: "${S}", voteId: "${voteId}"`, 'seq');
    const v = await readVote('a.keller');
    expect(v.result!.cast).toBe(3);
    expect(v.result!.perFaction).toEqual([]);
    expect(v.secretBallot!.tokensIssued).toBe(4); // m.schuster took a token and did not vote: issued, not cast
    expect(v.ballots!.every((b) => b.person === null && b.pseudonym === null)).toBe(true);
    const hashes = v.ballots!.map((b) => b.tokenHash);
    expect(hashes).toEqual([...hashes].sort());
    for (const u of ['j.brandt', 'l.vogel', 'f.hartmann']) expect(hashes).toContain(receiptOf(tokens.get(u)!.token));
    const recount = new Map<string, number>();
    for (const b of v.ballots!) recount.set(b.optionId, (recount.get(b.optionId) ?? 0) + 1);
    for (const c of v.result!.counts) expect(recount.get(c.optionId) ?? 0).toBe(c.count);
    // The signing key is gone with the close: nothing is signed afterwards.
    expect(await app.database.db.selectFrom('secret_vote_keys').selectAll().where('vote_id', '=', voteId).execute()).toEqual([]);
    expect(await issue('n.frank', (await blindToken(publicKey)).blindedMessage)).toMatchObject({ __typename: 'RuleViolation' });
    const late = await castSecretBallot(baseUrl, { voteId, ...tokens.get('m.schuster')!, optionId: 'yes' });
    expect({ status: late.status, code: late.body.errors?.[0]?.extensions?.code }).toEqual({ status: 409, code: 'vote.not_open' });
    // The database agrees: as many spent tokens as ballots in the record.
    const stored = await app.database.db.selectFrom('secret_ballots').selectAll().where('vote_id', '=', voteId).execute();
    expect(stored.map((s) => s.token_hash).sort()).toEqual(hashes);
  });

  it('a token of one vote cannot be spent in the next secret vote', async () => {
    const second = await openSecretVote('Second secret vote');
    const replay = await castSecretBallot(baseUrl, { voteId: second, ...tokens.get('j.brandt')!, optionId: 'yes' });
    expect({ status: replay.status, code: replay.body.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code: 'ballot.bad_signature' });
    await mutate(as('a.keller'), 'cancelVote', `sittingId: "${S}", voteId: "${second}", reason: "test"`, 'seq');
    expect(await app.database.db.selectFrom('secret_vote_keys').selectAll().where('vote_id', '=', second).execute()).toEqual([]);
  });

  it('with full access to the database, no column joins a secret ballot to a person; nothing orders the issue of tokens', async () => {
    const db = app.database.db;
    const columns = (
      await sql<{ table_name: string; column_name: string; data_type: string; column_default: string | null; is_identity: string }>`
        select c.table_name, c.column_name, c.data_type, c.column_default, c.is_identity
        from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position`.execute(db)
    ).rows;
    // The issue table: who took a token, and nothing that orders or dates it.
    const issued = columns.filter((c) => c.table_name === 'ballot_tokens_issued');
    expect(issued.map((c) => c.column_name)).toEqual(['vote_id', 'person_id', 'blinded_message', 'blind_signature']);
    for (const c of issued) {
      expect(c.data_type).toBe('text');
      expect(c.column_default).toBeNull();
      expect(c.is_identity).toBe('NO');
    }
    const ballotColumns = columns.filter((c) => c.table_name === 'secret_ballots');
    expect(ballotColumns.map((c) => c.column_name)).toEqual(['vote_id', 'token_hash', 'option_id']);
    // The attempt: every column of the secret ballots against every column of every other table, as text, equal or contained.
    const ballots = await db.selectFrom('secret_ballots').selectAll().where('vote_id', '=', voteId).execute();
    const issuedRows = await db.selectFrom('ballot_tokens_issued').selectAll().where('vote_id', '=', voteId).execute();
    expect(ballots.length).toBe(3);
    const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
    for (const target of columns.filter((c) => c.table_name !== 'secret_ballots')) {
      for (const source of ['token_hash', 'option_id', 'vote_id'] as const) {
        // Per ballot: which distinct rows of the other table it meets.
        const r = await sql<{ token_hash: string; n: string }>`
          select s.token_hash, count(*) as n from secret_ballots s join ${sql.raw(q(target.table_name))} d
          on ${source === 'token_hash' ? sql`position(s.token_hash in d.${sql.raw(q(target.column_name))}::text) > 0` : sql`s.${sql.raw(source)} = d.${sql.raw(q(target.column_name))}::text`}
          where s.vote_id = ${voteId} group by s.token_hash`.execute(db);
        if (r.rows.length === 0) continue;
        const where = `${source} → ${target.table_name}.${target.column_name}`;
        if (source === 'token_hash') {
          // Only the record holds a token hash: its ballot entry, which names nobody.
          expect(target.table_name, where).toBe('record_entries');
          const entries = await sql<{ actor_id: string | null; payload: string }>`
            select actor_id, payload::text as payload from record_entries where position(${ballots[0]!.token_hash} in payload::text) > 0`.execute(db);
          expect(entries.rows.length, where).toBe(1);
          expect(entries.rows[0]!.actor_id).toBeNull();
          for (const p of issuedRows) expect(entries.rows[0]!.payload).not.toContain(p.person_id);
        } else if (target.table_name === 'ballot_tokens_issued') {
          // vote and option ids meet every member who took a token alike: the join tells nobody apart.
          const counts = new Set(r.rows.map((x) => Number(x.n)));
          expect(counts.size, where).toBe(1);
          expect([...counts][0]! % issuedRows.length, where).toBe(0);
        }
      }
    }
    // Neither the blinded message nor the blind signature a member got appears with a ballot (record included).
    const record = (await sql<{ p: string }>`select payload::text as p from record_entries where sitting_id = ${S}`.execute(db)).rows
      .map((x) => x.p)
      .join('\n');
    for (const p of issuedRows) {
      expect(record).not.toContain(p.blinded_message.slice(0, 40));
      expect(record).not.toContain(p.blind_signature.slice(0, 40));
      for (const b of ballots) expect(b.token_hash).not.toBe(receiptOf(p.blinded_message));
    }
  });

  it('logs and metrics of the ballot route hold no client address, and a proxy’s request id is not taken over', async () => {
    lines.length = 0;
    await castSecretBallot(
      baseUrl,
      { voteId, token: 'AA', signature: 'AA', optionId: 'yes' },
      { 'x-request-id': 'proxy-line-4711', 'x-forwarded-for': '203.0.113.9' },
    );
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    const text = lines.join('\n') + metrics;
    for (const address of ['127.0.0.1', '::1', '203.0.113.9', 'proxy-line-4711']) expect(text).not.toContain(address);
    expect(lines.some((l) => l.includes(secretBallotPath))).toBe(true);
  });
});
