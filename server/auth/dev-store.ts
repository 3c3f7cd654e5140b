import type { Adapter, AdapterPayload } from 'oidc-provider';

const grantable = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);
const sweepEveryMs = 60_000;

interface Entry {
  payload: AdapterPayload;
  /** Epoch ms; Infinity for no expiry. */
  expiresAt: number;
}

/**
 * In-memory storage for the development provider. oidc-provider's own memory adapter is an LRU of
 * 1,000 entries shared by the whole process; a few hundred simultaneous sign-ins (the vote
 * benchmark) would evict interactions mid-flow. This one holds everything until it expires.
 */
export class DevStore {
  readonly #entries = new Map<string, Entry>();
  readonly #byUid = new Map<string, string>();
  readonly #byUserCode = new Map<string, string>();
  readonly #grantMembers = new Map<string, Set<string>>();
  #lastSweep = Date.now();

  adapterFor(model: string): Adapter {
    const key = (id: string): string => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => {
        this.#sweepNow();
        const k = key(id);
        this.#entries.set(k, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
        if (model === 'Session' && payload.uid) this.#byUid.set(payload.uid, id);
        if (payload.userCode) this.#byUserCode.set(payload.userCode, id);
        if (grantable.has(model) && payload.grantId) {
          let members = this.#grantMembers.get(payload.grantId);
          if (!members) this.#grantMembers.set(payload.grantId, (members = new Set()));
          members.add(k);
        }
      },
      find: async (id) => this.#live(key(id)),
      findByUid: async (uid) => {
        const id = this.#byUid.get(uid);
        return id === undefined ? undefined : this.#live(key(id));
      },
      findByUserCode: async (userCode) => {
        const id = this.#byUserCode.get(userCode);
        return id === undefined ? undefined : this.#live(key(id));
      },
      consume: async (id) => {
        const entry = this.#live(key(id));
        if (entry) entry.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        this.#delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const k of this.#grantMembers.get(grantId) ?? []) this.#delete(k);
        this.#grantMembers.delete(grantId);
      },
    };
  }

  get size(): number {
    return this.#entries.size;
  }

  #live(k: string): AdapterPayload | undefined {
    const entry = this.#entries.get(k);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#delete(k);
      return undefined;
    }
    return entry.payload;
  }

  #delete(k: string): void {
    const entry = this.#entries.get(k);
    if (!entry) return;
    this.#entries.delete(k);
    const { uid, userCode, grantId } = entry.payload;
    const id = k.slice(k.indexOf(':') + 1);
    if (k.startsWith('Session:') && uid && this.#byUid.get(uid) === id) this.#byUid.delete(uid);
    if (userCode && this.#byUserCode.get(userCode) === id) this.#byUserCode.delete(userCode);
    if (grantId) this.#grantMembers.get(grantId)?.delete(k);
  }

  /** Drops expired entries at most once a minute, piggybacking on writes: no timer to stop. */
  #sweepNow(): void {
    const now = Date.now();
    if (now - this.#lastSweep < sweepEveryMs) return;
    this.#lastSweep = now;
    for (const [k, entry] of this.#entries) if (entry.expiresAt <= now) this.#delete(k);
    for (const [grantId, members] of this.#grantMembers) if (members.size === 0) this.#grantMembers.delete(grantId);
  }
}
