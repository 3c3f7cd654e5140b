import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../errors';
import type { Rulebook } from '../rulebook';
import { bundestag2025, municipalCouncil } from '../rulebook/presets';
import { allMembers, Chamber, chair, draft, membersOf, ruleOf as rule, sittingContext } from './spec-support';
import { votesView } from './views';

/** A house where 3 members make a quorum, for results that are not about quorum. */
const smallQuorum: Rulebook = { ...bundestag2025, quorum: { ...bundestag2025.quorum, fraction: 0.05 } };
const few = ['a.keller', 'j.brandt', 'f.kuhn', 'm.jung', 'j.thiel', 'l.noack'];

function sitting(rulebook: Rulebook = bundestag2025, present: readonly string[] = few): Chamber {
  return new Chamber(sittingContext(rulebook)).open([...present, 'minister', 'interpreter.en1', 'clerk', 'moderator']);
}
const cast = (c: Chamber, personId: string, optionId: string, pseudonym: string | null = null) =>
  c.run(personId, { kind: 'vote.cast', voteId: 'vote-1', optionId, pseudonym });

describe('opening a vote', () => {
  it('opens a draft with one action: yes/no/abstain, the default majority, the electorate frozen', () => {
    const c = sitting();
    expect(rule(() => c.decide('j.brandt', { kind: 'vote.open', draft: draft() }))).toBe('forbidden.chair_only');
    const [e] = c.run(chair, { kind: 'vote.open', draft: draft({ durationSeconds: 90 }) });
    expect(e).toEqual({
      kind: 'vote.opened',
      definition: {
        voteId: 'vote-1',
        agendaItemId: 'item-2',
        title: 'Budget Act 2027, first reading: referral',
        kind: 'named',
        options: [
          { id: 'yes', label: 'Yes', meaning: 'yes' },
          { id: 'no', label: 'No', meaning: 'no' },
          { id: 'abstain', label: 'Abstain', meaning: 'abstain' },
        ],
        majority: 'simple',
        live: false,
        durationSeconds: 90,
        autoCloseWhenAllVoted: false,
        statutoryMembers: 49,
      },
      // Members present with voting rights only: no guest, interpreter, clerk or moderator.
      eligible: few.map((personId) => expect.objectContaining({ personId })),
      closesAt: '2026-12-03T08:01:30.000Z',
      // 6 of 49 present; the Bundestag preset warns.
      quorate: false,
    });
    expect(rule(() => c.decide(chair, { kind: 'vote.open', draft: draft({ id: 'vote-2' }) }))).toBe('vote.already_open');
  });

  it('leaves abstention out when the draft or the rules say so', () => {
    const c = sitting();
    const [e] = c.decide(chair, { kind: 'vote.open', draft: draft({ abstention: false }) });
    expect(e?.kind === 'vote.opened' && e.definition.options.map((o) => o.id)).toEqual(['yes', 'no']);
    const strict = sitting({ ...bundestag2025, votes: { ...bundestag2025.votes, abstentionAllowed: false } });
    const [f] = strict.decide(chair, { kind: 'vote.open', draft: draft() });
    expect(f?.kind === 'vote.opened' && f.definition.options.map((o) => o.id)).toEqual(['yes', 'no']);
    const abstain = [
      { id: 'a', label: 'Bill A', meaning: 'yes' },
      { id: 'x', label: 'Abstain', meaning: 'abstain' },
    ] as const;
    expect(rule(() => strict.decide(chair, { kind: 'vote.open', draft: draft({ options: abstain }) }))).toBe('vote.abstention_not_allowed');
  });

  it('checks custom options, title, duration, agenda item and majority', () => {
    const c = sitting();
    const bad = [
      draft({ options: [{ id: 'a', label: 'A', meaning: 'yes' }] }),
      draft({
        options: [
          { id: 'a', label: 'A', meaning: 'yes' },
          { id: 'a', label: 'B', meaning: 'yes' },
        ],
      }),
      draft({
        options: [
          { id: 'a', label: 'A', meaning: 'yes' },
          { id: 'b', label: ' ', meaning: 'no' },
        ],
      }),
      draft({
        options: [
          { id: 'a', label: 'A', meaning: 'yes' },
          { id: 'b', label: 'B', meaning: 'maybe' as never },
        ],
      }),
      draft({ title: '  ' }),
      draft({ durationSeconds: 0 }),
      draft({ durationSeconds: 2.5 }),
      draft({ majority: 'unanimous' as never }),
    ];
    for (const d of bad) expect(() => c.decide(chair, { kind: 'vote.open', draft: d })).toThrow(InputError);
    expect(() => c.decide(chair, { kind: 'vote.open', draft: draft({ agendaItemId: 'item-99' }) })).toThrow(NotFoundError);
    const [e] = c.decide(chair, {
      kind: 'vote.open',
      draft: draft({
        majority: 'two_thirds_members',
        options: [
          { id: 'a', label: 'Bill A', meaning: 'yes' },
          { id: 'b', label: 'Bill B', meaning: 'yes' },
        ],
      }),
    });
    expect(e).toMatchObject({ definition: { majority: 'two_thirds_members', options: [{ id: 'a' }, { id: 'b' }] } });
  });

  it('refuses a vote without quorum where the rules say so (council), and needs someone to vote', () => {
    const council = sitting(municipalCouncil);
    expect(rule(() => council.decide(chair, { kind: 'vote.open', draft: draft() }))).toBe('vote.no_quorum');
    const everyone = allMembers(sittingContext());
    const quorate = sitting(municipalCouncil, everyone.slice(0, 25));
    expect(quorate.decide(chair, { kind: 'vote.open', draft: draft() })[0]).toMatchObject({ quorate: true });
    const empty = sitting({ ...municipalCouncil, quorum: { ...municipalCouncil.quorum, onVoteWithoutQuorum: 'warn' } }, []);
    expect(rule(() => empty.decide(chair, { kind: 'vote.open', draft: draft() }))).toBe('vote.no_eligible_voters');
  });

  it('refuses a named vote on a category the rules exclude (§ 53 BTGO); pseudonymous is fine', () => {
    const c = sitting();
    expect(rule(() => c.decide(chair, { kind: 'vote.open', draft: draft({ category: 'adjournment_of_debate' }) }))).toBe('vote.named_excluded');
    expect(c.decide(chair, { kind: 'vote.open', draft: draft({ category: 'adjournment_of_debate', kind: 'pseudonymous' }) })).toHaveLength(1);
  });

  it('opens each draft once', () => {
    const c = sitting();
    c.run(chair, { kind: 'vote.open', draft: draft() });
    c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(rule(() => c.decide(chair, { kind: 'vote.open', draft: draft() }))).toBe('vote.already_opened');
  });
});

describe('casting ballots', () => {
  it('a named ballot carries the voter; the same ballot again changes nothing; a different one is refused', () => {
    const c = sitting();
    c.run(chair, { kind: 'vote.open', draft: draft() });
    expect(cast(c, 'j.brandt', 'yes')).toEqual([
      {
        kind: 'ballot.cast',
        voteId: 'vote-1',
        optionId: 'yes',
        voter: { personId: 'j.brandt', name: 'Jonas Brandt', factionId: 'sda', factionShortName: 'SDA' },
        pseudonym: null,
      },
    ]);
    expect(cast(c, 'j.brandt', 'yes')).toEqual([]);
    expect(rule(() => cast(c, 'j.brandt', 'no'))).toBe('vote.already_cast');
    expect(rule(() => cast(c, 'f.kuhn', 'perhaps'))).toBe('vote.unknown_option');
    expect(() => c.decide('f.kuhn', { kind: 'vote.cast', voteId: 'nope', optionId: 'yes', pseudonym: null })).toThrow(NotFoundError);
    expect(c.state.votes['vote-1']?.ballots).toHaveLength(1);
  });

  it('a pseudonymous ballot carries the pseudonym the service computed, never the person', () => {
    const c = sitting();
    c.run(chair, { kind: 'vote.open', draft: draft({ kind: 'pseudonymous' }) });
    expect(() => cast(c, 'j.brandt', 'yes')).toThrow(InputError);
    expect(cast(c, 'j.brandt', 'no', 'p-7f3a')).toEqual([{ kind: 'ballot.cast', voteId: 'vote-1', optionId: 'no', voter: null, pseudonym: 'p-7f3a' }]);
    expect(c.entries.at(-1)?.actorId).toBeNull();
    expect(cast(c, 'j.brandt', 'no', 'p-7f3a')).toEqual([]);
    expect(rule(() => cast(c, 'j.brandt', 'yes', 'p-7f3a'))).toBe('vote.already_cast');
  });

  it('only members with voting rights present at opening vote; guests, interpreters, clerks never', () => {
    const c = sitting(municipalCouncil, membersOf(sittingContext(), 'sda').concat(membersOf(sittingContext(), 'cvp'))); // 25 present: quorate
    c.run(chair, { kind: 'vote.open', draft: draft() });
    for (const p of ['minister', 'interpreter.en1', 'clerk', 'moderator', null]) {
      expect(rule(() => c.decide(p, { kind: 'vote.cast', voteId: 'vote-1', optionId: 'yes', pseudonym: null }))).toBe('vote.not_eligible');
    }
    // The council preset lets no late joiner vote.
    c.run('j.thiel', { kind: 'attendance.join', personId: 'j.thiel' });
    expect(rule(() => cast(c, 'j.thiel', 'yes'))).toBe('vote.not_eligible');
    // Frozen: a member who leaves after opening still votes.
    c.run('j.brandt', { kind: 'attendance.leave', personId: 'j.brandt' });
    expect(cast(c, 'j.brandt', 'yes')).toHaveLength(1);
  });

  it('late joiners vote where the rules allow it, while present', () => {
    const c = sitting();
    c.run(chair, { kind: 'vote.open', draft: draft() });
    expect(rule(() => cast(c, 'l.vogel', 'yes'))).toBe('vote.not_eligible');
    c.run('l.vogel', { kind: 'attendance.join', personId: 'l.vogel' });
    c.run('n.ludwig', { kind: 'attendance.join', personId: 'n.ludwig' });
    c.run('n.ludwig', { kind: 'attendance.leave', personId: 'n.ludwig' });
    c.run('expert', { kind: 'attendance.join', personId: 'expert' });
    expect(cast(c, 'l.vogel', 'yes')).toHaveLength(1);
    expect(rule(() => cast(c, 'n.ludwig', 'yes'))).toBe('vote.not_eligible');
    expect(rule(() => cast(c, 'expert', 'yes'))).toBe('vote.not_eligible');
    // The electorate: 6 frozen + 2 entitled late joiners (the expert is no member).
    expect(votesView(c.state, c.sitting)[0]?.eligible).toBe(8);
    const closed = c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(closed[0]).toMatchObject({ result: { eligible: 8, cast: 1 } });
  });

  it('no ballot after the vote ends or its time runs out', () => {
    const c = sitting();
    c.run(chair, { kind: 'vote.open', draft: draft({ durationSeconds: 60 }) });
    c.advance(60);
    expect(rule(() => cast(c, 'j.brandt', 'yes'))).toBe('vote.expired');
    c.run(null, { kind: 'vote.close', voteId: 'vote-1', by: 'expired' });
    expect(rule(() => cast(c, 'j.brandt', 'yes'))).toBe('vote.not_open');
  });

  it('closes by itself when the last eligible member has voted (if so prepared)', () => {
    const c = sitting(smallQuorum, ['j.brandt', 'f.kuhn', 'j.thiel']);
    c.run(chair, { kind: 'vote.open', draft: draft({ autoCloseWhenAllVoted: true }) });
    cast(c, 'j.brandt', 'yes');
    cast(c, 'f.kuhn', 'no');
    const events = cast(c, 'j.thiel', 'yes');
    expect(events.map((e) => e.kind)).toEqual(['ballot.cast', 'vote.closed']);
    expect(events[1]).toMatchObject({
      closedBy: 'all_voted',
      result: {
        passed: true,
        cast: 3,
        eligible: 3,
        counts: [
          { optionId: 'yes', count: 2 },
          { optionId: 'no', count: 1 },
          { optionId: 'abstain', count: 0 },
        ],
      },
    });
    expect(c.state.openVoteId).toBeNull();
  });
});

describe('ending a vote', () => {
  function voted(): Chamber {
    const c = sitting(smallQuorum);
    c.run(chair, { kind: 'vote.open', draft: draft({ durationSeconds: 120 }) });
    cast(c, 'j.brandt', 'yes');
    cast(c, 'a.keller', 'yes');
    cast(c, 'f.kuhn', 'no');
    cast(c, 'm.jung', 'abstain');
    cast(c, 'l.noack', 'no');
    return c;
  }

  it('the chair closes; the result counts per option and per faction; abstentions do not count for the majority', () => {
    const c = voted();
    expect(rule(() => c.decide('j.brandt', { kind: 'vote.close', voteId: 'vote-1', by: 'chair' }))).toBe('forbidden.chair_only');
    const [closed] = c.run('c.sommer', { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(closed).toEqual({
      kind: 'vote.closed',
      voteId: 'vote-1',
      closedBy: 'chair',
      result: expect.objectContaining({
        passed: false,
        reasonCode: 'tie',
        counts: [
          { optionId: 'yes', count: 2 },
          { optionId: 'no', count: 2 },
          { optionId: 'abstain', count: 1 },
        ],
        perFaction: [
          {
            factionId: 'cvp',
            counts: [
              { optionId: 'yes', count: 0 },
              { optionId: 'no', count: 1 },
              { optionId: 'abstain', count: 1 },
            ],
          },
          {
            factionId: 'sda',
            counts: [
              { optionId: 'yes', count: 2 },
              { optionId: 'no', count: 0 },
              { optionId: 'abstain', count: 0 },
            ],
          },
          {
            factionId: null,
            counts: [
              { optionId: 'yes', count: 0 },
              { optionId: 'no', count: 1 },
              { optionId: 'abstain', count: 0 },
            ],
          },
        ],
        eligible: 6,
        cast: 5,
        quorate: true,
      }),
    });
    expect(rule(() => c.decide(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' }))).toBe('vote.not_open');
  });

  it('the timer closes on expiry only; a late timer changes nothing', () => {
    const c = voted();
    expect(rule(() => c.decide(null, { kind: 'vote.close', voteId: 'vote-1', by: 'expired' }))).toBe('vote.not_expired');
    c.advance(120);
    expect(c.decide(null, { kind: 'vote.close', voteId: 'vote-1', by: 'expired' })[0]).toMatchObject({ kind: 'vote.closed', closedBy: 'expired' });
    c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(c.decide(null, { kind: 'vote.close', voteId: 'vote-1', by: 'expired' })).toEqual([]);
    const open = sitting();
    open.run(chair, { kind: 'vote.open', draft: draft() });
    expect(rule(() => open.decide(null, { kind: 'vote.close', voteId: 'vote-1', by: 'expired' }))).toBe('vote.no_duration');
  });

  it('a quorum missed at opening (warn) is made by participation: abstentions count', () => {
    const everyone = allMembers(sittingContext());
    const c = sitting(bundestag2025, everyone.slice(0, 24));
    c.run(chair, { kind: 'vote.open', draft: draft() });
    expect(c.state.votes['vote-1']?.quorate).toBe(false);
    for (const id of everyone.slice(0, 10)) cast(c, id, 'yes');
    for (const id of everyone.slice(24, 39)) {
      c.run(id, { kind: 'attendance.join', personId: id });
      cast(c, id, 'abstain');
    }
    const [closed] = c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(closed).toMatchObject({ result: { quorate: true, passed: true, cast: 25, reasonCode: 'majority_reached' } });
  });

  it('cancelled with a reason by the chair: no result', () => {
    const c = voted();
    const cancel = (reason: string, by = chair) => c.run(by, { kind: 'vote.cancel', voteId: 'vote-1', reason });
    expect(rule(() => cancel('x', 'j.brandt'))).toBe('forbidden.chair_only');
    expect(() => cancel('   ')).toThrow(InputError);
    expect(cancel(' voting system failure ')).toEqual([{ kind: 'vote.cancelled', voteId: 'vote-1', reason: 'voting system failure' }]);
    expect(votesView(c.state)[0]).toMatchObject({ status: 'cancelled', result: null, cancelReason: 'voting system failure', counts: null, ballots: null });
    expect(rule(() => cancel('again'))).toBe('vote.not_open');
  });
});

describe('votes view', () => {
  it('shows the number cast always, running counts only for live votes, ballots only after closing', () => {
    const c = sitting();
    c.run(chair, { kind: 'vote.open', draft: draft() });
    cast(c, 'j.brandt', 'yes');
    expect(votesView(c.state)[0]).toMatchObject({ status: 'open', cast: 1, eligible: 6, counts: null, ballots: null, result: null });
    c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(votesView(c.state)[0]).toMatchObject({
      status: 'closed',
      closedBy: 'chair',
      counts: [
        { optionId: 'yes', count: 1 },
        { optionId: 'no', count: 0 },
        { optionId: 'abstain', count: 0 },
      ],
    });
    expect(votesView(c.state)[0]?.ballots).toEqual([{ voter: expect.objectContaining({ personId: 'j.brandt' }), pseudonym: null, optionId: 'yes' }]);

    c.run(chair, { kind: 'vote.open', draft: draft({ id: 'vote-2', kind: 'pseudonymous', live: true }) });
    c.run('f.kuhn', { kind: 'vote.cast', voteId: 'vote-2', optionId: 'no', pseudonym: 'p-1' });
    const live = votesView(c.state)[1]!;
    expect(live.counts).toEqual([
      { optionId: 'yes', count: 0 },
      { optionId: 'no', count: 1 },
      { optionId: 'abstain', count: 0 },
    ]);
    c.run(chair, { kind: 'vote.close', voteId: 'vote-2', by: 'chair' });
    const published = votesView(c.state)[1]!;
    expect(published.ballots).toEqual([{ voter: null, pseudonym: 'p-1', optionId: 'no' }]);
    expect(JSON.stringify(published)).not.toContain('f.kuhn');
    expect(JSON.stringify(c.entries.filter((e) => e.event.kind === 'ballot.cast' && e.event.voteId === 'vote-2'))).not.toContain('f.kuhn');
  });
});

describe('quorum of the result', () => {
  it('judged at opening: a vote of too few fails for want of quorum, whatever the counts', () => {
    const c = sitting({ ...bundestag2025, quorum: { ...bundestag2025.quorum, judgedAt: 'opening', whenNotQuorate: 'continue' } });
    c.run(chair, { kind: 'vote.open', draft: draft() });
    for (const p of few) cast(c, p, 'yes');
    const [closed] = c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    expect(closed).toMatchObject({ result: { passed: false, reasonCode: 'no_quorum', quorate: false, cast: 6 } });
  });
});
