import type { Logger } from '../../log';

/** After a refused end (the clock stood meanwhile, or fired a hair early), try again no sooner than this. */
const RETRY_MS = 250;

/** What the timer needs of a sitting's floor: which one, and when it ends by itself (null: not by itself). */
export interface TimedFloor {
  readonly floorId: string;
  readonly endsAt: string | null;
}

/**
 * Ends a floor once it has run past its time and the rulebook's grace period (rulebook.floor.graceSeconds).
 * One timer per sitting; `sync` after every commit re-arms it from the folded state, so a new floor, an
 * extension, an interjection or a "mute all" that stops the clock moves or disarms it, and a restart
 * re-arms it from the record. Ending is an ordinary command (floor.expire): the domain ends the floor
 * once, and refuses while the speaker still has time.
 */
export class FloorTimers {
  private readonly armed = new Map<string, { timer: NodeJS.Timeout; floorId: string; endsAt: string }>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly expire: (sittingId: string, floorId: string) => Promise<void>,
  ) {}

  sync(sittingId: string, floor: TimedFloor | null, opts: { retry?: boolean } = {}): void {
    const current = this.armed.get(sittingId);
    if (!floor?.endsAt) {
      if (current) clearTimeout(current.timer);
      this.armed.delete(sittingId);
      return;
    }
    if (current?.floorId === floor.floorId && current.endsAt === floor.endsAt && !opts.retry) return;
    if (current) clearTimeout(current.timer);
    const delay = Math.max(opts.retry ? RETRY_MS : 0, Date.parse(floor.endsAt) - this.now().getTime());
    const { floorId, endsAt } = floor;
    const timer = setTimeout(() => {
      this.armed.delete(sittingId);
      this.log.info('grace over | ending the floor', { sitting: sittingId, floor: floorId });
      void this.expire(sittingId, floorId);
    }, delay);
    timer.unref();
    this.armed.set(sittingId, { timer, floorId, endsAt });
  }

  clear(): void {
    for (const { timer } of this.armed.values()) clearTimeout(timer);
    this.armed.clear();
  }
}
