/**
 * Class 4 of issue 10, "identity is a mutable username", reproduced against the whole server: an
 * editor re-points usernames while a sitting is open and a named vote runs. Accounts (iss + sub) stay
 * bound to their people; the attacker's token acts as nobody; every roster change is in the record and
 * the protocol; IT cannot give itself a vote. Tokens are minted with the development provider's own
 * key, so that only the claims under test differ from a real sign-in.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, importJWK, type JWK } from 'jose';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { loginSession } from '../../test/support/oidc-login';
import { fixturePersonId } from '../services/seed';
import type { ProcedureEvent } from '../domain/procedure/events';
import type { Protocol } from '../services/protocol/protocol';

const S = 'sitting-42';
type Headers = Record<string, string>;
type Result = { __typename: string; code?: string; rule?: string; message?: string; data?: Record<string, unknown> };

const jonas = fixturePersonId('j.brandt');
const kruger = fixturePersonId('l.kruger');
const itAdmin = fixturePersonId('it.admin');

describe.each(testDatabaseKinds())('people are bound to accounts, not usernames (%s)', (kind) => {
  let t: TestApp;
  let chair: Headers, it_: Headers, jonasToken: Headers, krugerToken: Headers, mallory: Headers, mallory2: Headers;
  let voteId: string, yes: string;

  /** An access token as the development provider would sign it, for any account. */
  async function bearer(sub: string, username: string, roles: string[] = ['member']): Promise<Headers> {
    const dataDir = path.join('/tmp', `plenum-test-${new URL(t.baseUrl).port}`);
    const jwk = (JSON.parse(await fs.readFile(path.join(dataDir, 'oidc-jwks.json'), 'utf8')) as { keys: JWK[] }).keys[0]!;
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({
      iss: `${t.baseUrl}/oidc`,
      aud: `${t.baseUrl}/graphql`,
      sub,
      iat: now,
      exp: now + 600,
      preferred_username: username,
      roles,
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: jwk.kid! })
      .sign(await importJWK(jwk, 'ES256'));
    return { authorization: `Bearer ${token}` };
  }

  async function act(who: Headers, field: string, args = '', select = 'seq'): Promise<Result> {
    const success = `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
    const q = `mutation { r: ${field}(sittingId: "${S}"${args ? `, ${args}` : ''}) { __typename ... on Error { code message } ... on RuleViolation { rule } ... on ${success} { data { ${select} } } } }`;
    const res = await gql<{ r: Result }>(t.baseUrl, q, {}, who);
    if (res.body.errors) throw new Error(`${field}: ${JSON.stringify(res.body.errors)}`);
    return res.body.data!.r;
  }
  async function ok(who: Headers, field: string, args = '', select = 'seq') {
    const r = await act(who, field, args, select);
    if (!r.__typename.endsWith('Success')) throw new Error(`${field} refused: ${r.rule ?? r.code}: ${r.message}`);
    return r.data!;
  }
  const me = async (who: Headers) =>
    gql<{ me: { username: string; person: { id: string; username: string } | null } | null }>(t.baseUrl, '{ me { username person { id username } } }', {}, who);
  const updatePerson = (who: Headers, id: string, input: string) =>
    gql<{ updatePerson: Result }>(
      t.baseUrl,
      `mutation { updatePerson(id: "${id}", input: { ${input} }) { __typename ... on Error { code message } ... on RuleViolation { rule } ... on MutationUpdatePersonSuccess { data { username votingRights roles } } } }`,
      {},
      who,
    );
  const cast = (who: Headers) =>
    gql<{ castVote: Result }>(
      t.baseUrl,
      `mutation { castVote(sittingId: "${S}", voteId: "${voteId}", optionId: "${yes}") { __typename ... on Error { code message } ... on RuleViolation { rule } ... on MutationCastVoteSuccess { data { seq } } } }`,
      {},
      who,
    );
  const record = () => t.app.services.procedure.record(S);
  const person = async (id: string) => (await t.app.services.roster.peopleByIds([id]))[0];
  const bindings = () => t.app.database.db.selectFrom('person_identities').select(['subject', 'person_id']).orderBy('subject').execute();

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    chair = { cookie: (await loginSession(t.baseUrl, 'a.keller')).cookie };
    it_ = { cookie: (await loginSession(t.baseUrl, 'it.admin')).cookie };
    // Jonas's and Kruger's real accounts (the development provider's subjects) sign in once: bound.
    jonasToken = await bearer(jonas, 'j.brandt');
    krugerToken = await bearer(kruger, 'l.kruger');
    mallory = await bearer('mallory-account', 'm.allory');
    mallory2 = await bearer('mallory-second-account', 'j.brandt');
    expect((await me(jonasToken)).body.data?.me?.person?.id).toBe(jonas);
    expect((await me(krugerToken)).body.data?.me?.person?.id).toBe(kruger);
    // An account whose username names nobody is signed in as no person.
    expect((await me(await bearer('visitor-account', 'v.isitor'))).body.data?.me).toMatchObject({ username: 'v.isitor', person: null });

    await ok(chair, 'openSitting');
    for (const who of [chair, jonasToken, krugerToken]) await ok(who, 'joinSitting');
    const draft = await gql<{ prepareVote: { data: { id: string } } }>(
      t.baseUrl,
      `mutation { prepareVote(sittingId: "${S}", input: { title: "Budget 2027", kind: NAMED }) { ... on MutationPrepareVoteSuccess { data { id } } } }`,
      {},
      chair,
    );
    voteId = draft.body.data!.prepareVote.data.id;
    const opened = await ok(chair, 'openVote', `draftId: "${voteId}"`, 'openVote { id options { id meaning } }');
    yes = (opened.openVote as { options: { id: string; meaning: string }[] }).options.find((o) => o.meaning === 'YES')!.id;
  });
  afterAll(() => t?.stop());

  it('an editor re-pointing usernames cannot make an attacker act as j.brandt, and the ballot is published under the bound person', async () => {
    // The attack: IT gives Jonas's person the attacker's username, and "j.brandt" to Kruger.
    expect((await updatePerson(it_, jonas, 'username: "m.allory"')).body.data?.updatePerson.__typename).toBe('MutationUpdatePersonSuccess');
    expect((await updatePerson(it_, kruger, 'username: "j.brandt"')).body.data?.updatePerson.__typename).toBe('MutationUpdatePersonSuccess');
    const entriesBefore = (await record()).length;
    const bindingsBefore = await bindings();

    // The attacker's token now claims the username of Jonas's person: refused, clearly, and acts as nobody.
    const refused = await me(mallory);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('IDENTITY_CONFLICT');
    const ballot = await cast(mallory);
    expect(ballot.status).toBe(401);
    expect(ballot.body.errors?.[0]?.extensions?.code).toBe('IDENTITY_CONFLICT');
    // A second attacker account claiming "j.brandt" (now Kruger's label, Kruger bound): refused too.
    expect((await cast(mallory2)).body.errors?.[0]?.extensions?.code).toBe('IDENTITY_CONFLICT');
    // Nothing changed: no entry, no binding, nobody's ballot.
    expect((await record()).length).toBe(entriesBefore);
    expect(await bindings()).toEqual(bindingsBefore);
    expect(bindingsBefore.find((b) => b.subject.startsWith('mallory'))).toBeUndefined();

    // Jonas's token still says "j.brandt", which now names Kruger: it acts as Jonas, whatever usernames say.
    expect((await me(jonasToken)).body.data?.me).toMatchObject({ username: 'j.brandt', person: { id: jonas, username: 'm.allory' } });
    expect((await cast(jonasToken)).body.data?.castVote.__typename).toBe('MutationCastVoteSuccess');
    const ballots = (await record()).filter((e) => e.event.kind === 'ballot.cast').map((e) => e.event as Extract<ProcedureEvent, { kind: 'ballot.cast' }>);
    expect(ballots).toHaveLength(1);
    expect(ballots[0]!.voter).toMatchObject({ personId: jonas, name: 'Jonas Brandt' });
    // Kruger's own account is still Kruger, and has not voted.
    expect((await me(krugerToken)).body.data?.me?.person).toEqual({ id: kruger, username: 'j.brandt' });
  });

  it('notes every roster change of the open sitting in the record and the protocol', async () => {
    const krugerBefore = await person(kruger);
    const r = await updatePerson(it_, kruger, 'votingRights: false');
    expect(r.body.data?.updatePerson).toMatchObject({ __typename: 'MutationUpdatePersonSuccess', data: { votingRights: false } });
    const changes = (await record()).filter((e) => e.event.kind === 'roster.changed');
    // Two renames (previous test) and this voting right, each by IT.
    expect(changes.map((e) => e.actorId)).toEqual([itAdmin, itAdmin, itAdmin]);
    expect(changes.map((e) => e.event)).toEqual([
      {
        kind: 'roster.changed',
        person: expect.objectContaining({ personId: jonas }),
        before: { username: 'j.brandt', roles: ['member'], votingRights: true },
        after: { username: 'm.allory', roles: ['member'], votingRights: true },
      },
      {
        kind: 'roster.changed',
        person: expect.objectContaining({ personId: kruger }),
        before: { username: 'l.kruger', roles: krugerBefore!.roles, votingRights: true },
        after: { username: 'j.brandt', roles: krugerBefore!.roles, votingRights: true },
      },
      {
        kind: 'roster.changed',
        person: expect.objectContaining({ personId: kruger }),
        before: { username: 'j.brandt', roles: krugerBefore!.roles, votingRights: true },
        after: { username: 'j.brandt', roles: krugerBefore!.roles, votingRights: false },
      },
    ]);

    const res = await fetch(`${t.baseUrl}/api/sittings/${S}/protocol.json`, { headers: chair });
    expect(res.status).toBe(200);
    const protocol = (await res.json()) as Protocol;
    const shown = protocol.sections.flatMap((s) => s.proceedings).filter((p) => p.kind === 'roster_change');
    expect(shown).toHaveLength(3);
    expect(shown[2]).toMatchObject({ person: { personId: kruger }, before: { votingRights: true }, after: { votingRights: false }, by: { personId: itAdmin } });
    const pdf = await fetch(`${t.baseUrl}/api/sittings/${S}/protocol.pdf?lang=en`, { headers: chair });
    expect(pdf.status).toBe(200);
  });

  it('refuses IT a voting right or other roles for itself, and voting rights to non-members, changing nothing', async () => {
    const entriesBefore = (await record()).length;
    const before = await person(itAdmin);
    expect(before).toMatchObject({ roles: ['it_admin'], votingRights: false });
    expect((await updatePerson(it_, itAdmin, 'votingRights: true')).body.data?.updatePerson).toMatchObject({
      __typename: 'RuleViolation',
      rule: 'roster.voting_right_needs_member',
    });
    expect((await updatePerson(it_, itAdmin, 'votingRights: true, roles: [MEMBER, IT_ADMIN]')).body.data?.updatePerson).toMatchObject({
      __typename: 'RuleViolation',
      rule: 'roster.own_rights',
    });
    expect((await updatePerson(it_, itAdmin, 'roles: [CHAIR, IT_ADMIN]')).body.data?.updatePerson).toMatchObject({
      __typename: 'RuleViolation',
      rule: 'roster.own_rights',
    });
    // An it_admin-only person holds no voting right, whoever asks.
    const clerk = fixturePersonId('clerk');
    expect((await updatePerson(it_, clerk, 'roles: [IT_ADMIN], votingRights: true')).body.data?.updatePerson).toMatchObject({
      __typename: 'RuleViolation',
      rule: 'roster.voting_right_needs_member',
    });
    expect(await person(itAdmin)).toEqual(before);
    expect(await person(clerk)).toMatchObject({ roles: ['clerk'], votingRights: false });
    expect((await record()).length).toBe(entriesBefore);
    // Other members are unaffected: Jonas's ballot stands.
    expect((await me(jonasToken)).body.data?.me?.person?.id).toBe(jonas);
  });

  it('a web session follows its account too, and the development provider keeps a renamed person’s subject', async () => {
    const vogel = fixturePersonId('l.vogel');
    const hartmann = fixturePersonId('f.hartmann');
    const session = { cookie: (await loginSession(t.baseUrl, 'l.vogel')).cookie };
    expect((await me(session)).body.data?.me?.person?.id).toBe(vogel);
    // "l.vogel" now labels Hartmann; Vogel is "l.vogel2".
    expect((await updatePerson(it_, vogel, 'username: "l.vogel2"')).body.data?.updatePerson.__typename).toBe('MutationUpdatePersonSuccess');
    expect((await updatePerson(it_, hartmann, 'username: "l.vogel"')).body.data?.updatePerson.__typename).toBe('MutationUpdatePersonSuccess');
    // The session (whose row still says "l.vogel") is Vogel's account: still Vogel.
    expect((await me(session)).body.data?.me).toMatchObject({ username: 'l.vogel', person: { id: vogel, username: 'l.vogel2' } });
    // Vogel signs in under the new label with the same subject; the old label is Hartmann's account now.
    expect((await me({ cookie: (await loginSession(t.baseUrl, 'l.vogel2')).cookie })).body.data?.me?.person?.id).toBe(vogel);
    expect((await me({ cookie: (await loginSession(t.baseUrl, 'l.vogel')).cookie })).body.data?.me?.person?.id).toBe(hartmann);
    const bound = await bindings();
    expect(bound.filter((b) => b.person_id === vogel)).toEqual([{ subject: vogel, person_id: vogel }]);
  });

  it('lists people in bounded pages', async () => {
    const all = await gql<{ people: { id: string }[] }>(t.baseUrl, '{ people { id } }', {}, chair);
    expect(all.body.data!.people).toHaveLength(58);
    const page = await gql<{ people: { id: string }[] }>(t.baseUrl, '{ people(first: 2, offset: 3) { id } }', {}, chair);
    expect(page.body.data!.people).toEqual(all.body.data!.people.slice(3, 5));
    for (const args of ['first: 1001', 'first: 0', 'offset: -1']) {
      const refused = await gql(t.baseUrl, `{ people(${args}) { id } }`, {}, chair);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.body.data ?? null).toBeNull();
    }
  });
});
