/** What the clock needs of the floor (a subset of the API's Floor). */
export interface FloorTiming {
  readonly startedAt: string;
  /** Including extensions; null when the speech has no limit. */
  readonly limitSeconds: number | null;
  /** Counted by the server at `serverTime`: time of accepted interjections left out. */
  readonly elapsedSeconds: number;
  /** An accepted interjection question holding the floor beside the speech: the speech clock stands. */
  readonly interjection: { readonly startedAt: string } | null;
  /** The clock stands (an interjection, or "mute all" where the rules stop the clocks); absent: only an interjection stops it. */
  readonly clockStopped?: boolean;
  /** The speaker is warned this many seconds before the end (the rulebook's); absent or null: no warning. */
  readonly warningSeconds?: number | null;
}

export interface FloorClockReading {
  readonly elapsedSeconds: number;
  readonly limitSeconds: number | null;
  /** Seconds left before the limit; 0 once overrun; null without a limit. */
  readonly remainingSeconds: number | null;
  readonly overrunSeconds: number;
  readonly overrun: boolean;
  /** The end is near: within the rulebook's warning before the limit, not yet overrun. */
  readonly warning: boolean;
  /** Seconds the interjection question has been running, or null. */
  readonly interjectionSeconds: number | null;
}

function seconds(fromIso: string, toMs: number): number {
  return (toMs - Date.parse(fromIso)) / 1000;
}

/**
 * The speech clock at `serverNowMs` (the server's time, see ServerClock). It starts from the server's
 * own count at `serverTime` and runs on from `startedAt`: whatever the server did not count up to
 * then (interjections) stays uncounted, and while an interjection runs the clock stands.
 */
export function readFloorClock(floor: FloorTiming, serverTime: string, serverNowMs: number): FloorClockReading {
  const sinceStartAtServer = seconds(floor.startedAt, Date.parse(serverTime));
  const uncounted = Math.max(0, Math.floor(sinceStartAtServer - floor.elapsedSeconds));
  const running = Math.floor(seconds(floor.startedAt, serverNowMs) - uncounted);
  const stands = floor.interjection !== null || floor.clockStopped === true;
  const elapsedSeconds = stands ? floor.elapsedSeconds : Math.max(floor.elapsedSeconds, running);
  const limit = floor.limitSeconds;
  const overrunSeconds = limit === null ? 0 : Math.max(0, elapsedSeconds - limit);
  const warn = floor.warningSeconds ?? null;
  return {
    elapsedSeconds,
    limitSeconds: limit,
    remainingSeconds: limit === null ? null : Math.max(0, limit - elapsedSeconds),
    overrunSeconds,
    overrun: overrunSeconds > 0,
    warning: limit !== null && warn !== null && overrunSeconds === 0 && limit - elapsedSeconds <= warn,
    interjectionSeconds: floor.interjection === null ? null : Math.max(0, Math.floor(seconds(floor.interjection.startedAt, serverNowMs))),
  };
}

/** Whole seconds from `serverNowMs` until the instant, never below 0 (break and vote countdowns). */
export function secondsUntil(instant: string, serverNowMs: number): number {
  return Math.max(0, Math.ceil((Date.parse(instant) - serverNowMs) / 1000));
}

/** `4:07`, `0:09`, `1:02:03`. */
export function formatDuration(totalSeconds: number): string {
  const whole = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
