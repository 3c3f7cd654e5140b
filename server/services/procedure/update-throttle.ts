import type { StoredEntry } from '../../domain/record';

/** While ballots stream in, subscribers hear at most one update per window per sitting: turnout twice a second is plenty. */
export const BALLOT_WINDOW_MS = 500;

/**
 * Every commit wakes every listener of the sitting, and each wake-up costs the server a fraction of
 * a millisecond per listener: 700 listeners times a commit per few ballots would swamp the event
 * loop during a vote. Ballots are therefore coalesced into one update per window; anything else
 * (the floor, a vote opening or closing) goes out at once, together with the ballots held back.
 */
export class UpdateThrottle {
  private readonly held = new Map<string, { entries: StoredEntry[]; timer: NodeJS.Timeout | null }>();

  constructor(
    private readonly publish: (sittingId: string, entries: readonly StoredEntry[]) => void,
    private readonly windowMs = BALLOT_WINDOW_MS,
  ) {}

  committed(sittingId: string, entries: readonly StoredEntry[]): void {
    const window = this.held.get(sittingId);
    const onlyBallots = entries.every((e) => e.event.kind === 'ballot.cast');
    if (window && onlyBallots) {
      window.entries.push(...entries);
      return;
    }
    const all = [...(window?.entries ?? []), ...entries];
    if (window?.timer) clearTimeout(window.timer);
    this.held.delete(sittingId);
    this.publish(sittingId, all);
    if (onlyBallots) this.open(sittingId);
  }

  private open(sittingId: string): void {
    const timer = setTimeout(() => {
      const window = this.held.get(sittingId);
      this.held.delete(sittingId);
      if (window && window.entries.length > 0) {
        this.publish(sittingId, window.entries);
        this.open(sittingId); // still streaming: keep throttling
      }
    }, this.windowMs);
    timer.unref();
    this.held.set(sittingId, { entries: [], timer });
  }

  clear(): void {
    for (const w of this.held.values()) if (w.timer) clearTimeout(w.timer);
    this.held.clear();
  }
}
