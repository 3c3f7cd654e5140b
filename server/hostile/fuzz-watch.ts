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
  /** V8's heap as reserved from the system, Buffers and other memory V8 knows of outside its heap. */
  readonly heapTotalMb: number;
  readonly externalMb: number;
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

/**
 * Full collections, so heap figures before and after compare live objects, not garbage: two (what
 * one frees can let the next free more), then one as in low memory ("last resort"), after which
 * V8 gives back the pages it had kept for later, so RSS compares too.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  // The context's `gc` is the one --expose-gc adds to globalThis (typed by @types/node).
  const gc = runInNewContext('gc') as typeof globalThis.gc;
  if (typeof gc !== 'function') return;
  gc();
  gc();
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

export function memory(): MemoryFigures {
  collectGarbage();
  const m = process.memoryUsage();
  return { heapMb: mb(m.heapUsed), rssMb: mb(m.rss), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external) };
}

const SLOW_MS = 100;
/** Own work shorter than this is left in the figures: swapping histograms costs more than it hides. */
const EXCLUDE_FROM_MS = 5;

export class FuzzWatch {
  readonly blocks: Incident[] = [];
  /** Holds over the per-request invariant (100 ms) but within the fuzzer's limit: printed, not failed. */
  readonly slow: Incident[] = [];
  readonly unhandled: Incident[] = [];
  readonly #inFlight = new Map<number, string>();
  #next = 0;
  #histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  /** The longest delay of the histograms before the current one, in ns. */
  #earlierMaxNs = 0;
  #timer: NodeJS.Timeout | undefined;
  #last = 0;

  constructor(private readonly blockMs: number) {}

  readonly #onError = (error: unknown) => this.unhandled.push({ what: `uncaught: ${describeError(error)}`, inFlight: [...this.#inFlight.values()] });
  readonly #onRejection = (reason: unknown) =>
    this.unhandled.push({ what: `unhandled rejection: ${describeError(reason)}`, inFlight: [...this.#inFlight.values()] });

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
      else if (late > SLOW_MS) this.slow.push({ what: `event loop held ${Math.round(late)} ms`, inFlight: [...this.#inFlight.values()] });
      this.#last = now;
    }, 20);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#histogram.disable();
    process.off('uncaughtException', this.#onError);
    process.off('unhandledRejection', this.#onRejection);
  }

  /**
   * Runs the fuzzer's own synchronous work (making a 6 MB input, a full collection) without counting
   * it as the server's block: when it took long, the histogram that would record the delay at its
   * next tick is retired before that tick, and a fresh one takes over (a re-enabled one would
   * still count the pause).
   */
  excluding<T>(work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      if (performance.now() - started > EXCLUDE_FROM_MS) {
        this.#histogram.disable();
        this.#earlierMaxNs = Math.max(this.#earlierMaxNs, this.#histogram.max);
        this.#histogram = monitorEventLoopDelay({ resolution: 10 });
        this.#histogram.enable();
        this.#last = performance.now();
      }
    }
  }

  /** The longest event-loop delay seen, in ms. */
  get maxBlockMs(): number {
    return Math.round(Math.max(this.#earlierMaxNs, this.#histogram.max) / 1e6);
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
