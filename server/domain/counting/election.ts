/**
 * One round (ballot) of an election, counted: who is elected, the bar they had to reach, a lot drawn
 * on a tie, and the round the rules allow next. Pure: the lot's randomness comes in as `draw`.
 *
 * Candidates are the options meaning yes; each ballot names one option (a member has one vote, also
 * when several seats are filled: several votes per ballot are not modelled). Abstentions and "other"
 * ballots count for turnout and quorum only; "no" (against all) counts as a valid vote.
 *
 *   members     votes > half of the statutory members          (§ 2(2) GO-BT, 1st and 2nd ballot)
 *   votes       votes > half of the candidates' and no votes    (Rule 15 EP; § 50(2) GO NRW)
 *   most_votes  the most votes, at least one and more than "no" (§ 2(2) GO-BT 3rd ballot; Stichwahl)
 *
 * Elected: the candidates reaching the bar, most votes first, up to the seats. A tie for the last
 * seats elects no one for them (tie rule next_round) or is drawn by lot (rule lot). Whoever is
 * elected ends the election; else the next round of the rulebook follows, if any: every candidate
 * (all) or the two with the most votes (top_two; everyone tied for second place stands too — our
 * choice, the rules quoted are silent). A round without a quorum decided nothing: it is repeated.
 */
import { InputError } from '../errors';
import type { ElectionRoundRule } from '../rulebook';
import type { ElectionRoundResult, VoteResult } from '../procedure/events';
import { normalise, type VoteEvaluationInput } from './majority';
import { electionMajorityNames, roundName } from '@contract/elections';

export interface ElectionEvaluationInput extends VoteEvaluationInput {
  /** The rule of the round after this one (the rulebook's), or null: this round is the last. */
  readonly nextRule: ElectionRoundRule | null;
  /** A uniformly random whole number 0 ≤ n < bound: the lot. */
  readonly draw: (bound: number) => number;
}

interface Standing {
  readonly id: string;
  readonly label: string;
  readonly votes: number;
  readonly order: number;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Draws `count` of `among` by lot, in the order drawn. */
function drawLots(among: readonly Standing[], count: number, draw: (bound: number) => number): Standing[] {
  const pool = [...among];
  const drawn: Standing[] = [];
  while (drawn.length < count && pool.length > 0) {
    const at = draw(pool.length);
    // A draw out of range is a fault of the caller's source of randomness, never a result.
    if (!Number.isInteger(at) || at < 0 || at >= pool.length) throw new Error(`lot: ${String(at)} is not a whole number below ${pool.length}`);
    drawn.push(...pool.splice(at, 1));
  }
  return drawn;
}

/** The candidates who may stand next: all, or the two with the most votes (and anyone tied with the second). */
function field(standings: readonly Standing[], rule: ElectionRoundRule): string[] {
  if (rule.candidates === 'all') return standings.map((s) => s.id);
  const ranked = [...standings].sort((a, b) => b.votes - a.votes || a.order - b.order);
  const cut = ranked[Math.min(1, ranked.length - 1)]?.votes ?? 0;
  const ids = new Set(ranked.filter((s) => s.votes >= cut).map((s) => s.id));
  return standings.filter((s) => ids.has(s.id)).map((s) => s.id);
}

export function evaluateElection(input: ElectionEvaluationInput): VoteResult {
  const { definition } = input;
  const election = definition.election;
  if (!election) throw new InputError([{ path: ['definition', 'election'], message: 'not an election' }]);
  const values = normalise(input);
  const options = definition.options;
  const standings: Standing[] = options.flatMap((o, i) => (o.meaning === 'yes' ? [{ id: o.id, label: o.label, votes: values[i] ?? 0, order: i }] : []));
  if (standings.length === 0) throw new InputError([{ path: ['definition', 'options'], message: 'an election has at least one candidate' }]);
  const sum = (meaning: string): number => options.reduce((s, o, i) => (o.meaning === meaning ? s + (values[i] ?? 0) : s), 0);
  const no = sum('no');
  const valid = standings.reduce((s, c) => s + c.votes, 0) + no;
  const { rule, round, seats } = election;
  const base = {
    counts: options.map((o, i) => ({ optionId: o.id, count: values[i] ?? 0 })),
    perFaction: input.perFaction.map((f) => ({ factionId: f.factionId, counts: f.counts.map((c) => ({ ...c })) })),
    eligible: input.eligible,
    cast: input.cast,
    quorate: input.quorate,
  };
  const members = definition.statutoryMembers;
  const needed = rule.majority === 'members' ? Math.floor(members / 2) + 1 : rule.majority === 'votes' ? Math.floor(valid / 2) + 1 : no + 1;
  const bar =
    rule.majority === 'members'
      ? `more than half of the ${members} statutory members`
      : rule.majority === 'votes'
        ? `more than half of the ${plural(valid, 'valid vote', 'valid votes')}`
        : no > 0
          ? `the most votes, more than the ${no} no`
          : 'the most votes';
  const of = `${roundName('en', round)}, ${electionMajorityNames.en[rule.majority]}`;
  const summary = standings.map((s) => `"${s.label}" ${s.votes}`).join(', ') + (options.some((o) => o.meaning === 'no') ? `, no ${no}` : '');
  const nextOf = (candidates: readonly string[], nextRule: ElectionRoundRule, nextRound: number): ElectionRoundResult['next'] =>
    candidates.length > 0 ? { round: nextRound, candidates: [...candidates], rule: nextRule } : null;

  if (!input.quorate) {
    return {
      ...base,
      passed: false,
      reasonCode: 'no_quorum',
      reason: `no one elected: not quorate, the round decided nothing and is repeated (${summary}; ${of})`,
      elected: [],
      election: {
        round,
        majority: rule.majority,
        needed,
        lot: null,
        next: nextOf(
          standings.map((s) => s.id),
          rule,
          round,
        ),
      },
    };
  }

  const reaching = standings.filter((s) => s.votes >= needed).sort((a, b) => b.votes - a.votes || a.order - b.order);
  let elected: Standing[] = reaching;
  let lot: ElectionRoundResult['lot'] = null;
  let tie = false;
  if (reaching.length > seats) {
    const last = reaching[seats - 1]!.votes;
    const above = reaching.filter((s) => s.votes > last);
    const tied = reaching.filter((s) => s.votes === last);
    const open = seats - above.length;
    if (tied.length === open) elected = [...above, ...tied];
    else if (rule.tie === 'lot') {
      const drawn = drawLots(tied, open, input.draw);
      lot = { among: tied.map((s) => s.id), drawn: drawn.map((s) => s.id) };
      elected = [...above, ...drawn];
    } else {
      tie = true;
      elected = above;
    }
  }

  const names = (list: readonly Standing[]) => list.map((s) => `"${s.label}"`).join(', ');
  const lotText = lot ? `; a tie of ${names(reaching.filter((s) => lot.among.includes(s.id)))} decided by lot` : '';
  if (elected.length > 0) {
    return {
      ...base,
      passed: true,
      reasonCode: 'majority_reached',
      reason: `elected: ${names(elected)} (${summary}; ${bar}: ${needed} needed${lotText}; ${of})`,
      elected: elected.map((s) => s.id),
      election: { round, majority: rule.majority, needed, lot, next: null },
    };
  }
  const next = input.nextRule ? nextOf(field(standings, input.nextRule), input.nextRule, round + 1) : null;
  const then = next
    ? `; next: ${roundName('en', next.round)} (${electionMajorityNames.en[next.rule.majority]}) with ${plural(next.candidates.length, 'candidate', 'candidates')}`
    : '; no further round';
  return {
    ...base,
    passed: false,
    reasonCode: tie ? 'tie' : 'majority_missed',
    reason: `no one elected: ${tie ? 'a tie for the last seat' : `no candidate reached ${needed}`} (${summary}; ${bar}; ${of})${then}`,
    elected: [],
    election: { round, majority: rule.majority, needed, lot: null, next },
  };
}
