/**
 * Rulebooks frozen into older records lack fields added since. They fold with the behaviour of their
 * time: quorum judged when a vote opens (or by its ballots), and the sitting went on when not quorate;
 * no election rounds (a vote was one ballot: an election in such a sitting had one round, by votes);
 * no order measures (their preset's, see noOrderRules).
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

export function upgradeRulebook(rulebook: Rulebook): Rulebook {
  const quorum: Partial<Rulebook['quorum']> = rulebook.quorum;
  const { elections, orderMeasures } = rulebook as Partial<Rulebook>;
  if (quorum.judgedAt !== undefined && quorum.whenNotQuorate !== undefined && elections !== undefined && orderMeasures !== undefined) return rulebook;
  return {
    ...rulebook,
    quorum: { ...rulebook.quorum, judgedAt: quorum.judgedAt ?? 'opening', whenNotQuorate: quorum.whenNotQuorate ?? 'continue' },
    elections: elections ?? oneRound,
    orderMeasures: orderMeasures ?? (Object.hasOwn(presets, rulebook.preset) ? presets[rulebook.preset as keyof typeof presets].orderMeasures : noOrderRules),
  };
}
