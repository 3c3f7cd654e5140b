import type { AdminActor } from '../domain/admin-log';
import { signedInUser, type GraphQLContext } from './context';

/** Who the admin log names for a change: the signed-in account and its bound person. */
export function adminActorOf(ctx: GraphQLContext): AdminActor {
  const user = signedInUser(ctx);
  return { username: user.username, personId: user.personId };
}
