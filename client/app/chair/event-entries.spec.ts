import { demoPerson, demoRequest } from '../../testing/demo-procedure';
import type { PointOfOrder } from '../procedure/procedure-state';
import { eventEntries } from './event-entries';

describe('eventEntries', () => {
  function point(id: string, username: string, raisedAt: string): PointOfOrder {
    return { id, person: demoPerson(username), category: 'adjournment', text: 'Motion to adjourn', raisedAt, heard: false };
  }

  it('puts points of order before hands before joins, newest first within each', () => {
    const entries = eventEntries(
      [point('p1', 'l.vogel', '2026-12-03T09:10:00Z'), point('p2', 'f.kuhn', '2026-12-03T09:12:00Z')],
      [demoRequest('r1', 'j.brandt', '2026-12-03T09:20:00Z'), demoRequest('r2', 'm.jung', '2026-12-03T09:25:00Z', { kind: 'INTERJECTION' })],
      [
        { person: demoPerson('o.busch'), at: '2026-12-03T09:30:00Z' },
        { person: demoPerson('h.lange'), at: '2026-12-03T09:05:00Z' },
      ],
    );

    expect(entries.map((entry) => `${entry.kind}:${entry.person?.name}`)).toEqual([
      'point-of-order:Finn Kuhn',
      'point-of-order:Leonie Vogel',
      'hand:Mia Jung',
      'hand:Jonas Brandt',
      'join:Oskar Busch',
      'join:Helene Lange',
    ]);
  });

  it('keeps an old point of order above a brand-new hand', () => {
    const entries = eventEntries(
      [point('p1', 'l.vogel', '2026-12-03T08:00:00Z')],
      [demoRequest('r1', 'j.brandt', '2026-12-03T11:00:00Z')],
      [{ person: demoPerson('o.busch'), at: '2026-12-03T12:00:00Z' }],
    );

    expect(entries.map((entry) => entry.kind)).toEqual(['point-of-order', 'hand', 'join']);
    expect(entries[1]?.detail).toBe('SPEECH');
    expect(entries[0]?.detail).toBe('adjournment');
  });

  it('gives every entry its own key, a person joining twice included', () => {
    const keys = eventEntries(
      [],
      [],
      [
        { person: demoPerson('o.busch'), at: '2026-12-03T09:30:00Z' },
        { person: demoPerson('o.busch'), at: '2026-12-03T09:30:00Z' },
      ],
    ).map((entry) => entry.key);

    expect(new Set(keys).size).toBe(2);
  });

  it('lists the changes of the agenda after the hands and before the joins, newest first, saying who carried them out', () => {
    const amendment = (seq: number, at: string) => ({
      seq,
      at,
      kind: 'MOVE' as const,
      agendaItemId: 'item-3',
      title: 'Question time',
      position: 2,
      fromPosition: 3,
      previousTitle: null,
      authorityKind: 'POINT_OF_ORDER' as const,
      authorityId: 'p1',
      authorityReference: 'Move item 3 before item 2',
      by: seq === 12 ? null : demoPerson('a.keller'),
    });
    const entries = eventEntries(
      [],
      [demoRequest('r1', 'j.brandt', '2026-12-03T09:00:00Z')],
      [{ person: demoPerson('o.busch'), at: '2026-12-03T12:00:00Z' }],
      [amendment(11, '2026-12-03T10:00:00Z'), amendment(12, '2026-12-03T10:00:00Z')],
    );

    expect(entries.map((entry) => `${entry.kind}:${entry.amendment?.seq ?? entry.person?.name}`)).toEqual([
      'hand:Jonas Brandt',
      'agenda:12',
      'agenda:11',
      'join:Oskar Busch',
    ]);
    expect(entries[1]?.person).toBeNull();
    expect(entries[2]?.person?.name).toBe('Anna Keller');
  });
});
