import { describe, expect, it } from 'vitest';
import { bundestag2025, europeanParliament, municipalCouncil, presets } from './presets';
import { rulebookSchema } from './schema';

const ids = (rulebook: typeof bundestag2025): string[] => rulebook.pointsOfOrder.categories.map((c) => c.id);

describe('presets', () => {
  it('are keyed by their preset id and each is a valid rulebook', () => {
    expect(Object.keys(presets).sort()).toEqual(['bundestag-2025', 'european-parliament', 'municipal-council-nrw']);
    for (const [key, rulebook] of Object.entries(presets)) {
      expect(rulebook.preset).toBe(key);
      const parsed = rulebookSchema.safeParse(rulebook);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });

  it('are frozen all the way down', () => {
    for (const rulebook of Object.values(presets)) {
      expect(Object.isFrozen(rulebook)).toBe(true);
      expect(Object.isFrozen(rulebook.speech.limits)).toBe(true);
      expect(Object.isFrozen(rulebook.pointsOfOrder.categories)).toBe(true);
      expect(Object.isFrozen(rulebook.pointsOfOrder.categories[0]?.label)).toBe(true);
      expect(Object.isFrozen(rulebook.votes.namedVote.excludedCategories)).toBe(true);
    }
    expect(() => {
      (bundestag2025.quorum as { fraction: number }).fraction = 0.1;
    }).toThrow(TypeError);
  });

  it('label every point-of-order category in German and English', () => {
    for (const rulebook of Object.values(presets)) {
      for (const c of rulebook.pointsOfOrder.categories) {
        expect(c.label.de.length).toBeGreaterThan(0);
        expect(c.label.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('share category ids between presets where the motion is the same', () => {
    for (const shared of ['closure_of_debate', 'adjournment_of_debate', 'referral_to_committee']) {
      expect(ids(bundestag2025)).toContain(shared);
      expect(ids(europeanParliament)).toContain(shared);
      expect(ids(municipalCouncil)).toContain(shared);
    }
    expect(ids(bundestag2025)).toContain('adjournment_of_sitting');
    expect(ids(municipalCouncil)).toContain('adjournment_of_sitting');
    expect(ids(europeanParliament)).toContain('suspension_of_sitting');
    expect(ids(municipalCouncil)).toContain('suspension_of_sitting');
    expect(ids(bundestag2025)).toContain('secret_vote');
    expect(ids(municipalCouncil)).toContain('secret_vote');
  });
});

describe('Bundestag (BTGO 2025)', () => {
  const bt = bundestag2025;
  it('has the BT25 time limits', () => {
    expect(bt.speech.limits).toEqual({ speech: null, interjection: null, short_intervention: 120 }); // § 35, § 27a
    expect(bt.pointsOfOrder.limitSeconds).toBe(180); // § 29(4): 3 min (BT80: 5)
    expect(bt.speech.interjectionsEnabled).toBe(true);
    expect(bt.speech.shortInterventionsEnabled).toBe(true);
    expect(bt.pointsOfOrder.hearOneAgainst).toBe(false);
  });
  it('splits at most 60 minutes by group strength, independents like the smallest group', () => {
    expect(bt.speakingTime).toEqual({ debateSeconds: 3600, split: 'seats', equalShare: 0, minimumPerFaction: 0, perIndependentSeconds: null });
    expect(bt.order.defaultPolicy).toBe('alternate_factions');
  });
  it('needs more than half of the members present, presumed until doubted', () => {
    expect(bt.quorum).toEqual({
      fraction: 0.5,
      strictlyMore: true,
      base: 'statutory_members',
      onVoteWithoutQuorum: 'warn',
      judgedAt: 'challenge',
      whenNotQuorate: 'suspend_sitting',
    });
  });
  it('decides by simple majority; named votes by a group or 5 % until the sitting starts', () => {
    expect(bt.votes.defaultMajority).toBe('simple');
    expect(bt.votes.tie).toBe('fails');
    expect(bt.votes.namedVote.demandedByFaction).toBe(true);
    expect(bt.votes.namedVote.demandedByShareOfPresent).toBe(0.05);
    expect(bt.votes.namedVote.deadline).toBe('sitting_start');
  });
  it('excludes named votes on every § 53 item, with the point-of-order ids where they coincide', () => {
    const excluded = bt.votes.namedVote.excludedCategories;
    expect([...excluded].sort()).toEqual(
      [
        'committee_size',
        'shorten_deadlines',
        'agenda',
        'adjournment_of_sitting',
        'adjournment_of_debate',
        'motion_for_debate',
        'closure_of_debate',
        'split_question',
        'referral_to_committee',
        'objection_order_measure',
        'secret_vote',
        'other_procedural',
      ].sort(),
    );
    // Every motion category that § 53 covers is excluded; the rest are not motions put to a vote.
    const notExcluded = ids(bt).filter((id) => !excluded.includes(id));
    expect(notExcluded.sort()).toEqual(['procedure_remark', 'quorum_check']);
  });
});

describe('European Parliament', () => {
  const ep = europeanParliament;
  it('has 1 min points of order with one speaker against, 30 s blue cards, no short interventions', () => {
    expect(ep.pointsOfOrder.limitSeconds).toBe(60);
    expect(ep.pointsOfOrder.hearOneAgainst).toBe(true);
    expect(ep.speech.limits.interjection).toBe(30);
    expect(ep.speech.shortInterventionsEnabled).toBe(false);
    expect(ids(ep)).toEqual([
      'point_of_order',
      'referral_to_committee',
      'closure_of_debate',
      'adjournment_of_debate',
      'suspension_of_sitting',
      'closure_of_sitting',
      'quorum_check',
    ]);
  });
  it('splits an equal first fraction and a proportional second fraction', () => {
    expect(ep.speakingTime.split).toBe('equal_plus_seats');
    expect(ep.speakingTime.equalShare).toBeGreaterThan(0);
    expect(ep.speakingTime.equalShare).toBeLessThan(1);
  });
  it('needs one third present (at least), checked on request', () => {
    expect(ep.quorum).toEqual({
      fraction: 1 / 3,
      strictlyMore: false,
      base: 'statutory_members',
      onVoteWithoutQuorum: 'warn',
      judgedAt: 'challenge',
      whenNotQuorate: 'continue',
    });
  });
  it('takes roll-call requests from a group or 1/20 by the evening before', () => {
    expect(ep.votes.namedVote).toEqual({ demandedByFaction: true, demandedByShareOfPresent: 0.05, deadline: 'evening_before', excludedCategories: [] });
    expect(ep.votes.defaultMajority).toBe('simple');
  });
});

describe('municipal council (NRW)', () => {
  const council = municipalCouncil;
  it('limits speeches to 5 minutes, twice per item, and hears one against a GO motion', () => {
    expect(council.speech.limits.speech).toBe(300);
    expect(council.speech.maxSpeechesPerItem).toBe(2);
    expect(council.pointsOfOrder.hearOneAgainst).toBe(true);
    expect(council.speakingTime.debateSeconds).toBeNull();
    expect(council.order.defaultPolicy).toBe('first_come');
  });
  it('has the typical GO motions', () => {
    for (const id of [
      'closure_of_debate',
      'closure_of_speakers_list',
      'referral_to_committee',
      'adjournment_of_debate',
      'suspension_of_sitting',
      'named_vote',
      'secret_vote',
      'removal_from_agenda',
    ]) {
      expect(ids(council)).toContain(id);
    }
  });
  it('needs more than half of the statutory membership; simple majority, tie fails', () => {
    expect(council.quorum.fraction).toBe(0.5);
    expect(council.quorum.strictlyMore).toBe(true);
    expect(council.quorum.base).toBe('statutory_members');
    expect(council.votes.defaultMajority).toBe('simple');
    expect(council.votes.tie).toBe('fails');
    expect(council.votes.abstentionAllowed).toBe(true);
  });
});
