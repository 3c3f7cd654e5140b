import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, chainEntries, entryHash, GENESIS_HASH, verifyChain, type StoredEntry } from './record';
import type { PersonRef, ProcedureEvent } from './procedure/events';

const anna: PersonRef = { personId: 'p-anna', name: 'Anna Berg', factionId: 'sda', factionShortName: 'SDA' };
const ole: PersonRef = { personId: 'p-ole', name: 'Ole Dahl', factionId: null, factionShortName: null };

const events: ProcedureEvent[] = [
  { kind: 'sitting.resumed' },
  { kind: 'agenda.item_called', agendaItemId: 'a1', position: 1, title: 'Haushaltsgesetz 2027 – erste Lesung' },
  {
    kind: 'speaker.requested',
    requestId: 'r1',
    agendaItemId: 'a1',
    person: anna,
    requestKind: 'speech',
    stance: 'pro',
    addressesRequestId: null,
    addedBy: null,
  },
  { kind: 'floor.granted', floorId: 'f1', agendaItemId: 'a1', person: anna, floorKind: 'speech', requestId: 'r1', limitSeconds: 300 },
  { kind: 'floor.extended', floorId: 'f1', seconds: 60 },
  { kind: 'floor.ended', floorId: 'f1' },
  { kind: 'attendance.joined', person: ole },
  { kind: 'sitting.closed' },
];

function chain(n = events.length, sittingId = 's-1'): StoredEntry[] {
  const t0 = Date.parse('2026-12-03T08:00:00.000Z');
  const items = Array.from({ length: n }, (_, i) => ({
    at: new Date(t0 + i * 1500).toISOString(),
    actorId: i % 3 === 0 ? null : 'p-chair',
    event: events[i % events.length]!,
  }));
  return chainEntries(GENESIS_HASH, 1, sittingId, items).map(({ content, prevHash, hash }) => ({ ...content, prevHash, hash }));
}

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { b: 1, a: { d: [3, { y: 1, x: 2 }], c: null } };
    const b = { a: { c: null, d: [3, { x: 2, y: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[3,{"x":2,"y":1}]},"b":1}');
  });

  it('keeps array order and nesting', () => {
    expect(canonicalJson([[1, [2, []]], {}, [{}]])).toBe('[[1,[2,[]]],{},[{}]]');
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('writes unicode as itself, escapes only what JSON requires, sorts keys by code units', () => {
    expect(canonicalJson({ ä: 'Gebärdensprache – “DGS” 🇩🇪', a: 'line\nbreak "q" \\' })).toBe(
      '{"a":"line\\nbreak \\"q\\" \\\\","ä":"Gebärdensprache – “DGS” 🇩🇪"}',
    );
    // NFC and NFD are different strings, and stay different.
    expect(canonicalJson('\u00e4')).not.toBe(canonicalJson('a\u0308'));
  });

  it('prints numbers in their shortest round-trip form', () => {
    expect(canonicalJson([1, -0, 0.1, 1e21, 1.5e-7, 2 ** 53 + 2, -12.5])).toBe('[1,0,0.1,1e+21,1.5e-7,9007199254740994,-12.5]');
  });

  it('rejects what a JSON round trip would not keep', () => {
    expect(() => canonicalJson({ a: NaN })).toThrow(/NaN at \$\.a/);
    expect(() => canonicalJson([Infinity])).toThrow(/Infinity/);
    expect(() => canonicalJson({ a: { b: undefined } })).toThrow(/undefined at \$\.a\.b/);
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson({ s: Symbol('x') })).toThrow(/symbol/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/Date/);
    expect(() => canonicalJson(new Map())).toThrow(/Map/);
    // eslint-disable-next-line no-sparse-arrays -- the hole is what this refuses
    expect(() => canonicalJson([1, , 3])).toThrow(/hole/);
    expect(() => canonicalJson({ t: 'a\u0000b' })).toThrow(/U\+0000/);
    expect(() => canonicalJson({ t: 'x\ud800' })).toThrow(/surrogate/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('accepts a shared (non-cyclic) object twice and objects without prototype', () => {
    const shared = { x: 1 };
    const bare = Object.assign(Object.create(null) as object, { b: 2, a: 1 });
    expect(canonicalJson({ a: shared, b: shared, c: bare })).toBe('{"a":{"x":1},"b":{"x":1},"c":{"a":1,"b":2}}');
  });
});

describe('entryHash and chainEntries', () => {
  it('hashes prevHash, a newline and the canonical content', async () => {
    const { createHash } = await import('node:crypto');
    const content = { sittingId: 's-1', seq: 1, at: '2026-12-03T08:00:00.000Z', actorId: null, event: events[0]! };
    const expected = createHash('sha256')
      .update(`${GENESIS_HASH}\n{"actorId":null,"at":"2026-12-03T08:00:00.000Z","event":{"kind":"sitting.resumed"},"seq":1,"sittingId":"s-1"}`)
      .digest('hex');
    expect(entryHash(GENESIS_HASH, content)).toBe(expected);
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it('links each entry to the one before, from the given seq', () => {
    const c = chainEntries('ab'.repeat(32), 8, 's-1', [
      { at: '2026-12-03T08:00:00.000Z', actorId: 'p', event: events[0]! },
      { at: '2026-12-03T08:00:01.000Z', actorId: null, event: events[1]! },
    ]);
    expect(c.map((e) => e.content.seq)).toEqual([8, 9]);
    expect(c[0]!.prevHash).toBe('ab'.repeat(32));
    expect(c[1]!.prevHash).toBe(c[0]!.hash);
    expect(c[1]!.hash).toBe(entryHash(c[0]!.hash, c[1]!.content));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its head', () => {
    const c = chain();
    expect(verifyChain(c)).toEqual({ ok: true, entries: c.length, head: c.at(-1)!.hash });
    expect(verifyChain([])).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
  });

  it('verifies a continuation after an entry already verified', () => {
    const c = chain();
    expect(verifyChain(c.slice(3), { seq: 3, hash: c[2]!.hash })).toMatchObject({ ok: true, entries: c.length - 3, head: c.at(-1)!.hash });
    expect(verifyChain(c.slice(3), { seq: 3, hash: c[1]!.hash })).toMatchObject({ ok: false, seq: 4, problem: 'prev_hash_mismatch' });
  });

  it('catches an edited payload', () => {
    const c = chain();
    const e = c[4]!;
    c[4] = { ...e, event: { kind: 'floor.extended', floorId: 'f1', seconds: 600 } };
    expect(verifyChain(c)).toMatchObject({ ok: false, seq: 5, problem: 'hash_mismatch' });
  });

  it('catches an edited time, actor and sitting id', () => {
    const at = chain();
    at[2] = { ...at[2]!, at: '2026-12-03T08:00:03.001Z' };
    expect(verifyChain(at)).toMatchObject({ ok: false, seq: 3, problem: 'hash_mismatch' });
    const actor = chain();
    actor[1] = { ...actor[1]!, actorId: 'p-someone-else' };
    expect(verifyChain(actor)).toMatchObject({ ok: false, seq: 2, problem: 'hash_mismatch' });
    const sitting = chain().map((e) => ({ ...e, sittingId: 's-2' }));
    expect(verifyChain(sitting)).toMatchObject({ ok: false, seq: 1, problem: 'hash_mismatch' });
  });

  it('catches an edit whose hash was recomputed at the next entry', () => {
    const c = chain();
    const edited = { ...c[3]!, event: { ...c[3]!.event, limitSeconds: 9999 } as ProcedureEvent };
    c[3] = { ...edited, hash: entryHash(edited.prevHash, edited) };
    expect(verifyChain(c)).toMatchObject({ ok: false, seq: 5, problem: 'prev_hash_mismatch' });
  });

  it('catches a deleted entry in the middle', () => {
    const c = chain();
    c.splice(3, 1);
    expect(verifyChain(c)).toMatchObject({ ok: false, seq: 5, problem: 'seq_gap', message: 'expected seq 4, found 5' });
  });

  it('cannot see a deleted last entry from the chain alone: the published head can', () => {
    const c = chain();
    const publishedHead = c.at(-1)!.hash;
    const cut = c.slice(0, -1);
    const v = verifyChain(cut);
    // The shorter chain is a valid chain …
    expect(v).toMatchObject({ ok: true, entries: c.length - 1 });
    // … but its head is not the head printed in the protocol and the published results.
    expect(v.ok && v.head).not.toBe(publishedHead);
    expect(cut.some((e) => e.hash === publishedHead)).toBe(false);
  });

  it('catches an inserted entry', () => {
    const c = chain();
    const forged = { ...c[2]!, actorId: 'p-forger' };
    // Inserted with the next seq and a well-formed hash of its own: the renumbered successor does not match.
    const inserted = { ...forged, seq: 4, prevHash: c[2]!.hash };
    const withHash = { ...inserted, hash: entryHash(inserted.prevHash, inserted) };
    const renumbered = c.slice(3).map((e) => ({ ...e, seq: e.seq + 1 }));
    expect(verifyChain([...c.slice(0, 3), withHash, ...renumbered])).toMatchObject({ ok: false, seq: 5, problem: 'prev_hash_mismatch' });
    // Inserted under an existing seq.
    expect(verifyChain([...c.slice(0, 3), { ...c[3]!, actorId: 'x' }, ...c.slice(3)])).toMatchObject({ ok: false, seq: 4, problem: 'hash_mismatch' });
    expect(verifyChain([...c.slice(0, 4), c[3]!, ...c.slice(4)])).toMatchObject({ ok: false, seq: 4, problem: 'seq_duplicate' });
  });

  it('catches a swapped order, whether by position or by swapping seqs', () => {
    const c = chain();
    const byPosition = [...c];
    [byPosition[2], byPosition[3]] = [byPosition[3]!, byPosition[2]!];
    expect(verifyChain(byPosition)).toMatchObject({ ok: false, seq: 4, problem: 'seq_gap' });
    const bySeq = [...c];
    bySeq[2] = { ...c[3]!, seq: 3 };
    bySeq[3] = { ...c[2]!, seq: 4 };
    expect(verifyChain(bySeq)).toMatchObject({ ok: false, seq: 3, problem: 'prev_hash_mismatch' });
  });

  it('catches an entry of another sitting', () => {
    const c = chain();
    const other = chain(events.length, 's-2');
    expect(verifyChain([...c.slice(0, 2), other[2]!, ...c.slice(3)])).toMatchObject({ ok: false, seq: 3, problem: 'wrong_sitting' });
  });

  it('reports content that cannot be hashed as a mismatch, not a crash', () => {
    const c = chain();
    c[1] = { ...c[1]!, event: { kind: 'floor.extended', floorId: 'f', seconds: NaN } };
    expect(verifyChain(c)).toMatchObject({ ok: false, seq: 2, problem: 'hash_mismatch' });
    const d = chain();
    d[1] = { ...d[1]!, event: null as unknown as ProcedureEvent };
    expect(verifyChain(d)).toMatchObject({ ok: false, seq: 2, problem: 'hash_mismatch', message: expect.stringContaining('no kind') });
  });
});

describe('verifyChain, property: any single mutation of a chain is detected', () => {
  const text = fc.string({ maxLength: 12, unit: 'grapheme' });
  const person = fc.record({ personId: text, name: text, factionId: fc.option(text), factionShortName: fc.option(text) });
  const event: fc.Arbitrary<ProcedureEvent> = fc.oneof(
    fc.constant({ kind: 'sitting.resumed' as const }),
    fc.record({ kind: fc.constant('attendance.joined' as const), person }),
    fc.record({ kind: fc.constant('floor.extended' as const), floorId: text, seconds: fc.integer({ min: -1e6, max: 1e6 }) }),
    fc.record({
      kind: fc.constant('ballot.cast' as const),
      voteId: text,
      optionId: text,
      voter: fc.option(person),
      pseudonym: fc.option(text),
    }),
    fc.record({ kind: fc.constant('sitting.suspended' as const), reason: fc.option(text), resumesAt: fc.option(fc.constant('2026-12-03T10:00:00.000Z')) }),
  );
  const item = fc.record({
    at: fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2040-01-01') }).map((t) => new Date(t).toISOString()),
    actorId: fc.option(text),
    event,
  });
  const arbChain = fc
    .array(item, { minLength: 1, maxLength: 12 })
    .map((items) => chainEntries(GENESIS_HASH, 1, 's-prop', items).map(({ content, prevHash, hash }): StoredEntry => ({ ...content, prevHash, hash })));

  type Mutation = (c: StoredEntry[], i: number, j: number) => StoredEntry[] | null;
  const mutations: Record<string, Mutation> = {
    editEvent: (c, i) =>
      replace(c, i, { ...c[i]!, event: { kind: 'floor.extended', floorId: 'x', seconds: 1 + ((c[i]!.event as { seconds?: number }).seconds ?? 0) } }),
    editAt: (c, i) => replace(c, i, { ...c[i]!, at: new Date(Date.parse(c[i]!.at) + 1).toISOString() }),
    editActor: (c, i) => replace(c, i, { ...c[i]!, actorId: c[i]!.actorId === null ? 'someone' : null }),
    editSeq: (c, i) => replace(c, i, { ...c[i]!, seq: c[i]!.seq + 1 }),
    editSitting: (c, i) => replace(c, i, { ...c[i]!, sittingId: 's-other' }),
    editHash: (c, i) => replace(c, i, { ...c[i]!, hash: flip(c[i]!.hash) }),
    editPrevHash: (c, i) => replace(c, i, { ...c[i]!, prevHash: flip(c[i]!.prevHash) }),
    // A forger who rehashes the entry they changed (not the whole tail: that needs the published head).
    editAndRehash: (c, i) => {
      const e = { ...c[i]!, actorId: `${c[i]!.actorId ?? ''}x` };
      return i === c.length - 1 ? null : replace(c, i, { ...e, hash: entryHash(e.prevHash, e) });
    },
    deleteNotLast: (c, i) => (i === c.length - 1 ? null : c.filter((_, k) => k !== i)),
    duplicate: (c, i) => [...c.slice(0, i + 1), c[i]!, ...c.slice(i + 1)],
    insertRehashed: (c, i) => {
      if (i === c.length - 1) return null;
      const e = { ...c[i]!, seq: c[i]!.seq + 1, prevHash: c[i]!.hash, actorId: 'forger' };
      const forged = { ...e, hash: entryHash(e.prevHash, e) };
      return [...c.slice(0, i + 1), forged, ...c.slice(i + 1).map((x) => ({ ...x, seq: x.seq + 1 }))];
    },
    swap: (c, i, j) => {
      if (i === j) return null;
      const d = [...c];
      [d[i], d[j]] = [d[j]!, d[i]!];
      return d;
    },
    swapSeqs: (c, i, j) => {
      if (i === j) return null;
      const d = [...c];
      d[i] = { ...c[j]!, seq: c[i]!.seq };
      d[j] = { ...c[i]!, seq: c[j]!.seq };
      return d;
    },
  };

  it('detects it and names an entry at or after the mutation', () => {
    fc.assert(
      fc.property(arbChain, fc.constantFrom(...Object.keys(mutations)), fc.nat(), fc.nat(), (c, name, a, b) => {
        expect(verifyChain(c)).toMatchObject({ ok: true, entries: c.length });
        const i = a % c.length;
        const j = b % c.length;
        const mutated = mutations[name]!(c, i, j);
        fc.pre(mutated !== null);
        const v = verifyChain(mutated);
        expect(v.ok).toBe(false);
        if (!v.ok) expect(v.seq).toBeGreaterThanOrEqual(Math.min(i, j) + 1);
      }),
      { numRuns: 2000 },
    );
  });
});

function replace(c: StoredEntry[], i: number, e: StoredEntry): StoredEntry[] {
  return c.map((x, k) => (k === i ? e : x));
}

function flip(hash: string): string {
  return (hash[0] === '0' ? '1' : '0') + hash.slice(1);
}
