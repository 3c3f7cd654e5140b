/** Upper bounds of the numbers commands and mutations take: nothing in a sitting needs more. */
export const numberLimits = {
  breakMinutes: 24 * 60,
  debateMinutes: 24 * 60,
  limitSeconds: 4 * 3600,
  extendSeconds: 3600,
  voteDurationSeconds: 24 * 3600,
  agendaPosition: 1000,
  sittingNumber: 1_000_000,
  listIds: 1000,
} as const;
