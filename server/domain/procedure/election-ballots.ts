/**
 * The ballot of an election's round: the candidates (options meaning yes), "no" where the rules offer
 * it (always on a single candidate: yes / no), abstention where allowed. The first round is checked
 * from the prepared draft: seats, distinct candidates, their number.
 */
import { InputError, RuleViolation } from '../errors';
import type { ElectionRoundRule, Rulebook } from '../rulebook';
import type { VoteDraft } from './commands';
import type { ElectionRoundDefinition, VoteOption } from './events';
import type { MajorityKind } from './vocabulary';
import { maxCandidates, maxSeats } from '@contract/elections';
import { optionNames } from '@contract/procedure-words';

/** The majority a vote definition names for a round (the round's own bar is `election.rule`). */
export function majorityOfRound(rule: ElectionRoundRule): MajorityKind {
  return rule.majority === 'members' ? 'absolute_members' : 'simple';
}

/** Candidates, then no and abstain as the rules allow. */
export function ballotOptions(candidates: readonly VoteOption[], rules: Rulebook, abstention: boolean): VoteOption[] {
  const options: VoteOption[] = candidates.map((c) => ({ id: c.id, label: c.label, meaning: 'yes' }));
  if (candidates.length === 1 || rules.elections.noToAll) options.push({ id: 'no', label: optionNames.en.no, meaning: 'no' });
  if (abstention) options.push({ id: 'abstain', label: optionNames.en.abstain, meaning: 'abstain' });
  return options;
}

/** The first round of an election prepared as `draft`: its candidates and round definition. */
export function firstRound(draft: VoteDraft, rules: Rulebook): { candidates: VoteOption[]; round: ElectionRoundDefinition } {
  const seats = draft.election?.seats;
  if (seats === undefined || !Number.isInteger(seats) || seats < 1 || seats > maxSeats) {
    throw new InputError([{ path: ['election', 'seats'], message: `an election fills a whole number of seats, 1 to ${maxSeats}` }]);
  }
  const candidates = draft.options.map((o) => ({ id: o.id.trim(), label: o.label.trim(), meaning: o.meaning }));
  if (candidates.length === 0 || candidates.length > maxCandidates) {
    throw new InputError([{ path: ['options'], message: `an election has 1 to ${maxCandidates} candidates` }]);
  }
  candidates.forEach((c, i) => {
    if (c.meaning !== 'yes') {
      throw new InputError([
        { path: ['options', String(i), 'meaning'], message: "an election's options are its candidates (meaning yes); no and abstention follow the rules" },
      ]);
    }
    if (!c.label) throw new InputError([{ path: ['options', String(i), 'label'], message: 'a candidate has a name' }]);
    if (!c.id || c.id === 'no' || c.id === 'abstain')
      throw new InputError([{ path: ['options', String(i), 'id'], message: 'a candidate has an id of its own' }]);
  });
  const ids = new Set(candidates.map((c) => c.id));
  const names = new Set(candidates.map((c) => c.label.toLocaleLowerCase('de')));
  if (ids.size !== candidates.length || names.size !== candidates.length) {
    throw new InputError([{ path: ['options'], message: 'each candidate stands once' }]);
  }
  if (seats > candidates.length) {
    throw new RuleViolation('election.seats_exceed_candidates', `${seats} seats but ${candidates.length} candidates: every seat needs a candidate`);
  }
  const rule = rules.elections.rounds[0];
  if (!rule) throw new RuleViolation('election.no_further_round', 'the rules of procedure provide no election round');
  return { candidates, round: { electionId: draft.id, round: 1, seats, rule, previousVoteId: null } };
}
