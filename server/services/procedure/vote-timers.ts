import type { Logger } from '../../log';

/** After a refused close, try again no sooner than this. */
const RETRY_MS = 250;

interface TimedVote {
  readonly voteId: string;
  readonly status: string;
  readonly closesAt: string | null;
}

/**
 * Closes votes when their duration ends. The deadline lives in the record (vote.opened.closesAt),
 * so after a restart `sync` re-arms every open vote from the folded state; a deadline already past
 * closes at once. Closing is an ordinary command: the domain refuses it if someone closed it first.
 */
export class VoteTimers {
  private readonly armed = new Map<string, { timer: NodeJS.Timeout; closesAt: string }>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly close: (sittingId: string, voteId: string) => Promise<void>,
  ) {}

  /** `retry`: after a refused close, arm again even for the same deadline (at least RETRY_MS later). */
  sync(sittingId: string, votes: readonly TimedVote[], opts: { retry?: boolean } = {}): void {
    for (const v of votes) {
      const current = this.armed.get(v.voteId);
      if (v.status !== 'open' || !v.closesAt) {
        if (current) {
          clearTimeout(current.timer);
          this.armed.delete(v.voteId);
        }
        continue;
      }
      if (current?.closesAt === v.closesAt && !opts.retry) continue;
      if (current) clearTimeout(current.timer);
      const delay = Math.max(opts.retry ? RETRY_MS : 0, new Date(v.closesAt).getTime() - this.now().getTime());
      const timer = setTimeout(() => {
        this.armed.delete(v.voteId);
        this.log.info('expired | closing vote', { sitting: sittingId, vote: v.voteId });
        void this.close(sittingId, v.voteId);
      }, delay);
      timer.unref();
      this.armed.set(v.voteId, { timer, closesAt: v.closesAt });
    }
  }

  clear(): void {
    for (const { timer } of this.armed.values()) clearTimeout(timer);
    this.armed.clear();
  }
}
