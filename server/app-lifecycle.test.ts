/**
 * Lifecycles: every subscription and timer a service starts is ended by its stop(). The whole app
 * (database, services, auth, a media worker, broadcasts, HTTP and WebSocket servers) is created,
 * started and stopped 20 times in one process; afterwards the process holds no more handles,
 * sockets, timers, process listeners or EventTarget listeners (the pubsub's subscriptions) than
 * after the first cycle. One PGlite database serves every cycle (a fresh one costs seconds); each
 * cycle is otherwise a full App.create / start / stop.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from './app';
import { loadConfig } from './config';
import { createLogger } from './log';
import { createTestDatabase, type TestDatabase } from '../test/support/database';
import { freePort } from '../test/support/app';

const CYCLES = 20;
const PROCESS_EVENTS = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection', 'warning'] as const;

/**
 * Live EventTarget listeners, counted by watching add/removeEventListener. graphql-yoga's pubsub is
 * an EventTarget: a subscription nobody ends keeps its listener (and the loop awaiting it) forever,
 * which neither getActiveResourcesInfo() nor process.listenerCount() can see.
 */
class EventTargetListeners {
  live = 0;
  private readonly byTarget = new WeakMap<EventTarget, Map<string, Set<unknown>>>();
  private readonly add = EventTarget.prototype.addEventListener;
  private readonly remove = EventTarget.prototype.removeEventListener;

  install(): void {
    const { add, remove } = this;
    // The replacements run with the target as `this`; they reach the counter through these.
    const listenersOf = (target: EventTarget, type: string) => this.listenersOf(target, type);
    const count = (by: number) => (this.live += by);
    EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
      if (listener && !(typeof options === 'object' && (options.once || options.signal))) {
        const set = listenersOf(this, type);
        if (!set.has(listener)) {
          set.add(listener);
          count(1);
        }
      }
      return add.call(this, type, listener, options);
    };
    EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
      if (listener && listenersOf(this, type).delete(listener)) count(-1);
      return remove.call(this, type, listener, options);
    };
  }

  uninstall(): void {
    EventTarget.prototype.addEventListener = this.add;
    EventTarget.prototype.removeEventListener = this.remove;
  }

  private listenersOf(target: EventTarget, type: string): Set<unknown> {
    let types = this.byTarget.get(target);
    if (!types) this.byTarget.set(target, (types = new Map<string, Set<unknown>>()));
    let set = types.get(type);
    if (!set) types.set(type, (set = new Set()));
    return set;
  }
}

interface Footprint {
  readonly resources: Record<string, number>;
  readonly processListeners: Record<string, number>;
  readonly eventTargetListeners: number;
}

describe('the app, started and stopped 20 times in one process', () => {
  const listeners = new EventTargetListeners();
  let database: TestDatabase;
  let port: number;

  beforeAll(async () => {
    listeners.install();
    database = await createTestDatabase('pglite');
    port = await freePort();
  });
  afterAll(async () => {
    listeners.uninstall();
    await database?.close();
  });

  async function cycle(): Promise<void> {
    const config = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://localhost:${port}`,
      NODE_ENV: 'test',
      MEDIA_WORKERS: '1',
      BROADCAST: 'on',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      DATA_DIR: `/tmp/plenum-test-lifecycle-${port}`,
    });
    // The database outlives the cycles: the app's close of it is a no-op here, done once in afterAll.
    const app = await App.create(config, { log: createLogger(config.logLevel), database: { ...database, close: async () => {} } });
    await app.start();
    // One request through HTTP and GraphQL, so that the stop has a connection to close.
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-plenum-csrf': '1' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    await app.stop();
  }

  /** What the process holds once the loop has settled (child processes exited, sockets closed). */
  async function footprint(): Promise<Footprint> {
    for (let i = 0; i < 5; i++) {
      await sleep(100);
      await new Promise((r) => setImmediate(r));
    }
    const resources: Record<string, number> = {};
    for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
    const processListeners = Object.fromEntries(PROCESS_EVENTS.map((e) => [e, process.listenerCount(e)]));
    return { resources, processListeners, eventTargetListeners: listeners.live };
  }

  it('leaves no handles, sockets, timers or listeners behind', async () => {
    // The first cycle loads what stays loaded (modules, keep-alive agents, PGlite's own state).
    await cycle();
    const before = await footprint();
    for (let i = 0; i < CYCLES; i++) await cycle();
    const after = await footprint();
    expect(after).toEqual(before);
  }, 120_000);
});
