import type { Arrangements } from '../domain/arrangements';
import type { Logger } from '../log';
import type { ProcedureSnapshot } from '../services/procedure';
import type { PlenumPubSub } from '../services/pubsub';
import { floorStateOf } from './floor-state';
import { keptOut } from '../domain/procedure/lobby';
import type { SittingMedia } from './sitting-media';

export interface MediaFollowsSittingDeps {
  readonly pubsub: PlenumPubSub;
  readonly log: Logger;
  snapshot(sittingId: string): Promise<ProcedureSnapshot>;
  arrangements(sittingId: string): Promise<Arrangements>;
}

/**
 * Makes a sitting's media follow its procedure and arrangements (booths on air, relays, subrooms): applied once before the first
 * peer joins, then after every commit or change of arrangements, coalesced (a burst of commits applies
 * the latest state once). A closed sitting closes its media. Returns the registry's `prepare`.
 */
export function mediaFollowsSitting(deps: MediaFollowsSittingDeps): (media: SittingMedia) => Promise<void> {
  return async (media) => {
    const sittingId = media.sittingId;
    let running: Promise<void> | null = null;
    let again = false;

    async function apply(): Promise<void> {
      const [snap, arrangements] = await Promise.all([deps.snapshot(sittingId), deps.arrangements(sittingId)]);
      if (media.isClosed) return;
      if (snap.state.phase === 'closed') return media.close('closed');
      // Whoever was removed, or whose admission ended, leaves the media before anything else changes.
      media.dismiss(keptOut(snap.state));
      await media.setFloor(floorStateOf(snap.state, arrangements));
    }

    function schedule(): void {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await apply().catch((error: unknown) => deps.log.error('media follows sitting | applying the floor failed', { sitting: sittingId, error }));
        } while (again && !media.isClosed);
        running = null;
      })();
    }

    await apply();
    const commits = deps.pubsub.subscribe('procedure:committed', sittingId);
    const arrangementChanges = deps.pubsub.subscribe('arrangements:changed', sittingId);
    void (async () => {
      // A commit of ballots alone leaves the floor as it was (the engine says which commits those are).
      for await (const c of commits) if (c.changes.procedure) schedule();
    })();
    void (async () => {
      for await (const _ of arrangementChanges) schedule();
    })();
    media.once('close', () => {
      void commits.return?.();
      void arrangementChanges.return?.();
    });
  };
}
