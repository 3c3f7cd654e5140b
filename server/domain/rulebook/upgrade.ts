/**
 * Rulebooks frozen into older records lack fields added since. They fold with the behaviour of their
 * time: quorum judged when a vote opens (or by its ballots), and the sitting went on when not quorate;
 * no election rounds (a vote was one ballot: an election in such a sitting had one round, by votes);
 * no order measures (their preset's, see noOrderRules); no floor discipline (the clock ran on under
 * "mute all", nothing ended the floor but the chair, no talking stick; the warning is only shown, so
 * the default 30 s does not change what happened).
 */
import type { Rulebook } from '../rulebook';
import { presets } from './presets';

/**
 * Older rulebooks had no order measures. One of a known preset takes the preset's (no measure was
 * recorded before, so they only shape what the chair may do in a sitting still open); any other gets
 * the least: the floor withdrawn at the chair's discretion, an exclusion for the sitting alone, no objection.
 */
const noOrderRules: Rulebook['orderMeasures'] = {
  callToPoint: true,
  withdrawAfterCalls: null,
  callsCountedPer: 'speech',
  maxExclusionSittingDays: 1,
  objection: false,
};

/** Older records: one round, more than half of the votes, a tie elects no one; no "no to all". */
const oneRound: Rulebook['elections'] = { rounds: [{ majority: 'votes', candidates: 'all', tie: 'next_round' }], noToAll: false };

/** Older records: what the floor was before the rulebook said anything about it. */
const floorOfOld: Rulebook['floor'] = { warningSeconds: 30, graceSeconds: null, talkingStick: false, clocksDuringMuteAll: 'run' };

export function upgradeRulebook(rulebook: Rulebook): Rulebook {
  const quorum: Partial<Rulebook['quorum']> = rulebook.quorum;
  const { elections, orderMeasures, floor } = rulebook as Partial<Rulebook>;
  if (quorum.judgedAt !== undefined && quorum.whenNotQuorate !== undefined && elections !== undefined && orderMeasures !== undefined && floor !== undefined)
    return rulebook;
  return {
    ...rulebook,
    quorum: { ...rulebook.quorum, judgedAt: quorum.judgedAt ?? 'opening', whenNotQuorate: quorum.whenNotQuorate ?? 'continue' },
    elections: elections ?? oneRound,
    orderMeasures: orderMeasures ?? (Object.hasOwn(presets, rulebook.preset) ? presets[rulebook.preset as keyof typeof presets].orderMeasures : noOrderRules),
    floor: floor ?? floorOfOld,
  };
}
