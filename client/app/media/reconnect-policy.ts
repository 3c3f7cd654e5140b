import { mediaCloseCodes } from '@contract/media-protocol';

/** What to do when the media socket closed with `code`: stop for good, or try again. */
export type CloseVerdict = 'refused' | 'replaced' | 'retry';

export function closeVerdict(code: number): CloseVerdict {
  if (code === mediaCloseCodes.refused) {
    return 'refused';
  }
  if (code === mediaCloseCodes.replaced) {
    return 'replaced';
  }
  return 'retry';
}

/** The first wait before reconnecting, and the longest. */
export const firstRetryMs = 500;
export const longestRetryMs = 15_000;

/**
 * How long to wait before reconnect attempt `attempt` (0 first): doubling from half a second up to
 * fifteen, each spread by ±20 % so that a chamber full of browsers does not come back in one burst.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(longestRetryMs, firstRetryMs * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}
