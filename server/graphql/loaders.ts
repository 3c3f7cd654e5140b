import type { Services } from '../services';
import type { AgendaItem, Booth, Faction, Person } from '../domain/parliament';
import { nextSlice, sliceSpent } from './time-slice';

/**
 * Batches the lookups of one tick into one query. No cache beyond the batch: a graphql-ws
 * subscription keeps its context for hours, and cached rows would go stale. A batch of thousands of
 * keys hands its rows out over as many slices as that takes (time-slice.ts): each row goes on to
 * resolve its own fields.
 */
export function batch<K, V>(load: (keys: readonly K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  let pending: { keys: K[]; result: Promise<Map<K, V>> } | undefined;
  return (key) => {
    if (!pending) {
      const keys: K[] = [];
      const result = new Promise<void>((resolve) => process.nextTick(resolve)).then(() => {
        pending = undefined;
        return load([...new Set(keys)]);
      });
      pending = { keys, result };
    }
    pending.keys.push(key);
    return pending.result.then(async (m) => {
      if (sliceSpent()) await nextSlice();
      return m.get(key);
    });
  };
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}

export function createLoaders(services: Services) {
  return {
    person: batch<string, Person>(async (ids) => new Map((await services.roster.peopleByIds(ids)).map((p) => [p.id, p]))),
    faction: batch<string, Faction>(async (ids) => new Map((await services.roster.factionsByIds(ids)).map((f) => [f.id, f]))),
    membersOf: batch<string, Person[]>(async (ids) => groupBy(await services.roster.people({ factionIds: ids }), (p) => p.factionId!)),
    booth: batch<string, Booth>(async () => new Map((await services.roster.booths()).map((b) => [b.id, b]))),
    agendaOf: batch<string, AgendaItem[]>(async (ids) => groupBy(await services.sittings.agendaOf(ids), (i) => i.sittingId)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
