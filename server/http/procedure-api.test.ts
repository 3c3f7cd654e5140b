import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { loginSession } from '../../test/support/oidc-login';
import { verifyChain } from '../domain/record';

const S = 'sitting-42';
type Headers = Record<string, string>;

/** Runs a procedural mutation and returns its typed result (data or error). */
async function act(t: TestApp, who: Headers, field: string, args = '', select = 'seq phase') {
  const q = `mutation { r: ${field}(sittingId: "${S}"${args ? `, ${args}` : ''}) { __typename ... on Error { code message } ... on RuleViolation { rule } ... on ${successName(field)} { data { ${select} } } } }`;
  const res = await gql<{ r: { __typename: string; code?: string; rule?: string; message?: string; data?: Record<string, unknown> } }>(t.baseUrl, q, {}, who);
  if (res.body.errors) throw new Error(`${field}: ${JSON.stringify(res.body.errors)}`);
  return res.body.data!.r;
}
const successName = (field: string) => `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
async function ok(t: TestApp, who: Headers, field: string, args = '', select = 'seq phase') {
  const r = await act(t, who, field, args, select);
  if (!r.__typename.endsWith('Success')) throw new Error(`${field} refused: ${r.rule ?? r.code}: ${r.message}`);
  return r.data!;
}

describe.each(testDatabaseKinds())('procedure over GraphQL (%s)', (kind) => {
  let t: TestApp;
  let chair: Headers, brandt: Headers, vogel: Headers, guest: Headers;

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    const login = async (u: string) => ({ cookie: (await loginSession(t.baseUrl, u)).cookie });
    [chair, brandt, vogel, guest] = (await Promise.all(['a.keller', 'j.brandt', 'l.vogel', 'minister'].map(login))) as unknown as [
      Headers,
      Headers,
      Headers,
      Headers,
    ];
  });
  afterAll(() => t?.stop());

  it('runs a debate with a point of order and a named vote to a published result', async () => {
    // Members vote, podium guests never; the chair refuses members the chair's actions.
    const refused = await gql(t.baseUrl, `mutation { openSitting(sittingId: "${S}") { __typename } }`, {}, brandt);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await ok(t, chair, 'openSitting');
    const agenda = await gql<{ sitting: { agenda: { id: string }[] } }>(t.baseUrl, `{ sitting(id: "${S}") { agenda { id } } }`, {}, chair);
    const item2 = agenda.body.data!.sitting.agenda[1]!.id;
    await ok(t, chair, 'callAgendaItem', `agendaItemId: "${item2}"`);
    for (const m of [chair, brandt, vogel]) await ok(t, m, 'joinSitting');

    const req = await ok(t, brandt, 'requestToSpeak', '', 'speakerList { requests { id person { username } } }');
    expect((req.speakerList as { requests: { person: { username: string } }[] }).requests.map((r) => r.person.username)).toEqual(['j.brandt']);
    const floor = await ok(t, chair, 'nextSpeaker', '', 'floor { person { username } kind limitSeconds elapsedSeconds }');
    expect(floor.floor).toMatchObject({ person: { username: 'j.brandt' }, kind: 'SPEECH' });

    const cats = await gql<{ sitting: { rulebook: { preset: string; pointOfOrderCategories: { id: string }[] } } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { rulebook { preset pointOfOrderCategories { id } } } }`,
      {},
      vogel,
    );
    const category = cats.body.data!.sitting.rulebook.pointOfOrderCategories[0]!.id;
    const raised = await ok(
      t,
      vogel,
      'raisePointOfOrder',
      `category: "${category}", text: "The speaker is not on the item."`,
      'pointsOfOrder { id person { username } }',
    );
    const point = (raised.pointsOfOrder as { id: string }[])[0]!;
    const po = await ok(t, chair, 'nextSpeaker', '', 'floor { person { username } kind }');
    expect(po.floor).toMatchObject({ person: { username: 'l.vogel' }, kind: 'POINT_OF_ORDER' });
    await ok(t, chair, 'decidePointOfOrder', `pointId: "${point.id}", decision: NOTED, note: "Noted."`);

    // A podium guest never votes.
    const draft = await gql<{ prepareVote: { data: { id: string } } }>(
      t.baseUrl,
      `mutation { prepareVote(sittingId: "${S}", input: { title: "Referral to the budget committee", kind: NAMED }) { ... on MutationPrepareVoteSuccess { data { id } } } }`,
      {},
      chair,
    );
    const voteId = draft.body.data!.prepareVote.data.id;
    await ok(t, guest, 'joinSitting');
    const opened = await ok(t, chair, 'openVote', `draftId: "${voteId}"`, 'openVote { id eligibleCount options { id meaning } }');
    const vote = opened.openVote as { eligibleCount: number; options: { id: string; meaning: string }[] };
    expect(vote.eligibleCount).toBe(3);
    const yes = vote.options.find((o) => o.meaning === 'YES')!.id;
    const no = vote.options.find((o) => o.meaning === 'NO')!.id;

    const cast = (who: Headers, optionId: string) =>
      gql<{ castVote: { __typename: string; rule?: string; data?: { seq: number; entryHash: string; code: string } } }>(
        t.baseUrl,
        `mutation { castVote(sittingId: "${S}", voteId: "${voteId}", optionId: "${optionId}") { __typename ... on RuleViolation { rule } ... on MutationCastVoteSuccess { data { seq entryHash code } } } }`,
        {},
        who,
      );
    const first = (await cast(brandt, yes)).body.data!.castVote;
    expect(first.__typename).toBe('MutationCastVoteSuccess');
    expect((await cast(brandt, yes)).body.data!.castVote).toEqual(first); // idempotent retry: the same receipt
    expect((await cast(brandt, no)).body.data!.castVote).toMatchObject({ __typename: 'RuleViolation', rule: 'vote.already_cast' });
    expect((await cast(guest, yes)).body.data!.castVote.__typename).toBe('RuleViolation');
    await cast(vogel, no);
    await cast(chair, yes);
    const closed = await ok(
      t,
      chair,
      'closeVote',
      `voteId: "${voteId}"`,
      'votes { status outcome result { outcome passed reasonCode counts { optionId count } } ballots { optionId person { username } } }',
    );
    const [published] = closed.votes as {
      status: string;
      outcome: string;
      result: { outcome: string; passed: boolean; reasonCode: string; counts: { optionId: string; count: number }[] };
      ballots: { person: { username: string } }[];
    }[];
    expect(published!.status).toBe('CLOSED');
    // 3 of 49 present, but under the Bundestag's rules the quorum is presumed until doubted (§ 45 BTGO): 2 yes, 1 no.
    expect(published!.outcome).toBe('ADOPTED');
    expect(published!.result).toMatchObject({ outcome: 'ADOPTED', passed: true, reasonCode: 'MAJORITY_REACHED' });
    expect(published!.result.counts.find((c) => c.optionId === yes)!.count).toBe(2);
    expect(published!.ballots.map((b) => b.person.username).sort()).toEqual(['a.keller', 'j.brandt', 'l.vogel']);

    const pub = await gql<{ publicSitting: { currentItem: { position: number }; closedVotes: { outcome: string; passed: boolean }[] } }>(
      t.baseUrl,
      `{ publicSitting(id: "${S}") { currentItem { position } closedVotes { outcome passed } } }`,
    );
    expect(pub.body.data!.publicSitting).toMatchObject({ currentItem: { position: 2 }, closedVotes: [{ outcome: 'ADOPTED', passed: true }] });
  });

  it('keeps a verifiable record and derives the protocol from it', async () => {
    const rec = await gql<{ sitting: { record: { seq: number; at: string; actorId: string | null; payload: never; prevHash: string; hash: string }[] } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { record { seq at actorId payload prevHash hash } } }`,
      {},
      chair,
    );
    const entries = rec.body.data!.sitting.record.map((e) => ({
      sittingId: S,
      seq: e.seq,
      at: e.at,
      actorId: e.actorId,
      event: e.payload,
      prevHash: e.prevHash,
      hash: e.hash,
    }));
    expect(entries.length).toBeGreaterThan(10);
    expect(verifyChain(entries)).toMatchObject({ ok: true });
    const json = await fetch(`${t.baseUrl}/api/sittings/${S}/protocol.json`, { headers: brandt });
    expect(json.status).toBe(200);
    expect(JSON.stringify(await json.json())).toContain('Referral to the budget committee');
    const pdf = await fetch(`${t.baseUrl}/api/sittings/${S}/protocol.pdf?lang=en`, { headers: brandt });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
    expect((await fetch(`${t.baseUrl}/api/sittings/${S}/protocol.json`)).status).toBe(401);
  });
});
