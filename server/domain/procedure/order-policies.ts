/**
 * The order policies as pure functions over plain candidates: each returns a permutation of the
 * candidates it is given (arrival order in, policy order out).
 *
 * - first_come: arrival order.
 * - alternate_factions: never the faction of the previous speaker while another faction waits; among
 *   the others the one with the fewest speeches on the item so far (heard and queued), so each faction
 *   speaks before another gets a further speaker (BTGO 2025 § 28); ties by strength, then arrival.
 * - pro_contra: speech and counter-speech; after pro the earliest contra, after contra the earliest pro
 *   (the first speech goes to pro: the motion is moved first); with nobody of the other side, the
 *   earliest. Speakers without a stance do not break the alternation.
 * - quota: the pool with the most remaining time first (each queued speech is assumed to use its
 *   limit, capped at the pool's remaining time); speakers outside the quotas (podium guests) first;
 *   without an allotment, first come.
 */
import type { OrderPolicy, Stance } from './vocabulary';

export interface Candidate {
  readonly requestId: string;
  /** Arrival order. */
  readonly seq: number;
  /** Alternation key: the faction id, or one of its own for each independent. */
  readonly group: string;
  readonly stance: Stance | null;
  /** Quota pool (faction id, "" for independents); null: not charged (podium guests). */
  readonly pool: string | null;
}

export interface PolicyContext {
  /** Group and stance of the speech before the first of these (the running or last speech on the item). */
  readonly previousGroup: string | null;
  readonly previousStance: Stance | null;
  /** Speeches already held (or queued ahead) per group on this item. */
  readonly heard: Readonly<Record<string, number>>;
  /** Seats of a group (0 for independents). */
  readonly strength: (group: string) => number;
  /** Remaining seconds per pool; null: no allotment. */
  readonly remaining: Readonly<Record<string, number>> | null;
  /** Default limit of a speech, seconds; null: none. */
  readonly plannedSeconds: number | null;
}

export function orderBy(policy: OrderPolicy, candidates: readonly Candidate[], ctx: PolicyContext): Candidate[] {
  const arrival = [...candidates].sort((a, b) => a.seq - b.seq);
  switch (policy) {
    case 'first_come':
      return arrival;
    case 'alternate_factions':
      return alternateFactions(arrival, ctx);
    case 'pro_contra':
      return proContra(arrival, ctx);
    case 'quota':
      return ctx.remaining ? byQuota(arrival, ctx.remaining, ctx.plannedSeconds) : arrival;
    default: {
      const unknown: never = policy;
      void unknown;
      return arrival;
    }
  }
}

function tally(record: Readonly<Record<string, number>>): Map<string, number> {
  return new Map(Object.entries(record));
}

function alternateFactions(rest: Candidate[], ctx: PolicyContext): Candidate[] {
  const heard = tally(ctx.heard);
  const count = (g: string) => heard.get(g) ?? 0;
  let previous = ctx.previousGroup;
  const out: Candidate[] = [];
  while (rest.length) {
    const others = rest.filter((c) => c.group !== previous);
    const pool = others.length ? others : rest;
    let best = pool[0]!;
    for (const c of pool) {
      const byHeard = count(c.group) - count(best.group);
      const byStrength = ctx.strength(best.group) - ctx.strength(c.group);
      if (byHeard < 0 || (byHeard === 0 && (byStrength < 0 || (byStrength === 0 && c.seq < best.seq)))) best = c;
    }
    out.push(best);
    rest.splice(rest.indexOf(best), 1);
    heard.set(best.group, count(best.group) + 1);
    previous = best.group;
  }
  return out;
}

function proContra(rest: Candidate[], ctx: PolicyContext): Candidate[] {
  let previous = ctx.previousStance;
  const out: Candidate[] = [];
  while (rest.length) {
    const wanted: Stance = previous === 'pro' ? 'contra' : 'pro';
    const pick = rest.find((c) => c.stance === wanted) ?? rest[0]!;
    out.push(pick);
    rest.splice(rest.indexOf(pick), 1);
    if (pick.stance !== null) previous = pick.stance;
  }
  return out;
}

function byQuota(rest: Candidate[], remaining: Readonly<Record<string, number>>, planned: number | null): Candidate[] {
  const left = tally(remaining);
  const count = (pool: string) => left.get(pool) ?? 0;
  const out: Candidate[] = rest.filter((c) => c.pool === null);
  const charged = rest.filter((c) => c.pool !== null);
  while (charged.length) {
    let best = charged[0]!;
    for (const c of charged) {
      const diff = count(c.pool!) - count(best.pool!);
      if (diff > 0 || (diff === 0 && c.seq < best.seq)) best = c;
    }
    out.push(best);
    charged.splice(charged.indexOf(best), 1);
    const pool = best.pool!;
    const available = Math.max(0, count(pool));
    left.set(pool, count(pool) - (planned === null ? available : Math.min(planned, available)));
  }
  return out;
}
