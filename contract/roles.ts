/**
 * Who a person is in the parliament, and the groups of roles that rules name. The server's
 * people table, the domain's actors and the media topology use these; imports nothing.
 */
export const roles = ['chair', 'moderator', 'member', 'podium_guest', 'interpreter', 'clerk', 'it_admin'] as const;

export type Role = (typeof roles)[number];

/** The chair's team: the president and vice-presidents (role chair) and moderators. */
export const chairTeamRoles = ['chair', 'moderator'] as const satisfies readonly Role[];

/** Whether someone with these roles belongs to the chair's team. */
export function isChairTeam(held: readonly Role[]): boolean {
  return held.some((r) => (chairTeamRoles as readonly Role[]).includes(r));
}

/** Who may hold the floor: members, the chair's team and podium guests; interpreters, clerks and IT never. */
export const floorSpeakerRoles = ['chair', 'moderator', 'member', 'podium_guest'] as const satisfies readonly Role[];

/** Whether someone with these roles may hold the floor. */
export function maySpeakOnFloor(held: readonly Role[]): boolean {
  return held.some((r) => (floorSpeakerRoles as readonly Role[]).includes(r));
}
