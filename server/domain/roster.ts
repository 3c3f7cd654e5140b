import { RuleViolation } from './errors';

/** Plain data the roster rules look at; no rows, no I/O. */
export interface SeatCount {
  readonly factionId: string;
  readonly seats: number;
  /** Members currently recorded for the faction. */
  readonly members: number;
}

/**
 * A faction's seats can never be fewer than the members it has, and all factions' seats together
 * cannot exceed the statutory membership (independents hold seats too).
 */
export function checkSeats(statutoryMembers: number, factions: readonly SeatCount[], independents: number): void {
  for (const f of factions) {
    if (f.members > f.seats) {
      throw new RuleViolation('roster.seats_below_members', `faction ${f.factionId} has ${f.members} members but only ${f.seats} seats`);
    }
  }
  const held = factions.reduce((sum, f) => sum + f.seats, 0) + independents;
  if (held > statutoryMembers) {
    throw new RuleViolation(
      'roster.seats_exceed_membership',
      `factions and independents would hold ${held} seats, more than the statutory ${statutoryMembers}`,
    );
  }
}
