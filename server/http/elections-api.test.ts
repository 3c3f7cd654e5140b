/**
 * An election over GraphQL in the demo parliament (Bundestag rules, 49 statutory members): prepared with
 * candidates and seats, three rounds opened by the chair with one action each, the third elects; the
 * hostile drafts and next-round commands are refused and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { loginSession } from '../../test/support/oidc-login';
import { listVoteDrafts } from '../db/votes';
import { textLimits } from '@contract/text-limits';

const S = 'sitting-42';
type Headers = Record<string, string>;
type Answer = { __typename: string; rule?: string; issues?: { path: string[]; message: string }[]; data?: Record<string, unknown> };

const answer = (success: string, select: string) =>
  `{ __typename ... on InputError { issues { path message } } ... on RuleViolation { rule } ... on ${success} { data { ${select} } } }`;

describe.each(testDatabaseKinds())('an election over GraphQL (%s)', (kind) => {
  let t: TestApp;
  let chair: Headers, brandt: Headers, kuhn: Headers, jung: Headers;

  async function run(who: Headers, field: string, args: string, select: string, variables: Record<string, unknown> = {}, decl = ''): Promise<Answer> {
    const success = `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
    const q = `mutation${decl} { r: ${field}(sittingId: "${S}", ${args}) ${answer(success, select)} }`;
    const res = await gql<{ r: Answer }>(t.baseUrl, q, variables, who);
    if (res.body.errors) throw new Error(`${field}: ${JSON.stringify(res.body.errors)}`);
    return res.body.data!.r;
  }
  const prepare = (who: Headers, input: Record<string, unknown>) =>
    run(who, 'prepareVote', 'input: $input', 'id election { seats } options { id label meaning }', { input }, '($input: VoteDraftInput!)');
  const candidates = (...names: string[]) => names.map((label) => ({ label, meaning: 'YES' }));
  const vote = async (who: Headers, voteId: string, optionId: string) => {
    const res = await gql<{ castVote: { __typename: string } }>(
      t.baseUrl,
      `mutation { castVote(sittingId: "${S}", voteId: "${voteId}", optionId: "${optionId}") { __typename } }`,
      {},
      who,
    );
    expect(res.body.data!.castVote.__typename).toBe('MutationCastVoteSuccess');
  };
  const result =
    'votes { id election { round seats previousVoteId rule { majority candidates tie } } options { id label meaning } outcome result { elected election { round majority needed lot { among drawn } next { round candidates rule { majority } } } } }';
  type VoteData = {
    id: string;
    election: { round: number; previousVoteId: string | null; rule: { majority: string } } | null;
    options: { id: string; label: string; meaning: string }[];
    outcome: string | null;
    result: {
      elected: string[] | null;
      election: { round: number; needed: number; lot: unknown; next: { round: number; candidates: string[] } | null } | null;
    } | null;
  };
  const close = async (voteId: string): Promise<VoteData> => {
    const closed = await run(chair, 'closeVote', `voteId: "${voteId}"`, result);
    return (closed.data!.votes as VoteData[]).find((v) => v.id === voteId)!;
  };
  const next = async (voteId: string): Promise<VoteData> => {
    const opened = await run(chair, 'openNextElectionRound', `voteId: "${voteId}"`, 'openVote { id }');
    expect(opened.__typename).toBe('MutationOpenNextElectionRoundSuccess');
    const id = (opened.data!.openVote as { id: string }).id;
    const all = await gql<{ sitting: { procedure: { votes: VoteData[] } } }>(t.baseUrl, `{ sitting(id: "${S}") { procedure { ${result} } } }`, {}, chair);
    return all.body.data!.sitting.procedure.votes.find((v) => v.id === id)!;
  };

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    const login = async (u: string) => ({ cookie: (await loginSession(t.baseUrl, u)).cookie });
    [chair, brandt, kuhn, jung] = (await Promise.all(['a.keller', 'j.brandt', 'f.kuhn', 'm.jung'].map(login))) as unknown as [
      Headers,
      Headers,
      Headers,
      Headers,
    ];
  });
  afterAll(() => t?.stop());

  it('refuses hostile drafts with a typed error and stores nothing', async () => {
    const before = (await listVoteDrafts(t.app.database.db, S)).length;
    const title = 'Election of the President';
    for (const seats of [0, -1, 51]) {
      expect(await prepare(chair, { title, kind: 'NAMED', options: candidates('A', 'B'), election: { seats } })).toMatchObject({ __typename: 'InputError' });
    }
    expect(await prepare(chair, { title, kind: 'NAMED', options: candidates('A', 'B'), election: { seats: 3 } })).toMatchObject({
      __typename: 'InputError',
      issues: [{ path: ['input', 'election', 'seats'] }],
    });
    expect(await prepare(chair, { title, kind: 'NAMED', options: candidates('Anna Berg', 'ANNA BERG'), election: { seats: 1 } })).toMatchObject({
      __typename: 'InputError',
    });
    expect(await prepare(chair, { title, kind: 'NAMED', options: [], election: { seats: 1 } })).toMatchObject({ __typename: 'InputError' });
    const many = candidates(...Array.from({ length: 500 }, (_, i) => `Candidate ${i}`));
    expect(await prepare(chair, { title, kind: 'NAMED', options: many, election: { seats: 1 } })).toMatchObject({ __typename: 'InputError' });
    expect(
      await prepare(chair, { title, kind: 'NAMED', options: [...candidates('A'), { label: 'Nobody', meaning: 'NO' }], election: { seats: 1 } }),
    ).toMatchObject({
      __typename: 'InputError',
    });
    for (const bad of ['Anna\u0000Berg', 'Anna\u001b[31mBerg', 'Anna\u202eBerg', 'x'.repeat(textLimits.optionLabel + 1)]) {
      expect(await prepare(chair, { title, kind: 'NAMED', options: candidates(bad, 'B'), election: { seats: 1 } })).toMatchObject({ __typename: 'InputError' });
    }
    // A round opened from a vote id that is no id, or from no vote: a typed refusal.
    for (const voteId of ['\u0000', 'x'.repeat(5000), '']) {
      const r = await run(chair, 'openNextElectionRound', 'voteId: $v', 'seq', { v: voteId }, '($v: ID!)');
      expect(r.__typename).toBe('InputError');
    }
    expect((await run(chair, 'openNextElectionRound', 'voteId: "no-such-vote"', 'seq')).__typename).toMatch(/NotFoundError|RuleViolation/);
    // A member prepares no vote.
    const member = await gql<{ r: { __typename: string } }>(
      t.baseUrl,
      `mutation($input: VoteDraftInput!) { r: prepareVote(sittingId: "${S}", input: $input) { __typename } }`,
      { input: { title, kind: 'NAMED', options: candidates('A', 'B'), election: { seats: 1 } } },
      brandt,
    );
    expect(member.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await listVoteDrafts(t.app.database.db, S)).length).toBe(before);
  });

  it('runs three rounds, each opened by the chair with one action; the third elects', async () => {
    const prepared = await prepare(chair, {
      title: 'Election of the President',
      kind: 'NAMED',
      options: candidates('Anna Berg', 'Carl Dorn', 'Eva Falk'),
      election: { seats: 1 },
    });
    expect(prepared.__typename).toBe('MutationPrepareVoteSuccess');
    const draft = prepared.data as { id: string; election: { seats: number }; options: { id: string }[] };
    expect(draft.election).toEqual({ seats: 1 });
    const [anna, carl, eva] = draft.options.map((o) => o.id) as [string, string, string];

    expect((await run(chair, 'openSitting', '', 'seq')).__typename).toBe('MutationOpenSittingSuccess');
    for (const who of [chair, brandt, kuhn, jung]) await gql(t.baseUrl, `mutation { joinSitting(sittingId: "${S}") { __typename } }`, {}, who);
    expect((await run(chair, 'openVote', `draftId: "${draft.id}"`, 'seq')).__typename).toBe('MutationOpenVoteSuccess');
    expect(await run(chair, 'openNextElectionRound', `voteId: "${draft.id}"`, 'seq')).toMatchObject({ rule: 'election.round_open' });

    await vote(brandt, draft.id, anna);
    await vote(kuhn, draft.id, carl);
    await vote(jung, draft.id, eva);
    const first = await close(draft.id);
    // 49 statutory members: 25 needed; the second round stands with all three.
    expect(first).toMatchObject({
      outcome: 'NO_ONE_ELECTED',
      election: { round: 1, rule: { majority: 'MEMBERS', candidates: 'ALL', tie: 'NEXT_ROUND' } },
      result: { elected: [], election: { round: 1, needed: 25, lot: null, next: { round: 2, candidates: [anna, carl, eva] } } },
    });
    // A member opens no round: refused before the command (the chair's team only).
    const member = await gql(t.baseUrl, `mutation { openNextElectionRound(sittingId: "${S}", voteId: "${draft.id}") { __typename } }`, {}, brandt);
    expect(member.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The chair console learns which round may follow, with the candidates by name.
    const openable = await gql<{ sitting: { procedure: { nextElectionRound: unknown } } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { procedure { nextElectionRound { fromVoteId round candidates { label } } } } }`,
      {},
      chair,
    );
    expect(openable.body.data!.sitting.procedure.nextElectionRound).toEqual({
      fromVoteId: draft.id,
      round: 2,
      candidates: [{ label: 'Anna Berg' }, { label: 'Carl Dorn' }, { label: 'Eva Falk' }],
    });
    const second = await next(draft.id);
    expect(second.election).toMatchObject({ round: 2, previousVoteId: draft.id });
    await vote(brandt, second.id, anna);
    await vote(kuhn, second.id, anna);
    await vote(jung, second.id, carl);
    expect((await close(second.id)).result?.election?.next).toEqual({ round: 3, candidates: [anna, carl], rule: { majority: 'MOST_VOTES' } });

    const third = await next(second.id);
    expect(third.options.map((o) => o.label)).toEqual(['Anna Berg', 'Carl Dorn', 'No', 'Abstain']);
    expect(await run(chair, 'openNextElectionRound', `voteId: "${second.id}"`, 'seq')).toMatchObject({ rule: 'election.round_superseded' });
    await vote(brandt, third.id, anna);
    await vote(kuhn, third.id, anna);
    await vote(jung, third.id, carl);
    const elected = await close(third.id);
    expect(elected).toMatchObject({ outcome: 'ELECTED', result: { elected: [anna], election: { round: 3, needed: 1, next: null } } });
    expect(await run(chair, 'openNextElectionRound', `voteId: "${third.id}"`, 'seq')).toMatchObject({ rule: 'election.decided' });

    // The public viewer names who was elected, and in which round.
    const pub = await gql<{ publicSitting: { closedVotes: { title: string; electionRound: number | null; elected: string[]; outcome: string }[] } }>(
      t.baseUrl,
      `{ publicSitting(id: "${S}") { closedVotes { title electionRound elected outcome } } }`,
    );
    expect(pub.body.data!.publicSitting.closedVotes.map((v) => [v.electionRound, v.outcome, v.elected])).toEqual([
      [3, 'ELECTED', ['Anna Berg']],
      [2, 'NO_ONE_ELECTED', []],
      [1, 'NO_ONE_ELECTED', []],
    ]);
  });
});
