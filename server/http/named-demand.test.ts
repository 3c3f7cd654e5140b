import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { loginSession } from '../../test/support/oidc-login';

const S = 'sitting-42';
type Headers = Record<string, string>;
type Result = { __typename: string; rule?: string; data?: Record<string, unknown> };

async function mutate(t: TestApp, who: Headers, field: string, args: string, select = 'seq phase'): Promise<Result> {
  const success = `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
  const q = `mutation { r: ${field}(sittingId: "${S}"${args ? `, ${args}` : ''}) { __typename ... on RuleViolation { rule } ... on ${success} { data { ${select} } } } }`;
  const res = await gql<{ r: Result }>(t.baseUrl, q, {}, who);
  if (res.body.errors) throw new Error(`${field}: ${JSON.stringify(res.body.errors)}`);
  return res.body.data!.r;
}

describe.each(testDatabaseKinds())('demanding a named vote over GraphQL (%s)', (kind) => {
  let t: TestApp;
  let chair: Headers, brandt: Headers, kuhn: Headers, guest: Headers;

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    const login = async (u: string) => ({ cookie: (await loginSession(t.baseUrl, u)).cookie });
    [chair, brandt, kuhn, guest] = (await Promise.all(['a.keller', 'j.brandt', 'f.kuhn', 'minister'].map(login))) as unknown as [
      Headers,
      Headers,
      Headers,
      Headers,
    ];
  });
  afterAll(() => t?.stop());

  it('a faction demands before the sitting starts (BT § 52); the pseudonymous draft opens as named and lists names', async () => {
    const prepared = await gql<{ prepareVote: { data: { id: string; namedDemanded: boolean } } }>(
      t.baseUrl,
      `mutation { prepareVote(sittingId: "${S}", input: { title: "Referral to the budget committee", kind: PSEUDONYMOUS }) { ... on MutationPrepareVoteSuccess { data { id namedDemanded } } } }`,
      {},
      chair,
    );
    const draft = prepared.body.data!.prepareVote.data;
    expect(draft.namedDemanded).toBe(false);

    expect(await mutate(t, guest, 'demandNamedVote', `draftId: "${draft.id}"`)).toMatchObject({ __typename: 'RuleViolation', rule: 'forbidden.not_member' });
    expect((await mutate(t, brandt, 'demandNamedVote', `draftId: "${draft.id}"`)).__typename).toBe('MutationDemandNamedVoteSuccess');
    const drafts = await gql<{ sitting: { voteDrafts: { id: string; kind: string; namedDemanded: boolean }[] } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { voteDrafts { id kind namedDemanded } } }`,
      {},
      chair,
    );
    expect(drafts.body.data!.sitting.voteDrafts.find((d) => d.id === draft.id)).toEqual({ id: draft.id, kind: 'PSEUDONYMOUS', namedDemanded: true });

    expect((await mutate(t, chair, 'openSitting', '')).__typename).toBe('MutationOpenSittingSuccess');
    for (const who of [chair, brandt, kuhn]) await gql(t.baseUrl, `mutation { joinSitting(sittingId: "${S}") { __typename } }`, {}, who);
    // BT: by the start of the sitting; once open, too late.
    expect(await mutate(t, kuhn, 'demandNamedVote', `draftId: "${draft.id}"`)).toMatchObject({ __typename: 'RuleViolation', rule: 'vote.named_demand_late' });

    const opened = await mutate(t, chair, 'openVote', `draftId: "${draft.id}"`, 'openVote { id kind options { id meaning } }');
    const vote = opened.data!.openVote as { kind: string; options: { id: string; meaning: string }[] };
    expect(vote.kind).toBe('NAMED');
    const yes = vote.options.find((o) => o.meaning === 'YES')!.id;
    for (const who of [brandt, kuhn]) {
      const cast = await gql<{ castVote: { __typename: string; data?: { pseudonym: string | null } } }>(
        t.baseUrl,
        `mutation { castVote(sittingId: "${S}", voteId: "${draft.id}", optionId: "${yes}") { __typename ... on MutationCastVoteSuccess { data { pseudonym } } } }`,
        {},
        who,
      );
      expect(cast.body.data!.castVote).toEqual({ __typename: 'MutationCastVoteSuccess', data: { pseudonym: null } });
    }
    const closed = await mutate(t, chair, 'closeVote', `voteId: "${draft.id}"`, 'votes { kind ballots { pseudonym person { username } } }');
    const [published] = closed.data!.votes as { kind: string; ballots: { pseudonym: string | null; person: { username: string } }[] }[];
    expect(published!.kind).toBe('NAMED');
    expect(published!.ballots.map((b) => b.person.username).sort()).toEqual(['f.kuhn', 'j.brandt']);
  });
});
