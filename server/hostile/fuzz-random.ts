/**
 * The fuzzer's randomness: a small seeded generator (sfc32), and one independent stream per input
 * (seed, phase, index), so input N of a seed is the same whatever ran before it or concurrently.
 */
import { createHash } from 'node:crypto';

export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(key: string) {
    const h = createHash('sha256').update(key).digest();
    this.#a = h.readUInt32LE(0);
    this.#b = h.readUInt32LE(4);
    this.#c = h.readUInt32LE(8);
    this.#d = h.readUInt32LE(12);
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the choices, weighted. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((n, [w]) => n + w, 0);
    let r = this.next() * total;
    for (const [w, v] of choices) if ((r -= w) < 0) return v;
    return choices.at(-1)![1];
  }

  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = Math.floor(this.next() * 256);
    return b;
  }
}

/** The stream of input `index` of `phase` under `seed`. */
export const rngFor = (seed: number, phase: string, index: number) => new Rng(`${seed}/${phase}/${index}`);

/** FUZZ_SEED when set (a 32-bit unsigned integer), else a random one. */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.FUZZ_SEED;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`FUZZ_SEED must be an integer 0…4294967295, got ${JSON.stringify(raw)}`);
    return n;
  }
  return Math.floor(Math.random() * 0x100000000);
}
