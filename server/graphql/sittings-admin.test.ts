/**
 * Hostile input at the back office's sitting mutations (issue 13, item 3): postpone, cancel and
 * delete a sitting, and the agenda item's debate time and document links. Control characters,
 * unpaired surrogates, a megabyte and one character over each limit, links that are not https
 * (javascript:, data:, http:), too many of them, debate times out of range: each refused with the
 * mutation's InputError naming the field, nothing changed. Then the roles (clerks schedule; members
 * and the chair do not) and the states (a cancelled sitting neither opens nor changes; a closed one
 * is neither cancelled nor deleted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { preferredTestDatabaseKind } from '../../test/support/database';
import { fetchAccessToken } from '../../test/support/oidc-login';
import { listAgendaItems } from '../db/agenda';
import { listSittings } from '../db/sittings';
import { loadRecord } from '../db/record';

type Who = 'clerk' | 'chair' | 'member' | 'admin';
type Answer = { __typename: string; issues?: { path: string[]; message: string }[]; rule?: string; code?: string; message?: string };
const answer = '{ __typename ... on InputError { issues { path message } } ... on RuleViolation { rule } ... on Error { code message } }';

const hostile: Record<string, string> = {
  NUL: 'before \u0000 after',
  BEL: 'ring \u0007 ring',
  ESC: '\u001b[2J\u001b[31mred',
  NEL: 'next \u0085 line',
  'bidi override': 'abc \u202e cba',
  'lone high surrogate': 'half \ud800 a pair',
  'lone low surrogate': '\udfff at the start',
  'a megabyte': 'x'.repeat(1 << 20),
};

const badLinks: Record<string, unknown> = {
  'javascript:': ['javascript:alert(1)'],
  'data:': ['data:text/html,<script>alert(1)</script>'],
  'http:': ['http://dokumente.example/drs.pdf'],
  'no host': ['https://'],
  'a space': ['https://dokumente.example/a b.pdf'],
  'a newline': ['https://dokumente.example/a\nb.pdf'],
  'protocol-relative': ['//dokumente.example/drs.pdf'],
  'one of two bad': ['https://dokumente.example/ok.pdf', 'JaVaScRiPt:alert(1)'],
  'too long': [`https://dokumente.example/${'x'.repeat(2000)}`],
  'too many': Array.from({ length: 21 }, (_, i) => `https://dokumente.example/${i}.pdf`),
};

describe('sittings in the back office: hostile input, roles and states', () => {
  let t: TestApp;
  const headers = {} as Record<Who, Record<string, string>>;
  let scheduled: string;
  let itemId: string;
  const db = () => t.app.database.db;

  const send = async (who: Who, query: string, variables: Record<string, unknown> = {}) => {
    const res = await gql<{ r: Answer }>(t.baseUrl, query, variables, headers[who]);
    return res;
  };
  const typed = async (who: Who, query: string, variables: Record<string, unknown> = {}) => {
    const res = await send(who, query, variables);
    expect(res.body.errors, query).toBeUndefined();
    return res.body.data!.r;
  };

  async function everything() {
    return { sittings: await listSittings(db()), agenda: await listAgendaItems(db(), [scheduled, 'sitting-42']) };
  }

  beforeAll(async () => {
    t = await startTestApp({ database: preferredTestDatabaseKind() });
    const bearer = async (u: string) => ({ authorization: `Bearer ${await fetchAccessToken(t.baseUrl, u)}` });
    headers.clerk = await bearer('clerk');
    headers.chair = await bearer('a.keller');
    headers.member = await bearer('j.brandt');
    headers.admin = await bearer('it.admin');
    const created = await gql<{ r: { __typename: string; data: { id: string } } }>(
      t.baseUrl,
      'mutation { r: createSitting(input: { number: 43, title: "43. Sitzung", startsAt: "2027-01-20T08:00:00Z" }) { __typename ... on MutationCreateSittingSuccess { data { id } } } }',
      {},
      headers.clerk,
    );
    expect(created.body.data?.r.__typename).toBe('MutationCreateSittingSuccess');
    scheduled = created.body.data!.r.data.id;
    const item = await typed(
      'clerk',
      `mutation { r: addAgendaItem(sittingId: "${scheduled}", input: { title: "Haushalt", kind: DEBATE }) { __typename ... on MutationAddAgendaItemSuccess { data { id } } } }`,
    );
    itemId = (item as unknown as { data: { id: string } }).data.id;
  }, 300_000);
  afterAll(() => t?.stop());

  it('refuses control characters, lone surrogates, a megabyte and over-long text in every new text field, naming it, and changes nothing', async () => {
    const cases = [
      {
        name: 'postponeSitting.reason',
        query: `mutation($v: String) { r: postponeSitting(id: "${scheduled}", input: { startsAt: "2027-02-01T08:00:00Z", reason: $v }) ${answer} }`,
        path: 'input.reason',
        limit: 500,
      },
      {
        name: 'cancelSitting.reason',
        query: `mutation($v: String!) { r: cancelSitting(id: "${scheduled}", input: { reason: $v }) ${answer} }`,
        path: 'input.reason',
        limit: 500,
      },
      {
        name: 'addAgendaItem.documentLinks',
        query: `mutation($v: String!) { r: addAgendaItem(sittingId: "${scheduled}", input: { title: "x", kind: DEBATE, documentLinks: ["https://ok.example/a.pdf", $v] }) ${answer} }`,
        path: 'input.documentLinks',
        limit: 2000,
      },
      {
        name: 'updateAgendaItem.documentLinks',
        query: `mutation($v: String!) { r: updateAgendaItem(id: "${itemId}", input: { documentLinks: [$v] }) ${answer} }`,
        path: 'input.documentLinks',
        limit: 2000,
      },
      {
        name: 'updateAgendaItem.description',
        query: `mutation($v: String) { r: updateAgendaItem(id: "${itemId}", input: { description: $v }) ${answer} }`,
        path: 'input.description',
        limit: 5000,
      },
      { name: 'deleteSitting.id', query: `mutation($v: ID!) { r: deleteSitting(id: $v) ${answer} }`, path: 'id', limit: 128 },
    ];
    const before = await everything();
    for (const c of cases) {
      for (const [what, v] of Object.entries(hostile)) {
        const res = await send('clerk', c.query, { v });
        if (what === 'a megabyte' && (res.status === 413 || res.body.errors?.[0]?.extensions?.code === 'REQUEST_TOO_LARGE')) continue;
        expect(res.body.errors, `${c.name} with ${what}`).toBeUndefined();
        const r = res.body.data?.r;
        expect(r?.__typename, `${c.name} with ${what}: ${JSON.stringify(r)?.slice(0, 200)}`).toBe('InputError');
        // A list's entry may be named on its own (input.documentLinks.1).
        expect(
          r?.issues?.some((i) => `${i.path.join('.')}.`.startsWith(`${c.path}.`)),
          `${c.name} with ${what}: ${JSON.stringify(r?.issues)}`,
        ).toBe(true);
      }
      // One over the limit: a link counts as a link only after the scheme, so pad a valid one.
      const over = c.path.endsWith('documentLinks') ? `https://ok.example/${'y'.repeat(c.limit - 18)}` : 'y'.repeat(c.limit + 1);
      const r = (await send('clerk', c.query, { v: over })).body.data?.r;
      expect(r?.__typename, `${c.name} with ${over.length} characters`).toBe('InputError');
    }
    expect(await everything()).toEqual(before);
  });

  it('refuses links that are not https, too many links and debate times out of range, and takes good ones', async () => {
    const before = await everything();
    for (const [what, links] of Object.entries(badLinks)) {
      for (const query of [
        `mutation($v: [String!]) { r: addAgendaItem(sittingId: "${scheduled}", input: { title: "x", kind: DEBATE, documentLinks: $v }) ${answer} }`,
        `mutation($v: [String!]) { r: updateAgendaItem(id: "${itemId}", input: { documentLinks: $v }) ${answer} }`,
      ]) {
        const r = await typed('clerk', query, { v: links });
        expect(r.__typename, what).toBe('InputError');
        expect(
          r.issues?.map((i) => i.path.join('.')),
          what,
        ).toEqual(['input.documentLinks']);
      }
    }
    for (const minutes of [0, -5, 1441, 2 ** 31 - 1]) {
      const r = await typed('clerk', `mutation($v: Int) { r: updateAgendaItem(id: "${itemId}", input: { debateMinutes: $v }) ${answer} }`, { v: minutes });
      expect(
        r.issues?.map((i) => i.path.join('.')),
        String(minutes),
      ).toEqual(['input.debateMinutes']);
    }
    expect(await everything()).toEqual(before);

    const links = ['https://dokumente.example/drs/20/4711.pdf', 'https://dokumente.example/antrag?id=5#seite-2'];
    const ok = await typed(
      'chair',
      `mutation($v: [String!]) { r: updateAgendaItem(id: "${itemId}", input: { debateMinutes: 60, documentLinks: $v }) { __typename ... on MutationUpdateAgendaItemSuccess { data { debateMinutes documentLinks } } } }`,
      { v: [` ${links[0]} `, links[1]] },
    );
    expect(ok).toEqual({ __typename: 'MutationUpdateAgendaItemSuccess', data: { debateMinutes: 60, documentLinks: links } });
  });

  it('lets clerks and parliament IT schedule, postpone, cancel and delete; members and the chair not', async () => {
    for (const who of ['member', 'chair'] as const) {
      for (const query of [
        'mutation { r: createSitting(input: { number: 99, title: "x", startsAt: "2027-03-01T08:00:00Z" }) { __typename } }',
        `mutation { r: postponeSitting(id: "${scheduled}", input: { startsAt: "2027-03-01T08:00:00Z" }) { __typename } }`,
        `mutation { r: cancelSitting(id: "${scheduled}", input: { reason: "x" }) { __typename } }`,
        `mutation { r: deleteSitting(id: "${scheduled}") { __typename } }`,
      ]) {
        const res = await send(who, query);
        expect(res.body.errors?.[0]?.extensions?.code, `${who}: ${query}`).toBe('FORBIDDEN');
      }
    }
    const r = await typed(
      'admin',
      `mutation { r: postponeSitting(id: "${scheduled}", input: { startsAt: "2027-01-27T08:00:00Z", reason: "Vorlage fehlt" }) { __typename ... on MutationPostponeSittingSuccess { data { startsAt postponedFrom } } } }`,
    );
    expect(r).toEqual({
      __typename: 'MutationPostponeSittingSuccess',
      data: { startsAt: '2027-01-27T08:00:00.000Z', postponedFrom: '2027-01-20T08:00:00.000Z' },
    });
    const earlier = await typed('clerk', `mutation { r: postponeSitting(id: "${scheduled}", input: { startsAt: "2027-01-01T08:00:00Z" }) ${answer} }`);
    expect(earlier).toMatchObject({ __typename: 'RuleViolation', rule: 'sitting.not_later' });
    const malformed = await send('clerk', `mutation { r: postponeSitting(id: "${scheduled}", input: { startsAt: "next tuesday" }) ${answer} }`);
    expect(malformed.body.errors?.[0]?.message).toMatch(/DateTime/);

    const spare = await typed(
      'clerk',
      'mutation { r: createSitting(input: { number: 98, title: "Versehen", startsAt: "2027-03-01T08:00:00Z" }) { __typename ... on MutationCreateSittingSuccess { data { id deletable } } } }',
    );
    const spareId = (spare as unknown as { data: { id: string; deletable: boolean } }).data;
    expect(spareId.deletable).toBe(true);
    expect(await typed('clerk', `mutation { r: deleteSitting(id: "${spareId.id}") ${answer} }`)).toBeDefined();
    expect((await listSittings(db())).map((s) => s.id)).not.toContain(spareId.id);
    const gone = await typed('clerk', `mutation { r: deleteSitting(id: "${spareId.id}") ${answer} }`);
    expect(gone).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('a cancelled sitting neither opens nor changes, and shows as cancelled to the public and the chair', async () => {
    const emptyReason = await typed('clerk', `mutation { r: cancelSitting(id: "${scheduled}", input: { reason: "   " }) ${answer} }`);
    expect(emptyReason.issues?.map((i) => i.path.join('.'))).toEqual(['input.reason']);
    const cancelled = await typed(
      'clerk',
      `mutation { r: cancelSitting(id: "${scheduled}", input: { reason: "Entfällt." }) { __typename ... on MutationCancelSittingSuccess { data { state cancelReason deletable } } } }`,
    );
    expect(cancelled).toEqual({ __typename: 'MutationCancelSittingSuccess', data: { state: 'CANCELLED', cancelReason: 'Entfällt.', deletable: false } });

    const refusals = {
      [`mutation { r: openSitting(sittingId: "${scheduled}") ${answer} }`]: 'sitting.cancelled',
      [`mutation { r: addAgendaItem(sittingId: "${scheduled}", input: { title: "Neu", kind: OTHER }) ${answer} }`]: 'agenda.sitting_cancelled',
      [`mutation { r: updateAgendaItem(id: "${itemId}", input: { title: "Neu" }) ${answer} }`]: 'agenda.sitting_cancelled',
      [`mutation { r: removeAgendaItem(id: "${itemId}") ${answer} }`]: 'agenda.sitting_cancelled',
      [`mutation { r: updateSitting(id: "${scheduled}", input: { title: "Doch" }) ${answer} }`]: 'sitting.cancelled',
      [`mutation { r: postponeSitting(id: "${scheduled}", input: { startsAt: "2028-01-01T08:00:00Z" }) ${answer} }`]: 'sitting.cancelled',
      [`mutation { r: cancelSitting(id: "${scheduled}", input: { reason: "nochmal" }) ${answer} }`]: 'sitting.cancelled',
      [`mutation { r: deleteSitting(id: "${scheduled}") ${answer} }`]: 'sitting.cancelled',
    };
    const before = await everything();
    for (const [query, rule] of Object.entries(refusals)) {
      const r = await typed(query.includes('openSitting') ? 'chair' : 'clerk', query);
      expect(r, query).toMatchObject({ __typename: 'RuleViolation', rule });
    }
    expect(await everything()).toEqual(before);
    expect(await loadRecord(db(), scheduled)).toEqual([]);

    const views = await gql<{ publicSittings: { id: string; phase: string; cancelReason: string | null }[]; publicSitting: { phase: string } }>(
      t.baseUrl,
      `{ publicSittings { id phase cancelReason } publicSitting(id: "${scheduled}") { phase } }`,
    );
    expect(views.body.data?.publicSittings.find((s) => s.id === scheduled)).toEqual({ id: scheduled, phase: 'CANCELLED', cancelReason: 'Entfällt.' });
    expect(views.body.data?.publicSitting.phase).toBe('CANCELLED');
    const procedure = await gql<{ sitting: { procedure: { phase: string } } }>(
      t.baseUrl,
      `{ sitting(id: "${scheduled}") { procedure { phase } } }`,
      {},
      headers.chair,
    );
    expect(procedure.body.data?.sitting.procedure.phase, JSON.stringify(procedure.body)).toBe('CANCELLED');
  });

  it('a sitting that has begun or closed is neither cancelled, postponed nor deleted, and a closed one keeps its agenda', async () => {
    const S = 'sitting-42';
    for (const q of [`mutation { r: openSitting(sittingId: "${S}") ${answer} }`, `mutation { r: closeSitting(sittingId: "${S}") ${answer} }`]) {
      expect((await typed('chair', q)).__typename).toMatch(/Success$/);
    }
    const item = (await listAgendaItems(db(), [S]))[0]!.id;
    const refusals = {
      [`mutation { r: cancelSitting(id: "${S}", input: { reason: "zu spät" }) ${answer} }`]: 'sitting.already_started',
      [`mutation { r: postponeSitting(id: "${S}", input: { startsAt: "2028-01-01T08:00:00Z" }) ${answer} }`]: 'sitting.already_started',
      [`mutation { r: deleteSitting(id: "${S}") ${answer} }`]: 'sitting.already_started',
      [`mutation { r: updateAgendaItem(id: "${item}", input: { documentLinks: ["https://dokumente.example/spaet.pdf"] }) ${answer} }`]: 'agenda.sitting_closed',
    };
    const before = await everything();
    for (const [query, rule] of Object.entries(refusals)) expect(await typed('clerk', query), query).toMatchObject({ __typename: 'RuleViolation', rule });
    expect(await everything()).toEqual(before);
    const listed = await gql<{ sittings: { id: string; state: string; deletable: boolean }[] }>(
      t.baseUrl,
      '{ sittings { id state deletable } }',
      {},
      headers.clerk,
    );
    expect(listed.body.data?.sittings.find((s) => s.id === S)).toEqual({ id: S, state: 'CLOSED', deletable: false });
  });
});
