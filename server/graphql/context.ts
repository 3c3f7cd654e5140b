import { GraphQLError } from 'graphql';
import type { Broadcasts } from '../broadcast/broadcasts';
import type { AuthUser } from '../auth';
import type { Services } from '../services';
import type { Loaders } from './loaders';

/** Built per request (per subscription for graphql-ws); resolvers reach services only through it. */
export interface GraphQLContext {
  readonly user: AuthUser | null;
  readonly services: Services;
  readonly loaders: Loaders;
  /** Whether this server runs mediasoup workers (MEDIA_WORKERS=0 turns audio and video off). */
  readonly mediaAvailable: boolean;
  /** The sittings' broadcasts; null when this server does not broadcast (no media, or BROADCAST=off). */
  readonly broadcasts: Pick<Broadcasts, 'addCaption' | 'recordings' | 'closedSittingChapters' | 'isLive'> | null;
}

/** The refusals of the auth scopes (server/graphql/builder.ts): nobody signed in, or not allowed. */
export const signInFirst = () => new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } } });
export const notAllowed = () => new GraphQLError('You are not allowed to do this.', { extensions: { code: 'FORBIDDEN', http: { status: 200 } } });

/**
 * The signed-in user, for fields whose scopes already require one (signedIn, anyRole, itAdmin):
 * the scopes refuse first, so the throw here only guards a field that forgot its scope.
 */
export function signedInUser(ctx: GraphQLContext): AuthUser {
  if (!ctx.user) throw signInFirst();
  return ctx.user;
}
