import type { FactionRow } from './faction-groups';

/** One stretch of the seat strip. */
export interface SeatSegment {
  readonly key: string;
  /** Short label drawn in the strip. */
  readonly label: string;
  /** Full name for the legend. */
  readonly name: string;
  readonly colour: string;
  readonly seats: number;
}

export const independentColour = '#5f6b7a';
export const vacantColour = '#e3e6ea';

/**
 * The chamber as a strip: each faction's seats in the order given, then the independent members,
 * then any seats of the statutory membership that neither account for (vacant).
 */
export function seatSegments(statutoryMembers: number, factions: readonly FactionRow[], independentMembers: number): SeatSegment[] {
  const segments: SeatSegment[] = factions
    .filter((faction) => faction.seats > 0)
    .map((faction) => ({
      key: `faction-${faction.id}`,
      label: faction.shortName,
      name: faction.name,
      colour: faction.colour,
      seats: faction.seats,
    }));
  if (independentMembers > 0) {
    segments.push({
      key: 'independent',
      label: 'Ind.',
      name: 'Independent members',
      colour: independentColour,
      seats: independentMembers,
    });
  }
  const vacant = statutoryMembers - segments.reduce((sum, segment) => sum + segment.seats, 0);
  if (vacant > 0) {
    segments.push({ key: 'vacant', label: 'Vacant', name: 'Vacant seats', colour: vacantColour, seats: vacant });
  }
  return segments;
}
