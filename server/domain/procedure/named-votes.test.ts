import { describe, expect, it } from 'vitest';
import type { Rulebook } from '../rulebook';
import { bundestag2025, europeanParliament, municipalCouncil } from '../rulebook/presets';
import type { ProcedureCommand } from './commands';
import { allMembers, Chamber, chair, draft, ruleOf as rule, sittingContext } from './spec-support';
import { namedDemandStatus } from './named-votes';

const demand = (category: string | null = null, draftId = 'vote-1'): ProcedureCommand => ({ kind: 'vote.demand_named', draftId, category });
const openPseudonymous = (c: Chamber) => c.run(chair, { kind: 'vote.open', draft: draft({ kind: 'pseudonymous' }) })[0];

/** The Bundestag's rules with the members' share only, demandable until the vote opens (BT80). */
const byShare: Rulebook = {
  ...bundestag2025,
  votes: { ...bundestag2025.votes, namedVote: { ...bundestag2025.votes.namedVote, demandedByFaction: false, deadline: 'until_vote_opens' } },
};

describe('demanding a named vote (§ 52 BTGO, Rule 190 EP)', () => {
  it('a faction demands through a member before the sitting starts (BT); the pseudonymous draft opens as named', () => {
    const c = new Chamber();
    expect(c.run('j.brandt', demand())).toEqual([
      { kind: 'vote.named_demanded', draftId: 'vote-1', demandedBy: { kind: 'faction', factionId: 'sda', personId: 'j.brandt' }, valid: true },
    ]);
    // Idempotent: the same member, or another of the same faction, changes nothing.
    expect(c.decide('j.brandt', demand())).toEqual([]);
    expect(c.decide('l.vogel', demand())).toEqual([]);
    expect(rule(() => c.decide('minister', demand()))).toBe('forbidden.not_member');
    expect(c.state.namedDemands['vote-1']).toEqual({ factionIds: ['sda'], personIds: [], valid: true });
    c.open();
    expect(openPseudonymous(c)).toMatchObject({ kind: 'vote.opened', definition: { voteId: 'vote-1', kind: 'named' } });
    // Named: ballots carry the voter, no pseudonym.
    expect(c.run('f.kuhn', { kind: 'vote.cast', voteId: 'vote-1', optionId: 'yes', pseudonym: null })[0]).toMatchObject({
      voter: { personId: 'f.kuhn' },
      pseudonym: null,
    });
  });

  it('without a demand (or with one for another draft) the draft opens as prepared', () => {
    const c = new Chamber();
    c.run('j.brandt', demand(null, 'vote-2'));
    c.open();
    expect(openPseudonymous(c)).toMatchObject({ definition: { kind: 'pseudonymous' } });
  });

  it('members demand together: valid once ceil(5 % of members present) of those present demand', () => {
    // 41 present: ceil(2.05) = 3 demanding members present needed.
    const everyone = allMembers(sittingContext());
    const c = new Chamber(sittingContext(byShare)).open(everyone.slice(0, 41));
    const absent = everyone[45]!;
    expect(c.run('j.brandt', demand())).toEqual([
      { kind: 'vote.named_demanded', draftId: 'vote-1', demandedBy: { kind: 'members', personIds: ['j.brandt'] }, valid: false },
    ]);
    expect(c.run('f.kuhn', demand())[0]).toMatchObject({ valid: false });
    // An absent member's demand is recorded but does not count while they are away.
    expect(c.run(absent, demand())[0]).toMatchObject({ valid: false });
    expect(c.decide('f.kuhn', demand())).toEqual([]);
    expect(c.run('j.thiel', demand())[0]).toMatchObject({ valid: true });
    expect(c.state.namedDemands['vote-1']).toEqual({ factionIds: [], personIds: ['j.brandt', 'f.kuhn', absent, 'j.thiel'], valid: true });
    expect(openPseudonymous(c)).toMatchObject({ definition: { kind: 'named' } });
    expect(rule(() => c.decide('l.noack', demand()))).toBe('vote.named_demand_late');
  });

  it('a small house: one present member is 5 % enough; nobody present counts nobody', () => {
    const empty = new Chamber(sittingContext(byShare));
    expect(empty.run('j.brandt', demand())[0]).toMatchObject({ valid: false });
    const few = new Chamber(sittingContext(byShare)).open(['j.brandt', 'f.kuhn']);
    expect(few.run('j.brandt', demand())[0]).toMatchObject({ valid: true });
  });

  it('BT (sitting_start): refused once the sitting is open, also while suspended', () => {
    const c = new Chamber().open(['j.brandt']);
    expect(rule(() => c.decide('j.brandt', demand()))).toBe('vote.named_demand_late');
    c.run(chair, { kind: 'sitting.suspend', reason: null, breakMinutes: null });
    expect(rule(() => c.decide('j.brandt', demand()))).toBe('vote.named_demand_late');
  });

  it('council (until_vote_opens): allowed while the sitting is open, until the draft is opened', () => {
    const council = () => new Chamber(sittingContext(municipalCouncil)).open(allMembers(sittingContext()).slice(0, 30));
    const c = council();
    expect(c.run('j.brandt', demand())[0]).toMatchObject({ demandedBy: { kind: 'faction', factionId: 'sda' }, valid: true });
    expect(openPseudonymous(c)).toMatchObject({ definition: { kind: 'named' } });
    expect(rule(() => c.decide('f.kuhn', demand()))).toBe('vote.named_demand_late');
    // Only factions demand here: an independent member may not.
    expect(rule(() => council().decide('l.noack', demand()))).toBe('vote.named_demand_not_allowed');
    c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
    c.run(chair, { kind: 'sitting.close' });
    expect(rule(() => c.decide('f.kuhn', demand(null, 'vote-2')))).toBe('vote.named_demand_late');
  });

  it('EP (evening_before): before the day of the sitting begins, and never once it is open', () => {
    const ep = { ...sittingContext(europeanParliament), startsAt: '2026-12-03T08:00:00.000Z' };
    const early = new Chamber(ep);
    early.now = new Date('2026-12-02T20:00:00.000Z');
    expect(early.run('j.brandt', demand())[0]).toMatchObject({ valid: true });
    const late = new Chamber(ep);
    late.now = new Date('2026-12-03T00:00:00.000Z');
    expect(rule(() => late.decide('j.brandt', demand()))).toBe('vote.named_demand_late');
    // Without a known start: as sitting_start.
    const unknownStart = new Chamber(sittingContext(europeanParliament));
    expect(unknownStart.run('j.brandt', demand())[0]).toMatchObject({ valid: true });
    unknownStart.open(['j.brandt']);
    expect(rule(() => unknownStart.decide('f.kuhn', demand()))).toBe('vote.named_demand_late');
  });

  it('refuses a demand on a category the rules exclude (§ 53 BTGO)', () => {
    const c = new Chamber();
    expect(rule(() => c.decide('j.brandt', demand('adjournment_of_debate')))).toBe('vote.named_excluded');
    expect(c.decide('j.brandt', demand('budget'))).toHaveLength(1);
  });
});

describe('where a demand stands for one member (namedDemandStatus)', () => {
  const status = (c: Chamber, personId: string | null, category: string | null = null, draftId = 'vote-1') =>
    namedDemandStatus(c.state, c.sitting, c.now, personId, { id: draftId, category });

  it('BT (sitting_start): a faction member may demand until the scheduled start; after their faction has, it stands', () => {
    const c = new Chamber({ ...sittingContext(), startsAt: '2026-12-03T09:00:00.000Z' });
    expect(status(c, 'j.brandt')).toEqual({
      draftId: 'vote-1',
      deadline: { rule: 'sitting_start', until: '2026-12-03T09:00:00.000Z', late: null },
      demandBy: 'faction',
      refusal: null,
      demandedByMine: false,
      factionsDemanding: 0,
      membersDemanding: 0,
      membersNeeded: null,
      valid: false,
    });
    c.run('j.brandt', demand());
    // Another member of the same faction sees their faction's demand; one of another faction may still demand.
    expect(status(c, 'l.vogel')).toMatchObject({ demandedByMine: true, factionsDemanding: 1, valid: true, refusal: null });
    expect(status(c, 'f.kuhn')).toMatchObject({ demandedByMine: false, factionsDemanding: 1, valid: true, refusal: null });
    c.open(['j.brandt']);
    expect(status(c, 'f.kuhn')).toMatchObject({ refusal: 'vote.named_demand_late', deadline: { late: 'the sitting has started' } });
    // Theirs stands: no refusal to show, only that it stands.
    expect(status(c, 'l.vogel')).toMatchObject({ refusal: null, demandedByMine: true });
  });

  it('says what demandNamed would refuse: not a member, an excluded category, not allowed, too late', () => {
    const c = new Chamber();
    expect(status(c, 'minister').refusal).toBe('forbidden.not_member');
    expect(status(c, null).refusal).toBe('forbidden.not_member');
    expect(status(c, 'j.brandt', 'adjournment_of_debate').refusal).toBe('vote.named_excluded');
    expect(rule(() => c.decide('j.brandt', demand('adjournment_of_debate')))).toBe('vote.named_excluded');
    const council = new Chamber(sittingContext(municipalCouncil));
    expect(status(council, 'l.noack')).toMatchObject({ refusal: 'vote.named_demand_not_allowed', demandBy: null });
    // Every refusal the status names is the one the command gives.
    expect(rule(() => council.decide('l.noack', demand()))).toBe('vote.named_demand_not_allowed');
  });

  it('members together: counts the present demanding members against ceil(share × present)', () => {
    const everyone = allMembers(sittingContext());
    const c = new Chamber(sittingContext(byShare)).open(everyone.slice(0, 41));
    c.run('j.brandt', demand());
    c.run(everyone[45]!, demand());
    expect(status(c, 'j.brandt')).toMatchObject({
      demandBy: 'members',
      deadline: { rule: 'until_vote_opens', until: null, late: null },
      demandedByMine: true,
      membersDemanding: 1,
      membersNeeded: 3,
      valid: false,
    });
    expect(status(c, 'f.kuhn')).toMatchObject({ demandedByMine: false, refusal: null });
  });

  it('EP (evening_before): the deadline is the start of the sitting’s day (UTC), late from then on', () => {
    const c = new Chamber({ ...sittingContext(europeanParliament), startsAt: '2026-12-03T08:00:00.000Z' });
    c.now = new Date('2026-12-02T22:00:00.000Z');
    expect(status(c, 'j.brandt').deadline).toEqual({ rule: 'evening_before', until: '2026-12-03T00:00:00.000Z', late: null });
    c.now = new Date('2026-12-03T00:00:00.000Z');
    expect(status(c, 'j.brandt').refusal).toBe('vote.named_demand_late');
    expect(rule(() => c.decide('j.brandt', demand()))).toBe('vote.named_demand_late');
  });
});
