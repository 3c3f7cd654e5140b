/**
 * Splitting a debate's length among the factions (speaking-time quotas).
 *
 * Each faction has a weight: its seats (split "seats", Bundestag § 35(1) BTGO 2025), or an equal part
 * plus a part by seats (split "equal_plus_seats", EP Rule 171(4)):
 *     weight = equalShare / factions + (1 − equalShare) × seats / seats of all factions.
 * Independents share one pool (key ""): perIndependentSeconds × independents, or (null) the time
 * per seat of the smallest faction × independents — with "seats" that is exactly their seat share.
 * The minimum per faction is a floor: a faction whose share would be below it gets the minimum,
 * and the rest is split among the others by weight (repeated until no share is below it).
 * Shares are computed exactly (rationals; equalShare taken to six decimals) and rounded to whole
 * seconds by the largest remainder (ties: more seats first, then id), so the parts add up to exactly
 * the debate length, each is less than a second from its exact share, and the order in which the
 * factions are given does not matter.
 *
 * When the minima cannot be met — factions × minimum (+ a fixed independents' pool) exceed the
 * debate — every faction gets exactly the minimum and the independents their pool, and the total
 * is MORE than the debate: a minimum is a promise of the rules, the debate length a plan.
 * Factions with 0 seats get 0 and take no part (no equal part, no minimum). Without any faction
 * with seats, the independents' pool is the whole debate.
 */
import { InputError, type InputIssue } from '../errors';
import type { Rulebook } from '../rulebook';

/** Key of the independents' pool in the result. */
export const INDEPENDENTS = '';

/** An exact rational (d > 0): shares are compared and rounded without floating-point noise. */
interface Q {
  readonly n: bigint;
  readonly d: bigint;
}
const q = (n: bigint | number, d: bigint | number = 1n): Q => ({ n: BigInt(n), d: BigInt(d) });
const sub = (a: Q, b: Q): Q => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
const scale = (a: Q, num: bigint, den: bigint): Q => ({ n: a.n * num, d: a.d * den });
const cmp = (a: Q, b: Q): number => {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
};
/** Floor for d > 0 (BigInt division truncates toward zero). */
const floor = (a: Q): bigint => {
  const t = a.n / a.d;
  return a.n < 0n && t * a.d !== a.n ? t - 1n : t;
};

/** equalShare is taken to six decimals, so 0.2 is exactly one fifth. */
const SHARE_DENOMINATOR = 1_000_000n;

interface Part {
  readonly key: string;
  readonly seats: number;
  readonly exact: Q;
}

function validate(rule: Rulebook['speakingTime'], debateSeconds: number, factions: readonly { id: string; seats: number }[], independents: number): void {
  const issues: InputIssue[] = [];
  const wholeFrom0 = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;
  if (!wholeFrom0(debateSeconds)) issues.push({ path: ['debateSeconds'], message: 'must be whole seconds, 0 or more' });
  if (!wholeFrom0(independents)) issues.push({ path: ['independents'], message: 'must be a whole number, 0 or more' });
  if (!(rule.equalShare >= 0 && rule.equalShare <= 1)) issues.push({ path: ['rule', 'equalShare'], message: 'must be between 0 and 1' });
  if (!wholeFrom0(rule.minimumPerFaction)) issues.push({ path: ['rule', 'minimumPerFaction'], message: 'must be whole seconds, 0 or more' });
  if (rule.perIndependentSeconds !== null && !wholeFrom0(rule.perIndependentSeconds)) {
    issues.push({ path: ['rule', 'perIndependentSeconds'], message: 'must be whole seconds, 0 or more' });
  }
  const seen = new Set<string>();
  factions.forEach((f, index) => {
    if (f.id === INDEPENDENTS)
      issues.push({ path: ['factions', String(index), 'id'], message: 'must not be empty (the empty key is the independents\u2019 pool)' });
    if (seen.has(f.id)) issues.push({ path: ['factions', String(index), 'id'], message: `duplicate faction ${f.id}` });
    seen.add(f.id);
    if (!wholeFrom0(f.seats)) issues.push({ path: ['factions', String(index), 'seats'], message: 'must be a whole number, 0 or more' });
  });
  if (issues.length > 0) throw new InputError(issues);
}

/**
 * Splits `total` by weight with a floor of `minimum` each (see the file comment).
 * Returns null when total < parts × minimum.
 */
function splitWithFloor(total: Q, weights: readonly bigint[], minimum: number): Q[] | null {
  const min = q(minimum);
  if (cmp(total, q(weights.length * minimum)) < 0) return null;
  const clamped = new Set<number>();
  for (;;) {
    const rest = sub(total, q(clamped.size * minimum));
    const freeWeight = weights.reduce((sum, w, i) => (clamped.has(i) ? sum : sum + w), 0n);
    const shares = weights.map((w, i) => (clamped.has(i) ? min : scale(rest, w, freeWeight)));
    const below = shares.flatMap((share, i) => (!clamped.has(i) && cmp(share, min) < 0 ? [i] : []));
    if (below.length === 0) return shares;
    for (const i of below) clamped.add(i);
  }
}

/** Largest-remainder rounding of exact shares that add up to `target`. */
function roundToTarget(parts: readonly Part[], target: number): Record<string, number> {
  const floors = parts.map((p) => floor(p.exact));
  let missing = BigInt(target) - floors.reduce((a, b) => a + b, 0n);
  const order = parts
    .map((p, i) => ({ i, remainder: sub(p.exact, q(floors[i] ?? 0n)), seats: p.seats, key: p.key }))
    .sort((a, b) => cmp(b.remainder, a.remainder) || b.seats - a.seats || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { i } of order) {
    if (missing <= 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    missing -= 1n;
  }
  const result: Record<string, number> = {};
  parts.forEach((p, i) => (result[p.key] = Number(floors[i] ?? 0n)));
  return result;
}

/**
 * Seconds per faction id for a debate of `debateSeconds`; key "" is the independents' pool (absent
 * when there are no independents). Adds up to exactly `debateSeconds` unless the minima force more.
 */
export function allotSpeakingTime(
  rule: Rulebook['speakingTime'],
  debateSeconds: number,
  factions: readonly { id: string; seats: number }[],
  independents: number,
): Record<string, number> {
  validate(rule, debateSeconds, factions, independents);
  const result: Record<string, number> = {};
  for (const f of factions) if (f.seats === 0) result[f.id] = 0;
  const active = factions.filter((f) => f.seats > 0);
  if (active.length === 0) {
    if (independents > 0) result[INDEPENDENTS] = debateSeconds;
    return result;
  }

  // Integer weights: equal/n + (1 − equal) × seats/S, times n × S × SHARE_DENOMINATOR.
  const n = BigInt(active.length);
  const factionSeats = BigInt(active.reduce((sum, f) => sum + f.seats, 0));
  const equal = rule.split === 'equal_plus_seats' ? BigInt(Math.round(rule.equalShare * Number(SHARE_DENOMINATOR))) : 0n;
  const weights = active.map((f) => equal * factionSeats + (SHARE_DENOMINATOR - equal) * n * BigInt(f.seats));
  const smallest = active.reduce((min, f, i) => (f.seats < (active[min]?.seats ?? Infinity) ? i : min), 0);
  const smallestSeats = BigInt(active[smallest]?.seats ?? 1);
  const minimum = rule.minimumPerFaction;
  const debate = q(debateSeconds);

  let pool: Q; // exact seconds of the independents' pool
  let shares: Q[] | null;
  if (independents === 0) {
    pool = q(0);
    shares = splitWithFloor(debate, weights, minimum);
  } else if (rule.perIndependentSeconds !== null) {
    pool = q(rule.perIndependentSeconds * independents);
    shares = splitWithFloor(sub(debate, pool), weights, minimum);
  } else {
    // The pool weighs like `independents` seats of the smallest faction: all weights × smallest seats.
    const scaled = weights.map((w) => w * smallestSeats);
    const poolWeight = (weights[smallest] ?? 0n) * BigInt(independents);
    const totalWeight = scaled.reduce((a, b) => a + b, 0n) + poolWeight;
    const unclamped = scaled.map((w) => scale(debate, w, totalWeight));
    if (unclamped.every((share) => cmp(share, q(minimum)) >= 0)) {
      pool = scale(debate, poolWeight, totalWeight);
      shares = unclamped;
    } else {
      // The smallest faction is raised to the minimum; the independents follow it per seat.
      pool = q(BigInt(minimum) * BigInt(independents), smallestSeats);
      shares = splitWithFloor(sub(debate, pool), weights, minimum);
    }
  }

  if (shares === null) {
    // The minima force more than the debate: each faction its minimum, the independents their pool.
    for (const f of active) result[f.id] = minimum;
    if (independents > 0) result[INDEPENDENTS] = Number(-floor(q(-pool.n, pool.d)));
    return result;
  }
  const parts: Part[] = active.map((f, i) => ({ key: f.id, seats: f.seats, exact: shares[i] ?? q(0) }));
  if (independents > 0) parts.push({ key: INDEPENDENTS, seats: independents, exact: pool });
  return { ...result, ...roundToTarget(parts, debateSeconds) };
}
