// A vote by show of hands and the member's list of drafts a named vote can be demanded on, over
// GraphQL against the whole server: who may enter counts, what counts are refused (and change nothing),
// and what the member's list says before and after a demand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { loginSession } from '../../test/support/oidc-login';

const S = 'sitting-42';
type Headers = Record<string, string>;
interface Answer {
  readonly __typename?: string;
  readonly rule?: string;
  readonly issues?: { path: string[] }[];
}

describe.each(testDatabaseKinds())('show of hands and named-vote demands over GraphQL (%s)', (kind) => {
  let t: TestApp;
  let chair: Headers, brandt: Headers, kuhn: Headers, guest: Headers;
  const anonymous: Headers = {};

  const prepare = async (input: string): Promise<string> => {
    const res = await gql<{ prepareVote: { __typename: string; data?: { id: string } } }>(
      t.baseUrl,
      `mutation { prepareVote(sittingId: "${S}", input: { ${input} }) { __typename ... on MutationPrepareVoteSuccess { data { id } } ... on InputError { issues { path } } } }`,
      {},
      chair,
    );
    const id = res.body.data?.prepareVote.data?.id;
    if (!id) throw new Error(JSON.stringify(res.body));
    return id;
  };
  const enterCounts = async (who: Headers, voteId: string, counts: unknown) => {
    const res = await gql<{ r: Answer & { data?: { votes: { id: string; status: string; closedAt: string | null }[] } } }>(
      t.baseUrl,
      `mutation ($voteId: ID!, $counts: [VoteCountInput!]!) { r: enterVoteCounts(sittingId: "${S}", voteId: $voteId, counts: $counts) {
        __typename ... on RuleViolation { rule } ... on InputError { issues { path } } ... on MutationEnterVoteCountsSuccess { data { votes { id status closedAt } } } } }`,
      { voteId, counts },
      who,
    );
    return res;
  };
  const demands = async (who: Headers) => {
    const res = await gql<{ sitting: { namedVoteDemands: Record<string, unknown>[] } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { namedVoteDemands { draftId title kind deadline deadlineAt demandBy refusal demandedByMine factionsDemanding membersDemanding membersNeeded valid } } }`,
      {},
      who,
    );
    return res;
  };
  const voteState = async (voteId: string) => {
    const res = await gql<{ sitting: { procedure: { votes: { id: string; status: string; result: { counts: { count: number }[] } | null }[] } } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { procedure { votes { id status result { counts { count } } } } } }`,
      {},
      chair,
    );
    return res.body.data!.sitting.procedure.votes.find((v) => v.id === voteId);
  };

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

  it('lists the drafts a member can demand a named vote on, with the deadline and the demand’s state', async () => {
    const draftId = await prepare('title: "Referral to the budget committee", kind: SHOW_OF_HANDS');
    await prepare('title: "Already named", kind: NAMED');
    const before = (await demands(brandt)).body.data!.sitting.namedVoteDemands;
    // The named draft is not listed: it is named already.
    expect(before.map((d) => d.title)).toEqual(['Referral to the budget committee']);
    expect(before[0]).toMatchObject({
      draftId,
      kind: 'SHOW_OF_HANDS',
      deadline: 'SITTING_START',
      demandBy: 'FACTION',
      refusal: null,
      demandedByMine: false,
      valid: false,
    });
    expect((await demands(guest)).body.data!.sitting.namedVoteDemands[0]).toMatchObject({ refusal: 'FORBIDDEN__NOT_MEMBER' });
    expect((await demands(anonymous)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await gql(t.baseUrl, `mutation { demandNamedVote(sittingId: "${S}", draftId: "${draftId}") { __typename } }`, {}, brandt);
    expect((await demands(brandt)).body.data!.sitting.namedVoteDemands[0]).toMatchObject({ demandedByMine: true, factionsDemanding: 1, valid: true });
    // Kuhn (CVP): another faction's demand stands; his own has not been made.
    expect((await demands(kuhn)).body.data!.sitting.namedVoteDemands[0]).toMatchObject({ demandedByMine: false, valid: true, refusal: null });
    await gql(t.baseUrl, `mutation { deleteVoteDraft(sittingId: "${S}", draftId: "${draftId}") }`, {}, chair);
  });

  it('prepares a show of hands only without a timer, closing on all voted, or running count', async () => {
    const res = await gql<{ prepareVote: Answer }>(
      t.baseUrl,
      `mutation { prepareVote(sittingId: "${S}", input: { title: "x", kind: SHOW_OF_HANDS, durationSeconds: 60 }) { __typename ... on InputError { issues { path } } } }`,
      {},
      chair,
    );
    expect(res.body.data!.prepareVote).toEqual({ __typename: 'InputError', issues: [{ path: ['durationSeconds'] }] });
  });

  it('the chair enters the counts of an open show of hands; every hostile call is refused and changes nothing', async () => {
    await gql(t.baseUrl, `mutation { openSitting(sittingId: "${S}") { __typename } }`, {}, chair);
    for (const who of [chair, brandt, kuhn]) await gql(t.baseUrl, `mutation { joinSitting(sittingId: "${S}") { __typename } }`, {}, who);
    const ballots = await prepare('title: "Ballots", kind: PSEUDONYMOUS');
    const voteId = await prepare('title: "Hands", kind: SHOW_OF_HANDS');
    const ok = [
      { optionId: 'yes', count: 2 },
      { optionId: 'no', count: 1 },
      { optionId: 'abstain', count: 0 },
    ];

    // Counts for a vote of ballots.
    await gql(t.baseUrl, `mutation { openVote(sittingId: "${S}", draftId: "${ballots}") { __typename } }`, {}, chair);
    expect((await enterCounts(chair, ballots, ok)).body.data!.r).toMatchObject({ rule: 'vote.not_show_of_hands' });
    await gql(t.baseUrl, `mutation { cancelVote(sittingId: "${S}", voteId: "${ballots}", reason: "wrong kind") { __typename } }`, {}, chair);

    const opened = await gql<{ openVote: { data: { openVote: { kind: string; eligibleToMe: boolean } } } }>(
      t.baseUrl,
      `mutation { openVote(sittingId: "${S}", draftId: "${voteId}") { ... on MutationOpenVoteSuccess { data { openVote { kind eligibleToMe } } } } }`,
      {},
      brandt,
    );
    // A member cannot open it (authorisation): opened by the chair next.
    expect(opened.body.data?.openVote?.data).toBeUndefined();
    const byChair = await gql<{ openVote: { data: { openVote: { kind: string } } } }>(
      t.baseUrl,
      `mutation { openVote(sittingId: "${S}", draftId: "${voteId}") { ... on MutationOpenVoteSuccess { data { openVote { kind } } } } }`,
      {},
      chair,
    );
    expect(byChair.body.data!.openVote.data.openVote.kind).toBe('SHOW_OF_HANDS');

    // Members cast nothing.
    const cast = await gql<{ castVote: Answer }>(
      t.baseUrl,
      `mutation { castVote(sittingId: "${S}", voteId: "${voteId}", optionId: "yes") { __typename ... on RuleViolation { rule } } }`,
      {},
      brandt,
    );
    expect(cast.body.data!.castVote).toMatchObject({ rule: 'vote.show_of_hands_no_ballots' });

    // Wrong role: member, podium guest, nobody signed in.
    for (const who of [brandt, guest, anonymous]) {
      const res = await enterCounts(who, voteId, ok);
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(res.body.errors?.[0]?.extensions?.code);
    }
    const refusedInput = async (counts: unknown) => (await enterCounts(chair, voteId, counts)).body;
    // Negative, huge (beyond any house), duplicate, missing, unknown option.
    expect((await refusedInput([{ optionId: 'yes', count: -1 }, ...ok.slice(1)])).data!.r).toMatchObject({ issues: [{ path: ['counts', '0', 'count'] }] });
    expect((await refusedInput([{ optionId: 'yes', count: 2_000_000_000 }, ...ok.slice(1)])).data!.r).toMatchObject({
      issues: [{ path: ['counts', '0', 'count'] }],
    });
    expect((await refusedInput([...ok, { optionId: 'yes', count: 1 }])).data!.r).toMatchObject({ issues: [{ path: ['counts', '3', 'optionId'] }] });
    expect((await refusedInput(ok.slice(0, 2))).data!.r).toMatchObject({ issues: [{ path: ['counts'] }] });
    expect((await refusedInput([...ok, { optionId: 'maybe', count: 0 }])).data!.r).toMatchObject({ rule: 'vote.unknown_option' });
    expect((await refusedInput([{ optionId: 'yes\u0007', count: 1 }])).data!.r).toMatchObject({ __typename: 'InputError' });
    expect((await enterCounts(chair, 'vote\u0000x', ok)).body.data!.r).toMatchObject({ __typename: 'InputError' });
    // More hands than the 3 present members with voting rights.
    expect((await refusedInput([{ optionId: 'yes', count: 3 }, ...ok.slice(1)])).data!.r).toMatchObject({ rule: 'vote.counts_exceed_eligible' });
    // Fractional and non-numeric counts: GraphQL's Int refuses them before the resolver.
    for (const count of [1.5, 'two', null]) {
      const body = await refusedInput([{ optionId: 'yes', count }, ...ok.slice(1)]);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.message).toContain('counts[0].count');
    }
    expect(await voteState(voteId)).toMatchObject({ status: 'OPEN', result: null });

    // The chair may not close it without counts.
    const close = await gql<{ closeVote: Answer }>(
      t.baseUrl,
      `mutation { closeVote(sittingId: "${S}", voteId: "${voteId}") { __typename ... on RuleViolation { rule } } }`,
      {},
      chair,
    );
    expect(close.body.data!.closeVote).toMatchObject({ rule: 'vote.show_of_hands_counts_required' });

    const entered = await enterCounts(chair, voteId, ok);
    expect(entered.body.data!.r.__typename).toBe('MutationEnterVoteCountsSuccess');
    expect(await voteState(voteId)).toMatchObject({ status: 'CLOSED', result: { counts: [{ count: 2 }, { count: 1 }, { count: 0 }] } });
    // A closed vote takes no counts.
    expect((await enterCounts(chair, voteId, ok)).body.data!.r).toMatchObject({ rule: 'vote.not_open' });

    const record = await gql<{ sitting: { record: { kind: string; actorId: string | null; payload: { closedBy?: string; enteredBy?: { name: string } } }[] } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { record(afterSeq: 0, first: 500) { kind actorId payload } } }`,
      {},
      chair,
    );
    const last = record.body.data!.sitting.record.at(-1)!;
    expect(last).toMatchObject({ kind: 'vote.closed', payload: { closedBy: 'counts_entered', enteredBy: { name: 'Anna Keller' } } });
  });
});
