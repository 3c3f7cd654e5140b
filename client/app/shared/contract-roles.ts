import { isChairTeam, maySpeakOnFloor, type Role as ContractRole } from '@contract/roles';
import type { Role } from './graphql-schema.generated';

/** The GraphQL enum's roles by the contract's names (contract/roles.ts): every enum value has one. */
const contractRole: Readonly<Record<Role, ContractRole>> = {
  CHAIR: 'chair',
  MODERATOR: 'moderator',
  MEMBER: 'member',
  PODIUM_GUEST: 'podium_guest',
  INTERPRETER: 'interpreter',
  CLERK: 'clerk',
  IT_ADMIN: 'it_admin',
};

/** Whether someone with these roles belongs to the chair's team (the server's rule). */
export function chairTeam(roles: readonly Role[]): boolean {
  return isChairTeam(roles.map((role) => contractRole[role]));
}

/** Whether someone with these roles may hold the floor (the server's rule). */
export function floorSpeaker(roles: readonly Role[]): boolean {
  return maySpeakOnFloor(roles.map((role) => contractRole[role]));
}
