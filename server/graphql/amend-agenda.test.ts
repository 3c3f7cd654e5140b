/**
 * amendAgenda at the API, hostile: callers without the chair's team, ids that exist nowhere or in
 * another sitting, decisions that allow nothing (a rejected point, a failed vote), malformed and
 * oversize changes, control characters in the title and description, and a flood of refused
 * changes beside members going on with the sitting. Every refusal is typed and changes nothing:
 * the record's head and the agenda are the same before and after. Then the change the issue asks
 * for: "move item 3 before item 2" on an accepted point of order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { fetchAccessToken } from '../../test/support/oidc-login';
import { loadRecord } from '../db/record';
import { listAgendaItems } from '../db/agenda';
import { listPeople } from '../db/people';

const S = 'sitting-42';
type Headers = Record<string, string>;
type Who = 'chair' | 'moderator' | 'member' | 'other' | 'clerk' | 'admin';
const usernames: Record<Who, string> = {
  chair: 'a.keller',
  moderator: 'moderator',
  member: 'j.brandt',
  other: 'd.peters',
  clerk: 'clerk',
  admin: 'it.admin',
};

interface Answer {
  __typename: string;
  rule?: string;
  entity?: string;
  issues?: { path: string[]; message: string }[];
  message?: string;
}
const answer =
  '{ __typename ... on RuleViolation { rule } ... on NotFoundError { entity } ... on InputError { issues { path message } } ... on Error { message } }';
const mutation = `mutation($s: ID!, $c: AgendaChangeInput!, $a: AgendaAuthorityInput!) { r: amendAgenda(sittingId: $s, change: $c, authority: $a) ${answer} }`;

describe.each(testDatabaseKinds())('amendAgenda, hostile (%s)', (kind) => {
  let t: TestApp;
  const headers = {} as Record<Who, Headers>;
  let items: string[];
  let accepted: string;
  let rejected: string;
  let failedVote: string;
  let elsewhere: string;
  const db = () => t.app.database.db;

  const send = (who: Who | 'anonymous', change: Record<string, unknown>, authority: Record<string, unknown>, sittingId = S) =>
    gql<{ r: Answer }>(t.baseUrl, mutation, { s: sittingId, c: change, a: authority }, who === 'anonymous' ? {} : headers[who]);
  const call = async (who: Who, query: string, variables: Record<string, unknown> = {}) => {
    const r = await gql<{ r: Answer & { data?: unknown } }>(t.baseUrl, query, variables, headers[who]);
    expect(r.body.errors, query).toBeUndefined();
    return r.body.data!.r;
  };
  const move3 = () => ({ kind: 'MOVE', agendaItemId: items[2], position: 2 });
  const point = (id: string) => ({ kind: 'POINT_OF_ORDER', id });

  async function everything() {
    const record = await loadRecord(db(), S);
    return { head: record.at(-1)?.hash, entries: record.length, agenda: await listAgendaItems(db(), [S]) };
  }

  /** A point of order raised by `who` in `sittingId` and decided by the chair; its id. */
  async function decidedPoint(who: Who, text: string, decision: 'ACCEPTED' | 'REJECTED', sittingId = S): Promise<string> {
    await call(who, `mutation($s: ID!, $t: String!) { r: raisePointOfOrder(sittingId: $s, category: "agenda", text: $t) { __typename } }`, {
      s: sittingId,
      t: text,
    });
    const { state } = await t.app.services.procedure.snapshot(sittingId);
    const pointId = Object.values(state.points).find((p) => p.text === text)!.pointId;
    const r = await call('chair', `mutation($s: ID!, $p: ID!) { r: decidePointOfOrder(sittingId: $s, pointId: $p, decision: ${decision}) { __typename } }`, {
      s: sittingId,
      p: pointId,
    });
    expect(r.__typename).toMatch(/Success$/);
    return pointId;
  }

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    for (const who of Object.keys(usernames) as Who[]) headers[who] = { authorization: `Bearer ${await fetchAccessToken(t.baseUrl, usernames[who])}` };
    items = (await listAgendaItems(db(), [S])).map((i) => i.id);
    // A second sitting, open, with a point of order accepted there.
    const second = await t.app.services.sittings.create({ number: 43, title: '43rd sitting', startsAt: new Date('2026-12-04T08:00:00Z') });
    const start = (sittingId: string) => call('chair', `mutation($s: ID!) { r: openSitting(sittingId: $s) { __typename } }`, { s: sittingId });
    const join = (who: Who, sittingId: string) => call(who, `mutation($s: ID!) { r: joinSitting(sittingId: $s) { __typename } }`, { s: sittingId });
    await start(S);
    await start(second.id);
    for (const who of ['member', 'other', 'chair'] as const) await join(who, S);
    await join('member', second.id);
    elsewhere = await decidedPoint('member', 'Move item 3 before item 2 (of the 43rd sitting)', 'ACCEPTED', second.id);
    accepted = await decidedPoint('other', 'Move item 3 before item 2', 'ACCEPTED');
    rejected = await decidedPoint('member', 'Take item 5 off the agenda', 'REJECTED');
    // A vote that failed: prepared, opened, everyone present votes no.
    const people = new Map((await listPeople(db())).map((p) => [p.username, p]));
    const chair = { personId: people.get('a.keller')!.id, roles: people.get('a.keller')!.roles };
    const draft = await t.app.services.procedure.prepareVote(S, {
      agendaItemId: null,
      title: 'Sit until midnight',
      kind: 'named',
      options: [],
      abstention: true,
      majority: 'simple',
      live: false,
      durationSeconds: null,
      autoCloseWhenAllVoted: true,
      category: null,
    });
    await t.app.services.procedure.openVote(S, chair, draft.id);
    for (const who of ['member', 'other', 'chair'] as const) {
      const p = people.get(usernames[who])!;
      await t.app.services.procedure.castVote(S, { personId: p.id, roles: p.roles }, draft.id, 'no');
    }
    failedVote = draft.id;
    expect((await t.app.services.procedure.snapshot(S)).state.votes[failedVote]?.result?.passed).toBe(false);
  }, 300_000);
  afterAll(() => t?.stop());

  it('refuses callers outside the chair’s team at the authorisation check', async () => {
    const before = await everything();
    for (const who of ['anonymous', 'member', 'clerk', 'admin'] as const) {
      const r = await send(who, move3(), point(accepted));
      expect(
        r.body.errors?.map((e) => e.extensions?.code),
        who,
      ).toEqual([who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
    }
    expect(await everything()).toEqual(before);
  });

  it('refuses unknown ids, a point of order of another sitting and decisions that allow nothing, by name', async () => {
    const before = await everything();
    const cases: [string, Record<string, unknown>, Record<string, unknown>, Partial<Answer>, string?][] = [
      ['unknown sitting', move3(), point(accepted), { __typename: 'NotFoundError', entity: 'sitting' }, 'no-such-sitting'],
      ['unknown point', move3(), point('no-such-point'), { __typename: 'NotFoundError', entity: 'pointOfOrder' }],
      ['a point of another sitting', move3(), point(elsewhere), { __typename: 'NotFoundError', entity: 'pointOfOrder' }],
      ['unknown vote', move3(), { kind: 'VOTE', id: 'no-such-vote' }, { __typename: 'NotFoundError', entity: 'vote' }],
      ['unknown item', { kind: 'MOVE', agendaItemId: 'no-such-item', position: 1 }, point(accepted), { __typename: 'NotFoundError', entity: 'agendaItem' }],
      ['a rejected point', move3(), point(rejected), { __typename: 'RuleViolation', rule: 'agenda.point_not_accepted' }],
      ['a failed vote', move3(), { kind: 'VOTE', id: failedVote }, { __typename: 'RuleViolation', rule: 'agenda.vote_not_passed' }],
      ['a point id as a vote', move3(), { kind: 'VOTE', id: accepted }, { __typename: 'NotFoundError', entity: 'vote' }],
      ['past the end', { kind: 'MOVE', agendaItemId: items[2], position: items.length + 1 }, point(accepted), { rule: 'agenda.position_out_of_range' }],
    ];
    for (const [name, change, authority, expected, sittingId] of cases) {
      const r = await send('chair', change, authority, sittingId);
      expect(r.body.errors, name).toBeUndefined();
      expect(r.body.data?.r, name).toMatchObject(expected);
    }
    expect(await everything()).toEqual(before);
  });

  it('refuses malformed, oversize and control-character changes with an InputError naming the field', async () => {
    const before = await everything();
    const insert = (over: Record<string, unknown>) => ({ kind: 'INSERT', position: 1, title: 'Urgent motion', itemKind: 'DEBATE', ...over });
    const cases: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
      ['MOVE without a position', { kind: 'MOVE', agendaItemId: items[2] }, point(accepted), 'change.position'],
      ['MOVE without an item', { kind: 'MOVE', position: 1 }, point(accepted), 'change.agendaItemId'],
      ['INSERT without a title', { kind: 'INSERT', position: 1, itemKind: 'DEBATE' }, point(accepted), 'change.title'],
      ['INSERT without a kind', { kind: 'INSERT', position: 1, title: 'x' }, point(accepted), 'change.itemKind'],
      ['REMOVE without an item', { kind: 'REMOVE' }, point(accepted), 'change.agendaItemId'],
      ['RETITLE without a title', { kind: 'RETITLE', agendaItemId: items[2] }, point(accepted), 'change.title'],
      ['position 0', { kind: 'MOVE', agendaItemId: items[2], position: 0 }, point(accepted), 'change.position'],
      ['a huge position', { kind: 'MOVE', agendaItemId: items[2], position: 2 ** 31 - 1 }, point(accepted), 'change.position'],
      ['a blank title', insert({ title: '   ' }), point(accepted), 'change.title'],
      ['a title of 301 characters', insert({ title: 'x'.repeat(301) }), point(accepted), 'change.title'],
      ['a megabyte of title', insert({ title: 'x'.repeat(1 << 20) }), point(accepted), 'change.title'],
      ['NUL in the title', insert({ title: 'before \u0000 after' }), point(accepted), 'change.title'],
      ['ESC in the title', insert({ title: '\u001b[2J\u001b[31mred' }), point(accepted), 'change.title'],
      ['a lone surrogate in the title', insert({ title: 'half \ud800 a pair' }), point(accepted), 'change.title'],
      ['BEL in a retitle', { kind: 'RETITLE', agendaItemId: items[2], title: 'ring \u0007' }, point(accepted), 'change.title'],
      ['a description of 5001 characters', insert({ description: 'd'.repeat(5001) }), point(accepted), 'change.description'],
      ['NEL in the description', insert({ description: 'next \u0085 line' }), point(accepted), 'change.description'],
      ['an item id of 129 characters', { kind: 'REMOVE', agendaItemId: 'i'.repeat(129) }, point(accepted), 'change.agendaItemId'],
      ['an authority id with ESC', move3(), { kind: 'POINT_OF_ORDER', id: 'p\u001b' }, 'authority.id'],
    ];
    for (const [name, change, authority, path] of cases) {
      const r = await send('chair', change, authority);
      // A request body limit in front of GraphQL may refuse the megabyte first: refused all the same.
      if (name === 'a megabyte of title' && (r.status === 413 || r.body.errors?.[0]?.extensions?.code === 'REQUEST_TOO_LARGE')) continue;
      expect(r.body.errors, name).toBeUndefined();
      expect(r.body.data?.r.__typename, `${name}: ${JSON.stringify(r.body.data?.r).slice(0, 200)}`).toBe('InputError');
      expect(
        r.body.data?.r.issues?.map((i) => i.path.join('.')),
        name,
      ).toContain(path);
    }
    // Unknown enum values never reach the resolver.
    const bad = await send('chair', { kind: 'SHUFFLE' }, point(accepted));
    expect(bad.body.errors?.length, JSON.stringify(bad.body)).toBeGreaterThan(0);
    expect(bad.body.data?.r).toBeUndefined();
    expect(await everything()).toEqual(before);
  });

  it('a flood of refused changes neither changes anything nor keeps members waiting', async () => {
    const before = await everything();
    const flood = Array.from({ length: 120 }, (_, i) =>
      i % 3 === 0
        ? send('chair', move3(), point(rejected))
        : i % 3 === 1
          ? send('moderator', { kind: 'REMOVE', agendaItemId: `ghost-${i}` }, point(accepted))
          : send('chair', { kind: 'INSERT', position: 1, title: `bad \u0000 ${i}`, itemKind: 'OTHER' }, point(accepted)),
    );
    // Meanwhile a member raises a point of order and the chair takes the next item of business.
    const started = Date.now();
    const raised = call(
      'member',
      `mutation { r: raisePointOfOrder(sittingId: "${S}", category: "agenda", text: "In the middle of the flood") { __typename } }`,
    );
    const member = await raised;
    const waited = Date.now() - started;
    const answers = await Promise.all(flood);
    expect(member.__typename).toBe('MutationRaisePointOfOrderSuccess');
    expect(waited).toBeLessThan(15_000);
    expect(new Set(answers.map((a) => a.body.data?.r.__typename))).toEqual(new Set(['RuleViolation', 'NotFoundError', 'InputError']));
    const after = await everything();
    // The member's point is the one entry added; the agenda is untouched.
    expect(after.agenda).toEqual(before.agenda);
    expect(after.entries).toBe(before.entries + 1);
  });

  it('carries out the accepted point of order: item 3 moves before item 2, in the record and the agenda', async () => {
    const procedure =
      '{ __typename ... on MutationAmendAgendaSuccess { data { agenda { id position } agendaAmendments { kind title fromPosition position authorityKind authorityReference } } } }';
    const r = await gql<{ r: { __typename: string; data: { agenda: { id: string }[]; agendaAmendments: Record<string, unknown>[] } } }>(
      t.baseUrl,
      `mutation($c: AgendaChangeInput!, $a: AgendaAuthorityInput!) { r: amendAgenda(sittingId: "${S}", change: $c, authority: $a) ${procedure} }`,
      { c: move3(), a: point(accepted) },
      headers.moderator,
    );
    expect(r.body.errors).toBeUndefined();
    const expected = [items[0], items[2], items[1], ...items.slice(3)];
    expect(r.body.data?.r.data.agenda.map((i) => i.id)).toEqual(expected);
    expect(r.body.data?.r.data.agendaAmendments).toEqual([
      {
        kind: 'MOVE',
        title: 'Question time: energy prices',
        fromPosition: 3,
        position: 2,
        authorityKind: 'POINT_OF_ORDER',
        authorityReference: 'Move item 3 before item 2',
      },
    ]);
    expect((await listAgendaItems(db(), [S])).map((i) => i.id)).toEqual(expected);
    expect((await loadRecord(db(), S)).at(-1)?.event).toMatchObject({ kind: 'agenda.amended', order: expected });
  });
});
