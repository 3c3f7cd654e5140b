/**
 * Rulebooks frozen into older records lack fields added since. They fold with the behaviour of their
 * time: quorum judged when a vote opens (or by its ballots), and the sitting went on when not quorate.
 */
import type { Rulebook } from '../rulebook';

export function upgradeRulebook(rulebook: Rulebook): Rulebook {
  const quorum: Partial<Rulebook['quorum']> = rulebook.quorum;
  if (quorum.judgedAt !== undefined && quorum.whenNotQuorate !== undefined) return rulebook;
  return { ...rulebook, quorum: { ...rulebook.quorum, judgedAt: quorum.judgedAt ?? 'opening', whenNotQuorate: quorum.whenNotQuorate ?? 'continue' } };
}
