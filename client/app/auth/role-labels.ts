import type { Role } from '../shared/graphql-schema.generated';

/** How each role reads in the interface. */
export const roleLabels: Readonly<Record<Role, string>> = {
  CHAIR: 'Chair',
  MODERATOR: 'Moderator',
  MEMBER: 'Member',
  PODIUM_GUEST: 'Podium guest',
  INTERPRETER: 'Interpreter',
  CLERK: 'Clerk',
  IT_ADMIN: 'IT administrator',
};
