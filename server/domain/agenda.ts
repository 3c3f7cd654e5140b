import { RuleViolation } from './errors';
import type { SittingState } from './sitting';

/** The order of an agenda as ids; position n is index n-1. */
export type AgendaOrder = readonly string[];

/** Where a new item lands: at `position` (1-based, clamped) or at the end. */
export function insertAt(order: AgendaOrder, id: string, position?: number): AgendaOrder {
  const at = clamp((position ?? order.length + 1) - 1, 0, order.length);
  return [...order.slice(0, at), id, ...order.slice(at)];
}

export function moveTo(order: AgendaOrder, id: string, position: number): AgendaOrder {
  const rest = order.filter((x) => x !== id);
  if (rest.length === order.length) throw new RuleViolation('agenda.item_not_in_sitting', `agenda item ${id} is not on this agenda`);
  return insertAt(rest, id, position);
}

export function remove(order: AgendaOrder, id: string): AgendaOrder {
  return order.filter((x) => x !== id);
}

/** The agenda of a closed sitting is part of its record, that of a cancelled one of the notice: both stay as they were. */
export function assertAgendaEditable(state: SittingState): void {
  if (state === 'closed') throw new RuleViolation('agenda.sitting_closed', 'the sitting is closed; its agenda can no longer change');
  if (state === 'cancelled') throw new RuleViolation('agenda.sitting_cancelled', 'the sitting has been cancelled; its agenda can no longer change');
}

/**
 * The procedure of a sitting in progress (open or suspended) refers to its items by id and by place:
 * calling, speaking time, votes. Removing or reordering them outside procedure would pull them out
 * from under it, so neither happens then. Adding at the end and correcting a title stay possible.
 * In an open sitting the agenda changes through procedure instead: `agenda.amend` (GraphQL
 * amendAgenda) carries out an accepted point of order or a vote that passed, and the record says so.
 */
export function assertAgendaArrangeable(state: SittingState, change: 'remove' | 'move' | 'insert'): void {
  if (state !== 'open' && state !== 'suspended') return;
  const what = { remove: 'removed', move: 'moved', insert: 'inserted between others (add it at the end)' }[change];
  throw new RuleViolation(
    'agenda.sitting_in_progress',
    `the sitting is ${state}; an item of its agenda cannot be ${what} outside procedure: the chair's team carries out the house's decision with amendAgenda`,
  );
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}
