import type { AgendaAmendment, JoinEntry, PersonRef, PointOfOrder } from '../procedure/procedure-state';
import type { RequestKind } from '../shared/graphql-schema.generated';

/** What the event console lists, most urgent kind first. */
export type EventKind = 'point-of-order' | 'hand' | 'agenda' | 'join';

/** Points of order before hands (requests to speak) before changes of the agenda before people joining. */
export const eventPriority: Readonly<Record<EventKind, number>> = { 'point-of-order': 0, hand: 1, agenda: 2, join: 3 };

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
  /** Who raised, asked or joined; for a change of the agenda who carried it out (null: not in the roster any more). */
  readonly person: PersonRef | null;
  readonly at: string;
  /** The point of order's category id, or the request's kind (speech, interjection question, …). */
  readonly detail: string | null;
  /** A change of the agenda carried out in the sitting (kind `agenda`). */
  readonly amendment: AgendaAmendment | null;
}

/**
 * The chair's event console: every pending point of order, every raised hand (requests on the
 * speaker list and interjection questions to the speaker), the changes of the agenda carried out
 * in the sitting (record entries agenda.amended) and recent joins, ordered by priority and, within
 * a priority, newest first.
 */
export function eventEntries(
  pointsOfOrder: readonly PointOfOrder[],
  hands: readonly RaisedHand[],
  joins: readonly JoinEntry[],
  amendments: readonly AgendaAmendment[] = [],
): EventEntry[] {
  const entries: EventEntry[] = [
    ...pointsOfOrder.map((point) => ({
      key: `point-${point.id}`,
      kind: 'point-of-order' as const,
      person: point.person,
      at: point.raisedAt,
      detail: point.category,
      amendment: null,
    })),
    ...hands.map((request) => ({
      key: `hand-${request.id}`,
      kind: 'hand' as const,
      person: request.person,
      at: request.requestedAt,
      detail: request.kind,
      amendment: null,
    })),
    ...amendments.map((amendment) => ({
      key: `agenda-${amendment.seq}`,
      kind: 'agenda' as const,
      person: amendment.by ?? null,
      at: amendment.at,
      detail: null,
      amendment,
    })),
    ...joins.map((join, index) => ({
      key: `join-${join.person.id}-${join.at}-${index}`,
      kind: 'join' as const,
      person: join.person,
      at: join.at,
      detail: null,
      amendment: null,
    })),
  ];
  return entries.sort(
    (a, b) => eventPriority[a.kind] - eventPriority[b.kind] || Date.parse(b.at) - Date.parse(a.at) || (b.amendment?.seq ?? 0) - (a.amendment?.seq ?? 0),
  );
}
