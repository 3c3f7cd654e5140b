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
  readonly broadcasts: Pick<Broadcasts, 'addCaption' | 'recordings' | 'isLive'> | null;
}
