import { createPubSub } from 'graphql-yoga';
import type { StoredEntry } from '../domain/record';
import type { Arrangements } from '../domain/arrangements';
import type { CommitChanges } from '../domain/procedure/commit-changes';

/** Events a sitting publishes after commit; kinds use the `area.verb` names of commands and mutations. */
export interface SittingEvent {
  /** sitting.deleted only on 'sittings:any' (there is no sitting left to show on its own topic). */
  readonly kind: 'sitting.created' | 'sitting.updated' | 'sitting.deleted' | 'agenda.changed';
  readonly sittingId: string;
  readonly at: Date;
}

/** Roster changes (factions, people): parliament-wide, not scoped to a sitting. */
export interface RosterEvent {
  readonly kind: 'faction.changed' | 'person.changed';
  readonly id: string;
  readonly at: Date;
}

/** Entries just appended to a sitting's record, in order; subscribers derive what they show. */
export interface ProcedureCommitted {
  readonly sittingId: string;
  readonly entries: readonly StoredEntry[];
  /** What these entries changed, said by the engine (a commit of ballots alone leaves the floor and program as they were). */
  readonly changes: CommitChanges;
}

export type PlenumPubSub = ReturnType<typeof createPlenumPubSub>;

/** One typed topic map; sitting topics take the sitting id as their dynamic part. */
export function createPlenumPubSub() {
  return createPubSub<{
    'sitting:events': [sittingId: string, event: SittingEvent];
    'roster:events': [event: RosterEvent];
    /** Every sitting's events on one topic, for caches that span sittings. */
    'sittings:any': [event: SittingEvent];
    'procedure:committed': [sittingId: string, committed: ProcedureCommitted];
    /** The same commits of every sitting on one topic, for what spans sittings (the broadcasts). */
    'procedure:any': [committed: ProcedureCommitted];
    /** Booths on air, relays and subrooms of a sitting changed. */
    'arrangements:changed': [sittingId: string, state: Arrangements];
  }>();
}
