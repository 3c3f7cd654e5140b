import type { ChamberState } from '../domain/chamber';
import type { Logger } from '../log';
import type { ProcedureSnapshot } from '../services/procedure';
import type { PlenumPubSub } from '../services/pubsub';
import { floorStateOf } from './floor-state';
import type { SittingMedia } from './sitting-media';

export interface ChamberBridgeDeps {
  readonly pubsub: PlenumPubSub;
  readonly log: Logger;
  snapshot(sittingId: string): Promise<ProcedureSnapshot>;
  chamberState(sittingId: string): Promise<ChamberState>;
}

/**
 * Makes a sitting's media follow its procedure and chamber state: applied once before the first
 * peer joins, then after every commit or chamber change, coalesced (a burst of commits applies
 * the latest state once). A closed sitting closes its media. Returns the registry's `prepare`.
 */
export function chamberBridge(deps: ChamberBridgeDeps): (media: SittingMedia) => Promise<void> {
  return async (media) => {
    const sittingId = media.sittingId;
    let running: Promise<void> | null = null;
    let again = false;

    async function apply(): Promise<void> {
      const [snap, chamber] = await Promise.all([deps.snapshot(sittingId), deps.chamberState(sittingId)]);
      if (media.isClosed) return;
      if (snap.state.phase === 'closed') return media.close('closed');
      await media.setFloor(floorStateOf(snap.state, chamber));
    }

    function schedule(): void {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await apply().catch((error: unknown) => deps.log.error('chamber bridge | applying the floor failed', { sitting: sittingId, error }));
        } while (again && !media.isClosed);
        running = null;
      })();
    }

    await apply();
    const commits = deps.pubsub.subscribe('procedure:committed', sittingId);
    const chamberChanges = deps.pubsub.subscribe('chamber:changed', sittingId);
    void (async () => {
      // A commit of ballots alone leaves the floor as it was (the engine says which commits those are).
      for await (const c of commits) if (c.changes.procedure) schedule();
    })();
    void (async () => {
      for await (const _ of chamberChanges) schedule();
    })();
    media.once('close', () => {
      void commits.return?.();
      void chamberChanges.return?.();
    });
  };
}
