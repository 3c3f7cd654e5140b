/**
 * Rulebooks frozen into older records lack fields added since. They fold with the behaviour of their
 * time: quorum judged when a vote opens (or by its ballots), and the sitting went on when not quorate;
 * no election rounds (a vote was one ballot: an election in such a sitting had one round, by votes).
 */
import type { Rulebook } from '../rulebook';

/** Older records: one round, more than half of the votes, a tie elects no one; no "no to all". */
const oneRound: Rulebook['elections'] = { rounds: [{ majority: 'votes', candidates: 'all', tie: 'next_round' }], noToAll: false };

export function upgradeRulebook(rulebook: Rulebook): Rulebook {
  const quorum: Partial<Rulebook['quorum']> = rulebook.quorum;
  const elections = (rulebook as Partial<Rulebook>).elections;
  if (quorum.judgedAt !== undefined && quorum.whenNotQuorate !== undefined && elections !== undefined) return rulebook;
  return {
    ...rulebook,
    quorum: { ...rulebook.quorum, judgedAt: quorum.judgedAt ?? 'opening', whenNotQuorate: quorum.whenNotQuorate ?? 'continue' },
    elections: elections ?? oneRound,
  };
}
