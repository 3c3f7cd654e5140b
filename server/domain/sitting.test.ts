import { describe, expect, it } from 'vitest';
import { assertCancellable, assertDeletable, assertFollowsRecord, assertPostponable, assertSchedulable, sittingStates, transition } from './sitting';
import { RuleViolation } from './errors';

const ruleOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof RuleViolation ? e.rule : String(e);
  }
};

describe('sitting states', () => {
  it('follows scheduled → open ⇄ suspended → closed, and scheduled → cancelled', () => {
    expect(transition('scheduled', 'open')).toBe('open');
    expect(transition('open', 'suspended')).toBe('suspended');
    expect(transition('suspended', 'open')).toBe('open');
    expect(transition('suspended', 'closed')).toBe('closed');
    expect(transition('scheduled', 'cancelled')).toBe('cancelled');
  });

  it('refuses every other move; a cancelled sitting goes nowhere', () => {
    const legal = new Set(['scheduled>open', 'scheduled>cancelled', 'open>suspended', 'open>closed', 'suspended>open', 'suspended>closed']);
    for (const from of sittingStates)
      for (const to of sittingStates) {
        if (legal.has(`${from}>${to}`)) continue;
        expect(
          ruleOf(() => transition(from, to)),
          `${from}>${to}`,
        ).toBe(from === 'cancelled' ? 'sitting.cancelled' : 'sitting.invalid_transition');
      }
  });

  it('reschedules only before opening, and never a cancelled sitting', () => {
    expect(() => assertSchedulable('scheduled')).not.toThrow();
    expect(() => assertSchedulable('open')).toThrow(/only a scheduled sitting/);
    expect(ruleOf(() => assertSchedulable('cancelled'))).toBe('sitting.cancelled');
  });

  it('postpones a scheduled sitting to a later start only', () => {
    const sitting = { state: 'scheduled' as const, startsAt: new Date('2027-01-20T08:00:00Z') };
    expect(() => assertPostponable(sitting, new Date('2027-01-27T08:00:00Z'))).not.toThrow();
    expect(ruleOf(() => assertPostponable(sitting, sitting.startsAt))).toBe('sitting.not_later');
    expect(ruleOf(() => assertPostponable(sitting, new Date('2027-01-19T08:00:00Z')))).toBe('sitting.not_later');
    expect(ruleOf(() => assertPostponable({ ...sitting, state: 'open' }, new Date('2027-02-01T08:00:00Z')))).toBe('sitting.already_started');
    expect(ruleOf(() => assertPostponable({ ...sitting, state: 'cancelled' }, new Date('2027-02-01T08:00:00Z')))).toBe('sitting.cancelled');
  });

  it('cancels only a scheduled sitting, once', () => {
    expect(() => assertCancellable('scheduled')).not.toThrow();
    for (const s of ['open', 'suspended', 'closed'] as const)
      expect(
        ruleOf(() => assertCancellable(s)),
        s,
      ).toBe('sitting.already_started');
    expect(ruleOf(() => assertCancellable('cancelled'))).toBe('sitting.cancelled');
  });

  it('deletes only a scheduled sitting with an empty record', () => {
    expect(() => assertDeletable('scheduled', 0)).not.toThrow();
    expect(ruleOf(() => assertDeletable('scheduled', 1))).toBe('sitting.has_record');
    expect(ruleOf(() => assertDeletable('closed', 0))).toBe('sitting.already_started');
    expect(ruleOf(() => assertDeletable('cancelled', 0))).toBe('sitting.cancelled');
  });

  it('keeps a cancelled sitting cancelled whatever its record says', () => {
    expect(() => assertFollowsRecord('scheduled', 'open')).not.toThrow();
    expect(ruleOf(() => assertFollowsRecord('cancelled', 'open'))).toBe('sitting.cancelled');
  });
});
