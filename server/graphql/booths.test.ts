/**
 * Booths and their interpreters at the API: parliament IT creates, changes and removes booths and
 * staffs them; the rules (server/domain/booths.ts) refuse what would break the media; hostile input
 * (oversize, control characters, bad language tags, the wrong role, unknown ids) is refused with a
 * typed error, and nothing changes: the booths, the people's booths and the admin log are the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { fetchAccessToken } from '../../test/support/oidc-login';
import { listBooths } from '../db/booths';
import { listPeople } from '../db/people';
import { countAdminLog } from '../db/admin-log';
import { textLimits } from '@contract/text-limits';

const S = 'sitting-42';
type Headers = Record<string, string>;

interface Answer {
  r: {
    __typename: string;
    rule?: string;
    code?: string;
    message?: string;
    entity?: string;
    issues?: { path: string[]; message: string }[];
    data?: unknown;
  };
}

const errors = '... on RuleViolation { rule } ... on NotFoundError { entity } ... on InputError { issues { path message } } ... on Error { code message }';
const boothFields = 'id language name kind interpreters { username }';
const createBooth = `mutation($input: BoothInput!) { r: createBooth(input: $input) { __typename ${errors} ... on MutationCreateBoothSuccess { data { ${boothFields} } } } }`;
const updateBooth = `mutation($id: ID!, $input: BoothPatch!) { r: updateBooth(id: $id, input: $input) { __typename ${errors} ... on MutationUpdateBoothSuccess { data { ${boothFields} } } } }`;
const removeBooth = `mutation($id: ID!) { r: removeBooth(id: $id) { __typename ${errors} ... on MutationRemoveBoothSuccess { data } } }`;
const assign = `mutation($p: ID!, $b: ID) { r: assignInterpreter(personId: $p, boothId: $b) { __typename ${errors} ... on MutationAssignInterpreterSuccess { data { username booth { id } } } } }`;

describe.each(testDatabaseKinds())('booths over GraphQL on %s', (kind) => {
  let t: TestApp;
  const h: Record<string, Headers> = {};
  const ids: Record<string, string> = {};
  const run = async (query: string, variables: Record<string, unknown>, who = h['it.admin']!): Promise<Answer> => {
    const { body } = await gql<Answer>(t.baseUrl, query, variables, who);
    return body.data ?? { r: { __typename: 'GraphQLError', code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message } };
  };
  const state = async () => ({
    booths: await listBooths(t.app.database.db),
    staff: (await listPeople(t.app.database.db)).map((p) => [p.username, p.boothId]),
    log: await countAdminLog(t.app.database.db),
  });

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    for (const u of ['it.admin', 'j.brandt', 'a.keller', 'interpreter.en1', 'interpreter.en2', 'interpreter.fr1', 'clerk']) {
      h[u] = { authorization: `Bearer ${await fetchAccessToken(t.baseUrl, u)}` };
    }
    for (const p of await listPeople(t.app.database.db)) ids[p.username] = p.id;
  }, 300_000);
  afterAll(() => t?.stop());

  it('lists the booths with their interpreters; only IT sees who can be assigned', async () => {
    const r = await gql<{ booths: { id: string; interpreters: { username: string }[] }[] }>(t.baseUrl, `{ booths { ${boothFields} } }`, {}, h['j.brandt']);
    expect(
      r.body.data?.booths
        .find((b) => b.id === 'en')
        ?.interpreters.map((p) => p.username)
        .sort(),
    ).toEqual(['interpreter.en1', 'interpreter.en2']);
    const q = '{ assignableInterpreters { username booth { id } } }';
    const admin = await gql<{ assignableInterpreters: { username: string }[] }>(t.baseUrl, q, {}, h['it.admin']);
    expect(admin.body.data?.assignableInterpreters.map((p) => p.username).sort()).toEqual([
      'interpreter.dgs',
      'interpreter.en1',
      'interpreter.en2',
      'interpreter.fr1',
      'interpreter.fr2',
    ]);
    for (const u of ['j.brandt', 'interpreter.en1', 'clerk']) expect((await gql(t.baseUrl, q, {}, h[u])).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('creates, renames and removes a booth, each in the admin log', async () => {
    const before = await countAdminLog(t.app.database.db);
    const created = await run(createBooth, { input: { language: ' it ', name: ' Italiano ', kind: 'SPOKEN' } });
    expect(created.r).toEqual({
      __typename: 'MutationCreateBoothSuccess',
      data: { id: 'it', language: 'it', name: 'Italiano', kind: 'SPOKEN', interpreters: [] },
    });
    const renamed = await run(updateBooth, { id: 'it', input: { name: 'Italienisch' } });
    expect(renamed.r.data).toMatchObject({ id: 'it', language: 'it', name: 'Italienisch' });
    expect((await run(removeBooth, { id: 'it' })).r).toEqual({ __typename: 'MutationRemoveBoothSuccess', data: 'it' });
    expect(await countAdminLog(t.app.database.db)).toBe(before + 3);
    const log = await gql<{ adminLog: { action: string; subject: string }[] }>(t.baseUrl, '{ adminLog(first: 3) { action subject } }', {}, h['it.admin']);
    expect(log.body.data?.adminLog).toEqual([
      { action: 'booth.remove', subject: 'booth:it' },
      { action: 'booth.update', subject: 'booth:it' },
      { action: 'booth.create', subject: 'booth:it' },
    ]);
  });

  it.each([
    ['the floor language', { language: 'DE', name: 'Deutsch', kind: 'SPOKEN' }, 'booth.floor_language'],
    ['a spoken language taken', { language: 'EN', name: 'English (2)', kind: 'SPOKEN' }, 'booth.language_taken'],
    ['a second sign-language booth', { language: 'sgg', name: 'DSGS', kind: 'SIGN' }, 'booth.one_sign_booth'],
  ])('refuses a booth in %s, changing nothing', async (_name, input, rule) => {
    const before = await state();
    expect((await run(createBooth, { input })).r).toMatchObject({ __typename: 'RuleViolation', rule });
    expect(await state()).toEqual(before);
  });

  it('refuses to make a booth clash by a change', async () => {
    const before = await state();
    expect((await run(updateBooth, { id: 'fr', input: { language: 'en' } })).r.rule).toBe('booth.language_taken');
    expect((await run(updateBooth, { id: 'fr', input: { kind: 'SIGN' } })).r.rule).toBe('booth.one_sign_booth');
    expect(await state()).toEqual(before);
  });

  it('staffs a booth with interpreters only, and a moved interpreter’s booth is the new one', async () => {
    const before = await state();
    expect((await run(assign, { p: ids['j.brandt'], b: 'en' })).r.rule).toBe('booth.not_interpreter');
    expect((await run(assign, { p: ids['clerk'], b: 'en' })).r.rule).toBe('booth.not_interpreter');
    expect((await run(assign, { p: 'no-such-person', b: 'en' })).r).toMatchObject({ __typename: 'NotFoundError', entity: 'person' });
    expect((await run(assign, { p: ids['interpreter.fr1'], b: 'no-such-booth' })).r).toMatchObject({ __typename: 'NotFoundError', entity: 'booth' });
    expect(await state()).toEqual(before);

    const moved = await run(assign, { p: ids['interpreter.fr1'], b: 'en' });
    expect(moved.r).toEqual({ __typename: 'MutationAssignInterpreterSuccess', data: { username: 'interpreter.fr1', booth: { id: 'en' } } });
    const me = await gql<{ me: { person: { booth: { id: string } | null } } }>(t.baseUrl, '{ me { person { booth { id } } } }', {}, h['interpreter.fr1']);
    expect(me.body.data?.me.person.booth).toEqual({ id: 'en' });
    // The same again: nothing to log.
    const logged = await countAdminLog(t.app.database.db);
    expect((await run(assign, { p: ids['interpreter.fr1'], b: 'en' })).r.__typename).toBe('MutationAssignInterpreterSuccess');
    expect(await countAdminLog(t.app.database.db)).toBe(logged);
    expect((await run(assign, { p: ids['interpreter.fr1'], b: 'fr' })).r.data).toEqual({ username: 'interpreter.fr1', booth: { id: 'fr' } });
    expect((await run(assign, { p: ids['interpreter.fr1'], b: null })).r.data).toEqual({ username: 'interpreter.fr1', booth: null });
    expect((await run(assign, { p: ids['interpreter.fr1'], b: 'fr' })).r.data).toEqual({ username: 'interpreter.fr1', booth: { id: 'fr' } });
    expect(await countAdminLog(t.app.database.db)).toBe(logged + 3);
  });

  it('holds the roster’s own booth field to the same rules', async () => {
    const before = await state();
    const q = `mutation($id: ID!, $b: ID) { r: updatePerson(id: $id, input: { boothId: $b }) { __typename ${errors} } }`;
    expect((await run(q, { id: ids['j.brandt'], b: 'en' })).r.rule).toBe('booth.not_interpreter');
    const create = `mutation { r: createPerson(input: { username: "c.x", givenName: "C", familyName: "X", roles: [CLERK], votingRights: false, boothId: "en" }) { __typename ${errors} } }`;
    expect((await run(create, {})).r.rule).toBe('booth.not_interpreter');
    expect(await state()).toEqual(before);
  });

  it('puts no one whose membership has ended in a booth, and takes them off', async () => {
    const ended = await gql(
      t.baseUrl,
      `mutation($id: ID!) { r: endPerson(id: $id, on: "2026-01-31") { __typename } }`,
      { id: ids['interpreter.fr2'] },
      h['it.admin'],
    );
    expect(ended.body.errors).toBeUndefined();
    const q = '{ assignableInterpreters { username } }';
    const assignable = await gql<{ assignableInterpreters: { username: string }[] }>(t.baseUrl, q, {}, h['it.admin']);
    expect(assignable.body.data?.assignableInterpreters.map((p) => p.username)).not.toContain('interpreter.fr2');
    expect((await run(assign, { p: ids['interpreter.fr2'], b: 'en' })).r.rule).toBe('booth.person_ended');
    expect((await run(assign, { p: ids['interpreter.fr2'], b: null })).r.data).toEqual({ username: 'interpreter.fr2', booth: null });
  });

  it('refuses to remove a staffed booth, and a booth or interpreter on air in an open sitting', async () => {
    expect((await run(removeBooth, { id: 'fr' })).r.rule).toBe('booth.has_interpreters');
    expect((await gql(t.baseUrl, `mutation { r: openSitting(sittingId: "${S}") { __typename } }`, {}, h['a.keller'])).body.errors).toBeUndefined();
    const air = await gql<{ r: { __typename: string } }>(
      t.baseUrl,
      `mutation { r: handOverBooth(sittingId: "${S}") { __typename } }`,
      {},
      h['interpreter.en1'],
    );
    expect(air.body.data?.r.__typename).toBe('MutationHandOverBoothSuccess');

    const before = await state();
    expect((await run(removeBooth, { id: 'en' })).r.rule).toBe('booth.on_air');
    expect((await run(updateBooth, { id: 'en', input: { language: 'en-GB' } })).r.rule).toBe('booth.on_air');
    expect((await run(updateBooth, { id: 'en', input: { kind: 'SIGN' } })).r.rule).toBe('booth.on_air');
    expect((await run(assign, { p: ids['interpreter.en1'], b: 'fr' })).r.rule).toBe('booth.interpreter_on_air');
    expect((await run(assign, { p: ids['interpreter.en1'], b: null })).r.rule).toBe('booth.interpreter_on_air');
    expect(await state()).toEqual(before);
    // The name may change; the partner who is not on air may move.
    expect((await run(updateBooth, { id: 'en', input: { name: 'English' } })).r.__typename).toBe('MutationUpdateBoothSuccess');
    expect((await run(assign, { p: ids['interpreter.en2'], b: 'fr' })).r.__typename).toBe('MutationAssignInterpreterSuccess');
  });

  describe('hostile input', () => {
    const hostile: [string, unknown][] = [
      ['NUL', 'Eng\u0000lish'],
      ['ESC', '\u001b[2J'],
      ['NEL', 'Eng\u0085lish'],
      ['a lone surrogate', 'half \ud800'],
      ['a megabyte', 'x'.repeat(1 << 20)],
      ['empty', '   '],
    ];
    it.each(hostile)('refuses %s in a name or a language, naming the field, changing nothing', async (what, v) => {
      const before = await state();
      const refused = (a: Answer, path: string[]) => {
        // The request body limit in front of GraphQL refuses the megabyte first: refused all the same.
        if (what === 'a megabyte' && a.r.code === 'REQUEST_TOO_LARGE') return;
        expect(a.r).toMatchObject({ __typename: 'InputError', issues: [{ path, message: expect.any(String) }] });
      };
      refused(await run(createBooth, { input: { language: 'it', name: v, kind: 'SPOKEN' } }), ['input', 'name']);
      refused(await run(createBooth, { input: { language: v, name: 'Italiano', kind: 'SPOKEN' } }), ['input', 'language']);
      refused(await run(updateBooth, { id: 'fr', input: { name: v } }), ['input', 'name']);
      expect(await state()).toEqual(before);
    });

    it('refuses a name one over its limit, and an empty patch or a null field', async () => {
      const before = await state();
      const long = await run(createBooth, { input: { language: 'it', name: 'x'.repeat(textLimits.boothName + 1), kind: 'SPOKEN' } });
      expect(long.r.issues).toEqual([{ path: ['input', 'name'], message: `must be at most ${textLimits.boothName} characters` }]);
      expect((await run(updateBooth, { id: 'fr', input: {} })).r.__typename).toBe('InputError');
      expect((await run(updateBooth, { id: 'fr', input: { name: null } })).r.issues?.[0]?.path).toEqual(['input', 'name']);
      expect(await state()).toEqual(before);
    });

    it.each(['english', 'e', 'de_DE', '-de', 'de-', 'de--CH', 'de-toolongsubtag', 'x'.repeat(textLimits.languageTag + 1)])(
      'refuses the language tag %j',
      async (language) => {
        const before = await state();
        const r = await run(createBooth, { input: { language, name: 'Italiano', kind: 'SPOKEN' } });
        expect(r.r).toMatchObject({ __typename: 'InputError', issues: [{ path: ['input', 'language'] }] });
        expect(await state()).toEqual(before);
      },
    );

    it('refuses a kind that is not one, as GraphQL does', async () => {
      const r = await gql(t.baseUrl, createBooth, { input: { language: 'it', name: 'Italiano', kind: 'SHOUTED' } }, h['it.admin']);
      expect(r.body.errors?.[0]?.message).toMatch(/SHOUTED/);
    });

    it('refuses hostile and unknown ids, naming the argument', async () => {
      const before = await state();
      for (const [field, query, vars] of [
        ['id', updateBooth, (id: string) => ({ id, input: { name: 'x' } })],
        ['id', removeBooth, (id: string) => ({ id })],
        ['personId', assign, (id: string) => ({ p: id, b: 'en' })],
        ['boothId', assign, (id: string) => ({ p: ids['interpreter.fr1'], b: id })],
      ] as const) {
        for (const bad of ['a\u0000b', 'x'.repeat(textLimits.id + 1)]) {
          expect((await run(query, vars(bad))).r).toMatchObject({ __typename: 'InputError', issues: [{ path: [field] }] });
        }
        expect((await run(query, vars('nope'))).r.__typename).toBe('NotFoundError');
      }
      expect(await state()).toEqual(before);
    });

    it('refuses everyone but parliament IT, changing nothing', async () => {
      const before = await state();
      for (const u of ['j.brandt', 'a.keller', 'interpreter.en1', 'clerk']) {
        for (const [query, vars] of [
          [createBooth, { input: { language: 'it', name: 'Italiano', kind: 'SPOKEN' } }],
          [updateBooth, { id: 'fr', input: { name: 'x' } }],
          [removeBooth, { id: 'fr' }],
          [assign, { p: ids['interpreter.en1'], b: 'fr' }],
        ] as const) {
          expect((await gql(t.baseUrl, query, vars, h[u])).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        }
      }
      expect(await state()).toEqual(before);
    });
  });
});
