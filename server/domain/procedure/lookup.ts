import type { ItemState, ProcedureState } from './state';

/** A record's own value for `key` (never one inherited from Object.prototype, whatever the id). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export const emptyItem: ItemState = { calledAt: null, policy: null, listClosed: false, manualOrder: null, allotment: null };

export function itemOf(state: ProcedureState, agendaItemId: string): ItemState {
  return own(state.items, agendaItemId) ?? emptyItem;
}

/** Milliseconds from an ISO instant to another instant (never negative). */
export function msBetween(from: string, to: string | Date): number {
  const end = typeof to === 'string' ? Date.parse(to) : to.getTime();
  const d = end - Date.parse(from);
  return Number.isFinite(d) && d > 0 ? d : 0;
}

export function addSeconds(now: Date, seconds: number): string {
  return new Date(now.getTime() + seconds * 1000).toISOString();
}
