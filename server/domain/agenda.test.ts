import { describe, expect, it } from 'vitest';
import { assertAgendaEditable, insertAt, moveTo, remove } from './agenda';
import { RuleViolation } from './errors';

describe('agenda order', () => {
  const order = ['a', 'b', 'c', 'd'];

  it('appends by default and inserts at a 1-based position, clamped', () => {
    expect(insertAt(order, 'x')).toEqual(['a', 'b', 'c', 'd', 'x']);
    expect(insertAt(order, 'x', 1)).toEqual(['x', 'a', 'b', 'c', 'd']);
    expect(insertAt(order, 'x', 3)).toEqual(['a', 'b', 'x', 'c', 'd']);
    expect(insertAt(order, 'x', 99)).toEqual(['a', 'b', 'c', 'd', 'x']);
    expect(insertAt(order, 'x', -5)).toEqual(['x', 'a', 'b', 'c', 'd']);
  });

  it('moves an item up and down without losing or duplicating any', () => {
    expect(moveTo(order, 'd', 1)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveTo(order, 'a', 3)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveTo(order, 'b', 2)).toEqual(order);
  });

  it('refuses to move an item of another agenda', () => {
    expect(() => moveTo(order, 'z', 1)).toThrow(RuleViolation);
  });

  it('removes', () => {
    expect(remove(order, 'b')).toEqual(['a', 'c', 'd']);
  });

  it('keeps a closed sitting’s agenda', () => {
    expect(() => assertAgendaEditable('closed')).toThrow(/closed/);
    expect(() => assertAgendaEditable('open')).not.toThrow();
    expect(() => assertAgendaEditable('cancelled')).toThrow(/cancelled/);
  });
});
