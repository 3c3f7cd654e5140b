import type { SittingState } from '../shared/graphql-schema.generated';
import type { StreamPhase } from './stream-state';

/** What the player says instead of a picture, if anything. */
export type StreamNotice = 'loading' | 'not-started' | 'sitting-closed' | 'unreachable' | 'recovering' | 'unsupported';

/** The notice for the broadcast's phase; a broadcast that is not there for a closed sitting will not come (back). */
export function streamNotice(phase: StreamPhase, sittingPhase: SittingState | null): StreamNotice | null {
  switch (phase) {
    case 'ready':
      return null;
    case 'idle':
    case 'loading':
      return 'loading';
    case 'not-started':
    case 'recovering':
      return sittingPhase === 'CLOSED' ? 'sitting-closed' : phase;
    case 'unreachable':
    case 'unsupported':
      return phase;
    default: {
      const never: never = phase;
      return never;
    }
  }
}
