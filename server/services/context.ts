import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import type { PlenumPubSub } from './pubsub';

/** What every service needs; `now` is injected so rules and tests never read the clock themselves. */
export interface ServiceDeps {
  readonly db: Kysely<Database>;
  readonly pubsub: PlenumPubSub;
  readonly log: Logger;
  readonly now: () => Date;
}
