/**
 * Hostile text and numbers at the API (issue 10, class 3 and "fields without an upper bound"): every
 * text field of the procedure, agenda, sitting, caption and subroom mutations, and the ids, receive
 * control characters (NUL, BEL, ESC, NEL), unpaired surrogates, a megabyte, and one character over
 * their own limit; every bounded number receives more than its bound. Each is refused with the
 * mutation's typed InputError naming the argument, and nothing changes: the record's head hash, the
 * agenda, the vote drafts and the sittings are the same before and after. Then the agenda of the
 * open sitting: its items are neither removed nor reordered outside procedure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { fetchAccessToken } from '../../test/support/oidc-login';
import { loadRecord } from '../db/record';
import { listAgendaItems } from '../db/agenda';
import { listVoteDrafts } from '../db/votes';
import { listSittings } from '../db/sittings';

const S = 'sitting-42';
type Headers = Record<string, string>;
type Who = 'chair' | 'member' | 'admin';

const hostile: Record<string, string> = {
  NUL: 'before \u0000 after',
  BEL: 'ring \u0007 ring',
  ESC: '\u001b[2J\u001b[31mred',
  NEL: 'next \u0085 line',
  'lone high surrogate': 'half \ud800 a pair',
  'lone low surrogate': '\udfff at the start',
  'a megabyte': 'x'.repeat(1 << 20),
};

interface Case {
  readonly name: string;
  readonly who: Who;
  /** The mutation, with the hostile value as $v (declared by the case). */
  readonly query: string;
  readonly path: string;
  /** Its own limit, when the field has one below textLimits.any: that limit + 1 is refused too. */
  readonly limit?: number;
}

const field = (name: string) => `r: ${name}`;
const answer = '{ __typename ... on InputError { issues { path message } } ... on Error { code message } }';
const item = '$item';

/** Every text argument of the mutations a sitting's procedure, agenda and broadcast take. */
const textCases: readonly Case[] = [
  {
    name: 'suspendSitting.reason',
    who: 'chair',
    query: `mutation($v: String) { ${field('suspendSitting')}(sittingId: "${S}", reason: $v) ${answer} }`,
    path: 'reason',
    limit: 500,
  },
  {
    name: 'raisePointOfOrder.text',
    who: 'member',
    query: `mutation($v: String!) { ${field('raisePointOfOrder')}(sittingId: "${S}", category: "closure_of_debate", text: $v) ${answer} }`,
    path: 'text',
    limit: 500,
  },
  {
    name: 'raisePointOfOrder.category',
    who: 'member',
    query: `mutation($v: String!) { ${field('raisePointOfOrder')}(sittingId: "${S}", category: $v, text: "On the order.") ${answer} }`,
    path: 'category',
    limit: 64,
  },
  {
    name: 'decidePointOfOrder.note',
    who: 'chair',
    query: `mutation($v: String) { ${field('decidePointOfOrder')}(sittingId: "${S}", pointId: "p1", decision: NOTED, note: $v) ${answer} }`,
    path: 'note',
    limit: 500,
  },
  {
    name: 'declineEntrant.reason',
    who: 'chair',
    query: `mutation($v: String) { ${field('declineEntrant')}(sittingId: "${S}", entrantId: "account:x", reason: $v) ${answer} }`,
    path: 'reason',
    limit: 500,
  },
  {
    name: 'removeParticipant.reason',
    who: 'chair',
    query: `mutation($v: String) { ${field('removeParticipant')}(sittingId: "${S}", participantId: "j.brandt", reason: $v) ${answer} }`,
    path: 'reason',
    limit: 500,
  },
  {
    name: 'cancelVote.reason',
    who: 'chair',
    query: `mutation($v: String!) { ${field('cancelVote')}(sittingId: "${S}", voteId: "v1", reason: $v) ${answer} }`,
    path: 'reason',
    limit: 500,
  },
  {
    name: 'prepareVote.title',
    who: 'chair',
    query: `mutation($v: String!) { ${field('prepareVote')}(sittingId: "${S}", input: { title: $v, kind: NAMED }) ${answer} }`,
    path: 'input.title',
    limit: 300,
  },
  {
    name: 'prepareVote.options.label',
    who: 'chair',
    query: `mutation($v: String!) { ${field('prepareVote')}(sittingId: "${S}", input: { title: "Motion", kind: NAMED, options: [{ label: "Fine", meaning: YES }, { label: $v, meaning: NO }] }) ${answer} }`,
    path: 'input.options.1.label',
    limit: 200,
  },
  {
    name: 'prepareVote.category',
    who: 'chair',
    query: `mutation($v: String) { ${field('prepareVote')}(sittingId: "${S}", input: { title: "Motion", kind: NAMED, category: $v }) ${answer} }`,
    path: 'input.category',
    limit: 64,
  },
  {
    name: 'addAgendaItem.title',
    who: 'admin',
    query: `mutation($v: String!) { ${field('addAgendaItem')}(sittingId: "${S}", input: { title: $v, kind: DEBATE }) ${answer} }`,
    path: 'input.title',
    limit: 300,
  },
  {
    name: 'addAgendaItem.description',
    who: 'admin',
    query: `mutation($v: String) { ${field('addAgendaItem')}(sittingId: "${S}", input: { title: "Item", kind: DEBATE, description: $v }) ${answer} }`,
    path: 'input.description',
    limit: 5000,
  },
  {
    name: 'updateAgendaItem.title',
    who: 'admin',
    query: `mutation($v: String, ${item}: ID!) { ${field('updateAgendaItem')}(id: ${item}, input: { title: $v }) ${answer} }`,
    path: 'input.title',
    limit: 300,
  },
  {
    name: 'createSitting.title',
    who: 'admin',
    query: `mutation($v: String!) { ${field('createSitting')}(input: { number: 4711, title: $v, startsAt: "2027-01-01T09:00:00Z" }) ${answer} }`,
    path: 'input.title',
    limit: 200,
  },
  {
    name: 'updateSitting.title',
    who: 'admin',
    query: `mutation($v: String) { ${field('updateSitting')}(id: "${S}", input: { title: $v }) ${answer} }`,
    path: 'input.title',
    limit: 200,
  },
  {
    name: 'addCaption.text',
    who: 'chair',
    query: `mutation($v: String!) { ${field('addCaption')}(sittingId: "${S}", text: $v) ${answer} }`,
    path: 'text',
    limit: 200,
  },
  {
    name: 'openSubroom.name',
    who: 'member',
    query: `mutation($v: String!) { ${field('openSubroom')}(sittingId: "${S}", name: $v) ${answer} }`,
    path: 'name',
    limit: 80,
  },
  // Ids are text too: they reach queries and commands.
  {
    name: 'castVote.voteId',
    who: 'member',
    query: `mutation($v: ID!) { ${field('castVote')}(sittingId: "${S}", voteId: $v, optionId: "yes") ${answer} }`,
    path: 'voteId',
    limit: 128,
  },
  {
    name: 'callAgendaItem.agendaItemId',
    who: 'chair',
    query: `mutation($v: ID!) { ${field('callAgendaItem')}(sittingId: "${S}", agendaItemId: $v) ${answer} }`,
    path: 'agendaItemId',
    limit: 128,
  },
  {
    name: 'reorderSpeakers.order',
    who: 'chair',
    query: `mutation($v: ID!) { ${field('reorderSpeakers')}(sittingId: "${S}", order: ["r1", $v]) ${answer} }`,
    path: 'order.1',
    limit: 128,
  },
  {
    name: 'joinSitting.sittingId',
    who: 'member',
    query: `mutation($v: ID!) { ${field('joinSitting')}(sittingId: $v) ${answer} }`,
    path: 'sittingId',
    limit: 128,
  },
];

/** Every bounded number, one above its bound (GraphQL's Int allows up to 2^31 − 1). */
const numberCases: readonly (Omit<Case, 'limit'> & { value: number })[] = [
  {
    name: 'suspendSitting.breakMinutes',
    who: 'chair',
    query: `mutation($v: Int) { ${field('suspendSitting')}(sittingId: "${S}", breakMinutes: $v) ${answer} }`,
    path: 'breakMinutes',
    value: 24 * 60 + 1,
  },
  {
    name: 'allotSpeakingTime.debateMinutes',
    who: 'chair',
    query: `mutation($v: Int!, ${item}: ID!) { ${field('allotSpeakingTime')}(sittingId: "${S}", agendaItemId: ${item}, debateMinutes: $v) ${answer} }`,
    path: 'debateMinutes',
    value: 2 ** 31 - 1,
  },
  {
    name: 'grantFloor.limitSeconds',
    who: 'chair',
    query: `mutation($v: Int) { ${field('grantFloor')}(sittingId: "${S}", personId: "x", limitSeconds: $v) ${answer} }`,
    path: 'limitSeconds',
    value: 4 * 3600 + 1,
  },
  {
    name: 'extendFloor.seconds',
    who: 'chair',
    query: `mutation($v: Int!) { ${field('extendFloor')}(sittingId: "${S}", seconds: $v) ${answer} }`,
    path: 'seconds',
    value: 3601,
  },
  {
    name: 'prepareVote.durationSeconds',
    who: 'chair',
    query: `mutation($v: Int) { ${field('prepareVote')}(sittingId: "${S}", input: { title: "Motion", kind: NAMED, durationSeconds: $v }) ${answer} }`,
    path: 'input.durationSeconds',
    value: 24 * 3600 + 1,
  },
  {
    name: 'addAgendaItem.position',
    who: 'admin',
    query: `mutation($v: Int) { ${field('addAgendaItem')}(sittingId: "${S}", position: $v, input: { title: "Item", kind: DEBATE }) ${answer} }`,
    path: 'position',
    value: 1001,
  },
  {
    name: 'moveAgendaItem.position',
    who: 'admin',
    query: `mutation($v: Int!, ${item}: ID!) { ${field('moveAgendaItem')}(id: ${item}, position: $v) ${answer} }`,
    path: 'position',
    value: 2 ** 31 - 1,
  },
  {
    name: 'createSitting.number',
    who: 'admin',
    query: `mutation($v: Int!) { ${field('createSitting')}(input: { number: $v, title: "Big", startsAt: "2027-01-01T09:00:00Z" }) ${answer} }`,
    path: 'input.number',
    value: 2 ** 31 - 1,
  },
];

type Answer = { __typename: string; issues?: { path: string[]; message: string }[]; code?: string; message?: string };

describe.each(testDatabaseKinds())('hostile text and numbers at the API (%s)', (kind) => {
  let t: TestApp;
  const headers = {} as Record<Who, Headers>;
  let itemId: string;
  const db = () => t.app.database.db;

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    const bearer = async (u: string) => ({ authorization: `Bearer ${await fetchAccessToken(t.baseUrl, u)}` });
    headers.chair = await bearer('a.keller');
    headers.member = await bearer('j.brandt');
    headers.admin = await bearer('it.admin');
    itemId = (await listAgendaItems(db(), [S]))[0]!.id;
    // The sitting in progress, the member present: the refusals below are for the input, not the state.
    for (const [who, q] of [
      ['chair', `mutation { r: openSitting(sittingId: "${S}") { __typename } }`],
      ['member', `mutation { r: joinSitting(sittingId: "${S}") { __typename } }`],
    ] as const) {
      const r = await gql<{ r: { __typename: string } }>(t.baseUrl, q, {}, headers[who]);
      expect(r.body.data?.r.__typename).toMatch(/Success$/);
    }
  }, 300_000);
  afterAll(() => t?.stop());

  /** What a refused mutation must leave as it was. */
  async function everything() {
    const record = await loadRecord(db(), S);
    return {
      head: record.at(-1)?.hash,
      entries: record.length,
      agenda: await listAgendaItems(db(), [S]),
      drafts: await listVoteDrafts(db(), S),
      sittings: await listSittings(db()),
    };
  }

  async function send(c: Pick<Case, 'who' | 'query'>, v: unknown) {
    return gql<{ r: Answer }>(t.baseUrl, c.query, { v, item: itemId }, headers[c.who]);
  }

  function expectInputError(res: Awaited<ReturnType<typeof send>>, path: string, label: string) {
    expect(res.body.errors, label).toBeUndefined();
    const r = res.body.data?.r;
    expect(r?.__typename, `${label}: ${JSON.stringify(r)?.slice(0, 300)}`).toBe('InputError');
    expect(
      r?.issues?.map((i) => i.path.join('.')),
      label,
    ).toContain(path);
  }

  it('refuses control characters, lone surrogates and a megabyte in every text field, naming it, and changes nothing', async () => {
    const before = await everything();
    let refused = 0;
    for (const c of textCases) {
      for (const [what, v] of Object.entries(hostile)) {
        const res = await send(c, v);
        // A request body limit in front of GraphQL may refuse the megabyte first: refused all the same.
        if (what === 'a megabyte' && (res.status === 413 || res.body.errors?.[0]?.extensions?.code === 'REQUEST_TOO_LARGE')) continue;
        expectInputError(res, c.path, `${c.name} with ${what}`);
        refused += 1;
      }
      if (c.limit) expectInputError(await send(c, 'y'.repeat(c.limit + 1)), c.path, `${c.name} with ${c.limit + 1} characters`);
    }
    expect(refused).toBeGreaterThanOrEqual(textCases.length * (Object.keys(hostile).length - 1));
    expect(await everything()).toEqual(before);
  });

  it('refuses numbers above their bound, naming the field, and changes nothing', async () => {
    const before = await everything();
    for (const c of numberCases) expectInputError(await send(c, c.value), c.path, c.name);
    expect(await everything()).toEqual(before);
  });

  it('still takes ordinary text with newlines, tabs, accents and emoji', async () => {
    const res = await send(
      textCases.find((c) => c.name === 'raisePointOfOrder.text')!,
      'Zur Geschäftsordnung:\n\tder Redner 👍🏽 spricht nicht zur Sache.',
    );
    expect(res.body.data?.r.__typename).toBe('MutationRaisePointOfOrderSuccess');
    const raised = (await loadRecord(db(), S)).at(-1)!.event;
    expect(raised).toMatchObject({ kind: 'point_of_order.raised', text: 'Zur Geschäftsordnung:\n\tder Redner 👍🏽 spricht nicht zur Sache.' });
  });

  it('neither removes nor reorders the items of an open sitting outside procedure; adding at the end and correcting a title still work', async () => {
    const before = await listAgendaItems(db(), [S]);
    const rule = '{ __typename ... on RuleViolation { rule } ... on Error { message } }';
    const attempts = [
      `mutation { r: removeAgendaItem(id: "${before[1]!.id}") ${rule} }`,
      `mutation { r: moveAgendaItem(id: "${before[2]!.id}", position: 1) ${rule} }`,
      `mutation { r: addAgendaItem(sittingId: "${S}", position: 1, input: { title: "Slipped in", kind: DEBATE }) ${rule} }`,
    ];
    for (const q of attempts) {
      for (const who of ['admin', 'chair'] as const) {
        const r = await gql<{ r: { __typename: string; rule?: string } }>(t.baseUrl, q, {}, headers[who]);
        expect(r.body.data?.r, q).toMatchObject({ __typename: 'RuleViolation', rule: 'agenda.sitting_in_progress' });
      }
    }
    expect(await listAgendaItems(db(), [S])).toEqual(before);

    const added = await gql<{ r: { __typename: string } }>(
      t.baseUrl,
      `mutation { r: addAgendaItem(sittingId: "${S}", input: { title: "Any other business", kind: OTHER }) { __typename } }`,
      {},
      headers.admin,
    );
    expect(added.body.data?.r.__typename).toBe('MutationAddAgendaItemSuccess');
    const fixed = await gql<{ r: { __typename: string } }>(
      t.baseUrl,
      `mutation { r: updateAgendaItem(id: "${before[0]!.id}", input: { title: "Opening of the sitting" }) { __typename } }`,
      {},
      headers.admin,
    );
    expect(fixed.body.data?.r.__typename).toBe('MutationUpdateAgendaItemSuccess');
    const after = await listAgendaItems(db(), [S]);
    expect(after.slice(0, before.length).map((i) => i.id)).toEqual(before.map((i) => i.id));
    expect(after).toHaveLength(before.length + 1);
  });
});
