import { describe, expect, it } from 'vitest';
import { bundestag2025 } from '../rulebook/presets';
import { InputError, NotFoundError } from '../errors';
import { buildProtocol, type ProtocolVote } from '../protocol/protocol';
import { chainEntries, GENESIS_HASH } from '../record';
import type { ProcedureCommand } from './commands';
import { votesView } from './views';
import { allMembers, Chamber, chair, draft, ruleOf as rule, sittingContext } from './spec-support';

const hands = draft({ kind: 'show_of_hands' });
const openHands = (c: Chamber, over: Parameters<typeof draft>[0] = {}) => c.run(chair, { kind: 'vote.open', draft: { ...hands, ...over } });
const enter = (counts: { optionId: string; count: number }[], voteId = 'vote-1'): ProcedureCommand => ({ kind: 'vote.enter_counts', voteId, counts });
const yesNoAbstain = (yes: number, no: number, abstain: number) => [
  { optionId: 'yes', count: yes },
  { optionId: 'no', count: no },
  { optionId: 'abstain', count: abstain },
];
/** The InputError's paths, or a failure when none is thrown. */
function inputPaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.issues.map((i) => i.path.join('.'));
    throw e;
  }
  throw new Error('no input error');
}

describe('a vote by show of hands (the chair counts)', () => {
  it('opens from a draft like any vote; members cast nothing; the chair may not close it without counts', () => {
    const c = new Chamber().open(allMembers(sittingContext()).slice(0, 30));
    expect(openHands(c)[0]).toMatchObject({ kind: 'vote.opened', definition: { kind: 'show_of_hands' }, eligible: expect.any(Array) });
    expect(rule(() => c.decide('j.brandt', { kind: 'vote.cast', voteId: 'vote-1', optionId: 'yes', pseudonym: null }))).toBe('vote.show_of_hands_no_ballots');
    expect(rule(() => c.decide(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' }))).toBe('vote.show_of_hands_counts_required');
    // Cancelling stays possible.
    expect(c.decide(chair, { kind: 'vote.cancel', voteId: 'vote-1', reason: 'Zählung unklar' })).toHaveLength(1);
  });

  it('the counts close it with the same majority rules, name who entered them, and publish no ballots and no faction table', () => {
    const c = new Chamber().open(allMembers(sittingContext()).slice(0, 30));
    openHands(c);
    const [closed] = c.run(chair, enter(yesNoAbstain(16, 10, 4)));
    expect(closed).toEqual({
      kind: 'vote.closed',
      voteId: 'vote-1',
      closedBy: 'counts_entered',
      result: expect.objectContaining({
        passed: true,
        reasonCode: 'majority_reached',
        counts: yesNoAbstain(16, 10, 4),
        perFaction: [],
        eligible: 30,
        cast: 30,
        quorate: true,
      }),
      enteredBy: { personId: chair, name: 'Anna Keller', factionId: 'sda', factionShortName: 'SDA' },
    });
    const [view] = votesView(c.state, c.sitting);
    expect(view).toMatchObject({ status: 'closed', closedBy: 'counts_entered', cast: 30, ballots: null });
    // A tie fails a simple majority, as for ballots.
    const tie = new Chamber().open(allMembers(sittingContext()).slice(0, 30));
    openHands(tie);
    expect(tie.run(chair, enter(yesNoAbstain(12, 12, 0)))[0]).toMatchObject({ result: { passed: false, reasonCode: 'tie' } });
  });

  it('quorum as for other votes: judged at opening, 20 of 49 present and 20 hands decide nothing', () => {
    const atOpening = { ...bundestag2025, quorum: { ...bundestag2025.quorum, judgedAt: 'opening' as const, whenNotQuorate: 'continue' as const } };
    const c = new Chamber(sittingContext(atOpening)).open(allMembers(sittingContext()).slice(0, 20));
    expect(openHands(c)[0]).toMatchObject({ quorate: false });
    // BT: quorum is half the statutory 49 → 25; 20 hands are not enough.
    expect(c.run(chair, enter(yesNoAbstain(15, 5, 0)))[0]).toMatchObject({ result: { passed: false, reasonCode: 'no_quorum', quorate: false } });
  });

  it('refuses bad counts and changes nothing: negative, fractional, unsafe, missing, twice, unknown, above the members entitled', () => {
    const c = new Chamber().open(allMembers(sittingContext()).slice(0, 30));
    openHands(c);
    const before = c.state;
    expect(inputPaths(() => c.decide(chair, enter(yesNoAbstain(-1, 10, 0))))).toEqual(['counts.0.count']);
    expect(inputPaths(() => c.decide(chair, enter(yesNoAbstain(1.5, 10, 0))))).toEqual(['counts.0.count']);
    expect(inputPaths(() => c.decide(chair, enter(yesNoAbstain(Number.MAX_SAFE_INTEGER + 2, 0, 0))))).toEqual(['counts.0.count']);
    expect(inputPaths(() => c.decide(chair, enter(yesNoAbstain(Number.NaN, 0, 0))))).toEqual(['counts.0.count']);
    expect(inputPaths(() => c.decide(chair, enter([{ optionId: 'yes', count: 3 }])))).toEqual(['counts', 'counts']);
    expect(inputPaths(() => c.decide(chair, enter([...yesNoAbstain(1, 1, 1), { optionId: 'no', count: 2 }])))).toEqual(['counts.3.optionId']);
    expect(rule(() => c.decide(chair, enter([...yesNoAbstain(1, 1, 1), { optionId: 'maybe', count: 1 }])))).toBe('vote.unknown_option');
    expect(inputPaths(() => c.decide(chair, enter([{ optionId: 'yes\u0000', count: 1 }])))).toEqual(['counts.0.optionId']);
    // 30 present with voting rights when it opened: 31 hands cannot be.
    expect(rule(() => c.decide(chair, enter(yesNoAbstain(20, 10, 1))))).toBe('vote.counts_exceed_eligible');
    expect(c.decide(chair, enter(yesNoAbstain(20, 10, 0)))).toHaveLength(1);
    expect(c.state).toBe(before);
  });

  it('only the chair’s team enters counts, only for an open show of hands', () => {
    const c = new Chamber().open(allMembers(sittingContext()).slice(0, 30));
    openHands(c);
    for (const who of ['j.brandt', 'minister', 'clerk', null]) expect(rule(() => c.decide(who, enter(yesNoAbstain(1, 1, 1))))).toBe('forbidden.chair_only');
    expect(c.decide('moderator', enter(yesNoAbstain(1, 1, 1)))).toHaveLength(1);
    c.run(chair, enter(yesNoAbstain(1, 1, 1)));
    expect(rule(() => c.decide(chair, enter(yesNoAbstain(1, 1, 1))))).toBe('vote.not_open');
    expect(() => c.decide(chair, enter(yesNoAbstain(1, 1, 1), 'nope'))).toThrow(NotFoundError);
  });

  it('refuses counts for a vote of ballots', () => {
    const c = new Chamber().open(allMembers(sittingContext()).slice(0, 30));
    c.run(chair, { kind: 'vote.open', draft: draft({ kind: 'pseudonymous' }) });
    expect(rule(() => c.decide(chair, enter(yesNoAbstain(1, 1, 1))))).toBe('vote.not_show_of_hands');
  });

  it('has no timer, no closing when all have voted, no running count', () => {
    const c = new Chamber().open(['j.brandt']);
    expect(inputPaths(() => openHands(c, { durationSeconds: 60 }))).toEqual(['durationSeconds']);
    expect(inputPaths(() => openHands(c, { autoCloseWhenAllVoted: true }))).toEqual(['autoCloseWhenAllVoted']);
    expect(inputPaths(() => openHands(c, { live: true }))).toEqual(['live']);
  });

  it('a valid demand for a named vote makes a prepared show of hands named', () => {
    const c = new Chamber();
    c.run('j.brandt', { kind: 'vote.demand_named', draftId: 'vote-1', category: null });
    c.open(['j.brandt']);
    expect(openHands(c)[0]).toMatchObject({ definition: { kind: 'named' } });
  });

  it('the protocol says the chair counted by show of hands and who entered the counts, with no ballots', () => {
    const c = new Chamber().open(allMembers(sittingContext()).slice(0, 30));
    openHands(c);
    c.run('moderator', enter(yesNoAbstain(16, 10, 4)));
    const entries = chainEntries(GENESIS_HASH, 1, 'sitting-42', c.entries).map(({ content, prevHash, hash }) => ({ ...content, prevHash, hash }));
    const p = buildProtocol({
      sitting: { id: 'sitting-42', number: 42, title: '42. Sitzung', startsAt: '2026-12-03T08:00:00.000Z' },
      parliamentName: 'Landtag von Nordmark',
      agenda: [],
      entries,
    });
    const vote = p.sections.flatMap((s) => s.proceedings).find((x): x is ProtocolVote => x.kind === 'vote');
    expect(vote).toMatchObject({
      voteKind: 'show_of_hands',
      closed: { by: 'counts_entered', actor: { personId: 'moderator', name: expect.any(String) } },
      result: {
        counts: [
          { optionId: 'yes', count: 16 },
          { optionId: 'no', count: 10 },
          { optionId: 'abstain', count: 4 },
        ],
        perFaction: [],
        recountMatches: true,
      },
      ballots: null,
    });
  });
});
