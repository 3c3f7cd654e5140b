/**
 * Upper bounds of the numbers commands and mutations take: nothing in a sitting needs more. The
 * server refuses larger numbers (server/domain/number-limits.ts re-exports this table); the browser's
 * number fields stop at the same bounds. Imports nothing.
 */
export const numberLimits = {
  breakMinutes: 24 * 60,
  debateMinutes: 24 * 60,
  limitSeconds: 4 * 3600,
  extendSeconds: 3600,
  voteDurationSeconds: 24 * 3600,
  agendaPosition: 1000,
  sittingNumber: 1_000_000,
  listIds: 1000,
  statutoryMembers: 10_000,
  documentLinks: 20,
} as const;
