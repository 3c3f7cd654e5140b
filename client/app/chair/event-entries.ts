import type { JoinEntry, PersonRef, PointOfOrder } from '../procedure/procedure-state';
import type { RequestKind } from '../shared/graphql-schema.generated';

/** What the event console lists, most urgent kind first. */
export type EventKind = 'point-of-order' | 'hand' | 'join';

/** Points of order before hands (requests to speak) before people joining. */
export const eventPriority: Readonly<Record<EventKind, number>> = { 'point-of-order': 0, hand: 1, join: 2 };

/** A raised hand: a request on the speaker list, or an interjection question to the speaker. */
export interface RaisedHand {
  readonly id: string;
  readonly person: PersonRef;
  readonly requestedAt: string;
  readonly kind: RequestKind;
}

export interface EventEntry {
  readonly key: string;
  readonly kind: EventKind;
  readonly person: PersonRef;
  readonly at: string;
  /** The point of order's category id, or the request's kind (speech, interjection question, …). */
  readonly detail: string | null;
}

/**
 * The chair's event console: every pending point of order, every raised hand (requests on the
 * speaker list and interjection questions to the speaker) and recent joins, ordered by priority
 * and, within a priority, newest first.
 */
export function eventEntries(pointsOfOrder: readonly PointOfOrder[], hands: readonly RaisedHand[], joins: readonly JoinEntry[]): EventEntry[] {
  const entries: EventEntry[] = [
    ...pointsOfOrder.map((point) => ({
      key: `point-${point.id}`,
      kind: 'point-of-order' as const,
      person: point.person,
      at: point.raisedAt,
      detail: point.category,
    })),
    ...hands.map((request) => ({
      key: `hand-${request.id}`,
      kind: 'hand' as const,
      person: request.person,
      at: request.requestedAt,
      detail: request.kind,
    })),
    ...joins.map((join, index) => ({
      key: `join-${join.person.id}-${join.at}-${index}`,
      kind: 'join' as const,
      person: join.person,
      at: join.at,
      detail: null,
    })),
  ];
  return entries.sort((a, b) => eventPriority[a.kind] - eventPriority[b.kind] || Date.parse(b.at) - Date.parse(a.at));
}
