import { describe, expect, it } from 'vitest';
import { assertSchedulable, transition, type SittingState } from './sitting';

describe('sitting states', () => {
  it('follows scheduled → open ⇄ suspended → closed', () => {
    expect(transition('scheduled', 'open')).toBe('open');
    expect(transition('open', 'suspended')).toBe('suspended');
    expect(transition('suspended', 'open')).toBe('open');
    expect(transition('suspended', 'closed')).toBe('closed');
  });

  it('refuses every other move', () => {
    const states: SittingState[] = ['scheduled', 'open', 'suspended', 'closed'];
    const legal = new Set(['scheduled>open', 'open>suspended', 'open>closed', 'suspended>open', 'suspended>closed']);
    for (const from of states)
      for (const to of states) {
        if (legal.has(`${from}>${to}`)) continue;
        expect(() => transition(from, to), `${from}>${to}`).toThrow(/cannot become/);
      }
  });

  it('reschedules only before opening', () => {
    expect(() => assertSchedulable('scheduled')).not.toThrow();
    expect(() => assertSchedulable('open')).toThrow(/only a scheduled sitting/);
  });
});
