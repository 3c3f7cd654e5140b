import { mergeChanges } from '../../domain/procedure/commit-changes';
import type { StoredEntry } from '../../domain/record';
import type { Commit } from './sitting-engine';

/** While ballots stream in, subscribers hear at most one update per window per sitting: turnout twice a second is plenty. */
export const BALLOT_WINDOW_MS = 500;

/**
 * Every commit wakes every listener of the sitting, and each wake-up costs the server a fraction of
 * a millisecond per listener: 700 listeners times a commit per few ballots would swamp the event
 * loop during a vote. Commits that changed only ballots (the engine says so) are therefore coalesced
 * into one update per window; anything else (the floor, a vote opening or closing) goes out at once,
 * together with the ballots held back.
 */
export class UpdateThrottle {
  private readonly held = new Map<string, { entries: StoredEntry[]; changes: Commit['changes'] | null; timer: NodeJS.Timeout | null }>();

  constructor(
    private readonly publish: (sittingId: string, commit: Commit) => void,
    private readonly windowMs = BALLOT_WINDOW_MS,
  ) {}

  committed(sittingId: string, commit: Commit): void {
    const window = this.held.get(sittingId);
    const onlyBallots = !commit.changes.procedure;
    if (window && onlyBallots) {
      window.entries.push(...commit.entries);
      window.changes = window.changes ? mergeChanges(window.changes, commit.changes) : commit.changes;
      return;
    }
    if (window?.timer) clearTimeout(window.timer);
    this.held.delete(sittingId);
    const entries = [...(window?.entries ?? []), ...commit.entries];
    this.publish(sittingId, { entries, changes: window?.changes ? mergeChanges(window.changes, commit.changes) : commit.changes });
    if (onlyBallots) this.open(sittingId);
  }

  private open(sittingId: string): void {
    const timer = setTimeout(() => {
      const window = this.held.get(sittingId);
      this.held.delete(sittingId);
      if (window?.changes && window.entries.length > 0) {
        this.publish(sittingId, { entries: window.entries, changes: window.changes });
        this.open(sittingId); // still streaming: keep throttling
      }
    }, this.windowMs);
    timer.unref();
    this.held.set(sittingId, { entries: [], changes: null, timer });
  }

  clear(): void {
    for (const w of this.held.values()) if (w.timer) clearTimeout(w.timer);
    this.held.clear();
  }
}
