/**
 * The speaker list of an agenda item in the order the floor will be given (points of order are kept
 * apart and go before all of it). Order:
 *   1. short interventions not placed by the chair, first come (they reply to the speech just finished);
 *   2. the requests the chair placed with speaker.reorder, in the chair's order (a manual order pins
 *      the requests pending at the time; it overrides the policy for them, and a new policy clears it);
 *   3. the other speeches, in the item's order policy, continuing from the speech before them.
 */
import type { SittingContext } from './commands';
import type { PersonRef } from './events';
import type { ProcedureState, SpeakerRequest } from './state';
import type { Stance } from './vocabulary';
import { orderBy, type Candidate } from './order-policies';
import { chargesQuota, quotaLines, quotaKey } from './clocks';
import { itemOf, own } from './lookup';
import { membersOnly } from './permissions';

export interface Ordered {
  readonly request: SpeakerRequest;
  /** Placed by the chair's speaker.reorder. */
  readonly pinned: boolean;
}

/** Requests still waiting on an item for the floor (speeches and short interventions), in arrival order. */
export function pendingOn(state: ProcedureState, agendaItemId: string): SpeakerRequest[] {
  return Object.values(state.requests)
    .filter((r) => r.agendaItemId === agendaItemId && r.status === 'pending' && r.requestKind !== 'interjection')
    .sort((a, b) => a.seq - b.seq);
}

/** Alternation key: the faction, or one of its own for each independent or guest. */
export function groupOf(person: PersonRef): string {
  return person.factionId ?? `person:${person.personId}`;
}

export function orderedRequests(state: ProcedureState, sitting: SittingContext, agendaItemId: string, now: Date | string): Ordered[] {
  const rules = state.rulebook ?? sitting.rulebook;
  const item = itemOf(state, agendaItemId);
  const pending = pendingOn(state, agendaItemId);
  const pendingIds = new Set(pending.map((r) => r.requestId));
  const pinnedIds = new Set((item.manualOrder ?? []).filter((id) => pendingIds.has(id)));
  const pinned = [...pinnedIds].map((id) => own(state.requests, id)!);
  const shorts = pending.filter((r) => r.requestKind === 'short_intervention' && !pinnedIds.has(r.requestId));
  const speeches = pending.filter((r) => r.requestKind === 'speech' && !pinnedIds.has(r.requestId));

  // The speech before the policy's first: the last one the chair placed, else the running or last speech on the item.
  const spoken = [...state.floors, ...(state.floor ? [state.floor] : [])].filter((f) => f.agendaItemId === agendaItemId && chargesQuota(f.floorKind));
  const heard = new Map<string, number>();
  const bump = (g: string) => heard.set(g, (heard.get(g) ?? 0) + 1);
  let previousGroup: string | null = null;
  let previousStance: Stance | null = null;
  for (const f of spoken) {
    bump(groupOf(f.person));
    previousGroup = groupOf(f.person);
    const stance = f.requestId ? own(state.requests, f.requestId)?.stance : null;
    if (stance) previousStance = stance;
  }
  const chargeable = membersOnly(sitting);
  const lines = quotaLines(state, agendaItemId, now, chargeable);
  const remaining = lines ? new Map(lines.map((l) => [l.factionId, l.remaining])) : null;
  const planned = rules.speech.limits.speech;
  for (const r of pinned) {
    if (r.requestKind !== 'speech') continue;
    bump(groupOf(r.person));
    previousGroup = groupOf(r.person);
    if (r.stance) previousStance = r.stance;
    if (remaining && chargeable(r.person)) {
      const left = remaining.get(quotaKey(r.person)) ?? 0;
      remaining.set(quotaKey(r.person), left - (planned === null ? Math.max(0, left) : Math.min(planned, Math.max(0, left))));
    }
  }

  const seats = new Map(sitting.factions.map((f) => [f.id, f.seats]));
  const byId = new Map(speeches.map((r) => [r.requestId, r]));
  const candidates: Candidate[] = speeches.map((r) => ({
    requestId: r.requestId,
    seq: r.seq,
    group: groupOf(r.person),
    stance: r.stance,
    pool: chargeable(r.person) ? quotaKey(r.person) : null,
  }));
  const ordered = orderBy(item.policy ?? rules.order.defaultPolicy, candidates, {
    previousGroup,
    previousStance,
    heard: Object.fromEntries(heard),
    strength: (group) => seats.get(group) ?? 0,
    remaining: remaining ? Object.fromEntries(remaining) : null,
    plannedSeconds: planned,
  });
  return [
    ...shorts.map((request) => ({ request, pinned: false })),
    ...pinned.map((request) => ({ request, pinned: true })),
    ...ordered.map((c) => ({ request: byId.get(c.requestId)!, pinned: false })),
  ];
}
