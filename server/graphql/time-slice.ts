/**
 * Cooperative time slicing for GraphQL execution. graphql-js resolves everything it can reach
 * without waiting in one go: when a batch of lookups comes back, thousands of fields run before the
 * event loop turns again (10,000 values: 100–500 ms on two busy cores). A field that starts after
 * the current slice is spent waits in line for a later turn of the loop, so other requests, the
 * media signalling and the broadcast's timers run in between. Process-wide: what matters is how
 * long the loop is held, whoever holds it.
 */

/** Milliseconds of field resolution before the loop is given back. */
export const sliceMs = 5;

let sliceStart = -1;
const endSlice = () => {
  sliceStart = -1;
};

/** True when this turn of the event loop has resolved fields for longer than a slice. */
export function sliceSpent(): boolean {
  const now = performance.now();
  if (sliceStart < 0) {
    sliceStart = now;
    // Immediates queued now run after this turn's I/O: the slice ends with the turn.
    setImmediate(endSlice);
    return false;
  }
  return now - sliceStart > sliceMs;
}

/**
 * The fields waiting for a slice, first come first served. A turn lets them go one at a time, each
 * after the work the one before started (a microtask later), until its slice is spent; the rest
 * wait, untouched, for the next turn. Fields let go in the same turn start their lookups together,
 * so those are still batched into one query (loaders.ts).
 */
const waiting: (() => void)[] = [];
let head = 0;
let draining = false;

/** Resolves when a later turn of the event loop has time for the caller. */
export function nextSlice(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!draining) {
      draining = true;
      setImmediate(drain);
    }
  });
}

function drain(): void {
  if (head === waiting.length) {
    waiting.length = head = 0;
    draining = false;
  } else if (sliceSpent()) {
    setImmediate(drain);
  } else {
    waiting[head++]!();
    queueMicrotask(drain);
  }
}
