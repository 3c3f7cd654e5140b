/**
 * What the fuzzer watches in its own process, where the app runs: event-loop blocks (with the
 * inputs in flight when they happened), unhandled errors and rejections (same), and memory.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';

export interface Incident {
  readonly what: string;
  readonly inFlight: readonly string[];
}

export interface MemoryFigures {
  readonly heapMb: number;
  readonly rssMb: number;
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

/** A full collection, so heap figures before and after compare live objects, not garbage. */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc === 'function') gc();
}

export function memory(): MemoryFigures {
  collectGarbage();
  const m = process.memoryUsage();
  return { heapMb: mb(m.heapUsed), rssMb: mb(m.rss) };
}

export class FuzzWatch {
  readonly blocks: Incident[] = [];
  readonly unhandled: Incident[] = [];
  readonly #inFlight = new Map<number, string>();
  #next = 0;
  readonly #histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  #timer: NodeJS.Timeout | undefined;
  #last = 0;

  constructor(private readonly blockMs: number) {}

  readonly #onError = (error: unknown) => this.unhandled.push({ what: `uncaught: ${describeError(error)}`, inFlight: [...this.#inFlight.values()] });
  readonly #onRejection = (reason: unknown) => this.unhandled.push({ what: `unhandled rejection: ${describeError(reason)}`, inFlight: [...this.#inFlight.values()] });

  start(): void {
    process.on('uncaughtException', this.#onError);
    process.on('unhandledRejection', this.#onRejection);
    this.#histogram.enable();
    this.#last = performance.now();
    // Our own clock beside the histogram: it names the inputs in flight when the loop stood still.
    this.#timer = setInterval(() => {
      const now = performance.now();
      const late = now - this.#last - 20;
      if (late > this.blockMs) this.blocks.push({ what: `event loop blocked ${Math.round(late)} ms`, inFlight: [...this.#inFlight.values()] });
      this.#last = now;
    }, 20);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#histogram.disable();
    process.off('uncaughtException', this.#onError);
    process.off('unhandledRejection', this.#onRejection);
  }

  /** The longest event-loop delay seen, in ms. */
  get maxBlockMs(): number {
    return Math.round(this.#histogram.max / 1e6);
  }

  /** Runs `task` with `label` among the inputs in flight. */
  async track<T>(label: string, task: () => Promise<T>): Promise<T> {
    const key = this.#next++;
    this.#inFlight.set(key, label);
    try {
      return await task();
    } finally {
      this.#inFlight.delete(key);
    }
  }
}

function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message} ${e.stack?.split('\n').slice(1, 4).join(' | ') ?? ''}` : String(e);
}
