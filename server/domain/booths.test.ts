import { describe, expect, it } from 'vitest';
import { NO_ARRANGEMENTS } from './arrangements';
import {
  boothLive,
  checkAssignment,
  checkBooth,
  checkBoothChange,
  checkBoothRemoval,
  checkBoothSet,
  hasEnded,
  isAssignable,
  newBoothId,
  type LiveSitting,
  type StaffCandidate,
} from './booths';
import { RuleViolation } from './errors';
import type { Booth } from './parliament';

const en: Booth = { id: 'en', language: 'en', name: 'English', kind: 'spoken' };
const fr: Booth = { id: 'fr', language: 'fr', name: 'Français', kind: 'spoken' };
const dgs: Booth = { id: 'dgs', language: 'de-DGS', name: 'Deutsche Gebärdensprache', kind: 'sign' };
const booths = [en, fr, dgs];

function ruleOf(f: () => void): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof RuleViolation) return e.rule;
    throw e;
  }
}

const live = (arrangements: Partial<LiveSitting['arrangements']>): LiveSitting[] => [
  { sittingId: 's1', arrangements: { ...NO_ARRANGEMENTS, ...arrangements } },
];

describe('booths', () => {
  it('takes a spoken booth in a language of its own, not the floor’s, case aside', () => {
    expect(ruleOf(() => checkBooth({ language: 'it', name: 'Italiano', kind: 'spoken' }, booths, 'de'))).toBeNull();
    expect(ruleOf(() => checkBooth({ language: 'DE', name: 'Deutsch', kind: 'spoken' }, booths, 'de'))).toBe('booth.floor_language');
    expect(ruleOf(() => checkBooth({ language: 'EN', name: 'English 2', kind: 'spoken' }, booths, 'de'))).toBe('booth.language_taken');
    // A booth of another kind in that language is no clash: sign booths have no spoken channel.
    expect(ruleOf(() => checkBooth({ language: 'de-DGS', name: 'x', kind: 'spoken' }, [en, fr], 'de'))).toBeNull();
  });

  it('has one sign-language booth at most: the media carries one sign channel', () => {
    expect(ruleOf(() => checkBooth({ language: 'gsg', name: 'DGS', kind: 'sign' }, [en, fr], 'de'))).toBeNull();
    expect(ruleOf(() => checkBooth({ language: 'sgg', name: 'DSGS', kind: 'sign' }, booths, 'de'))).toBe('booth.one_sign_booth');
    // The floor language is no matter for a sign booth.
    expect(ruleOf(() => checkBooth({ language: 'de', name: 'Gebärden', kind: 'sign' }, [en], 'de'))).toBeNull();
  });

  it('checks a whole set (the fixtures) booth by booth', () => {
    expect(() => checkBoothSet(booths, 'de')).not.toThrow();
    expect(ruleOf(() => checkBoothSet([en, { ...fr, language: 'en' }], 'de'))).toBe('booth.language_taken');
  });

  it('gives readable ids that are numbered when taken', () => {
    expect(newBoothId({ kind: 'spoken', language: 'it' }, ['en', 'fr'])).toBe('it');
    expect(newBoothId({ kind: 'spoken', language: 'de-CH' }, [])).toBe('de-ch');
    expect(newBoothId({ kind: 'sign', language: 'sgn-DE' }, [])).toBe('sign-sgn-de');
    expect(newBoothId({ kind: 'spoken', language: 'en' }, ['en', 'EN-2'])).toBe('en-3');
  });

  it('counts a booth live while on air or relayed in an open sitting', () => {
    expect(boothLive(en, [])).toBeNull();
    expect(boothLive(en, live({ onAir: { en: 'p1' } }))).toEqual({ sittingId: 's1', why: 'on_air' });
    expect(boothLive(en, live({ relays: { fr: 'EN' } }))).toEqual({ sittingId: 's1', why: 'relayed' });
    // A booth relaying from another is live only if on air.
    expect(boothLive(fr, live({ relays: { fr: 'en' } }))).toBeNull();
  });

  it('changes a live booth’s name, never its language or kind', () => {
    const onAir = live({ onAir: { en: 'p1' } });
    expect(ruleOf(() => checkBoothChange(en, { ...en, name: 'Englisch' }, onAir))).toBeNull();
    expect(ruleOf(() => checkBoothChange(en, { ...en, language: 'EN' }, onAir))).toBe('booth.on_air');
    expect(ruleOf(() => checkBoothChange(en, { ...en, kind: 'sign' }, onAir))).toBe('booth.on_air');
    expect(ruleOf(() => checkBoothChange(en, { ...en, language: 'it' }, []))).toBeNull();
  });

  it('removes a booth neither live nor staffed', () => {
    expect(ruleOf(() => checkBoothRemoval(en, [], []))).toBeNull();
    expect(ruleOf(() => checkBoothRemoval(en, [], live({ onAir: { en: 'p1' } })))).toBe('booth.on_air');
    expect(ruleOf(() => checkBoothRemoval(en, [{ id: 'p1' }], []))).toBe('booth.has_interpreters');
    // A closed sitting's arrangements are not passed in: they keep naming the booth harmlessly.
  });

  describe('staffing', () => {
    const today = '2026-12-06';
    const anna: StaffCandidate = { id: 'p1', name: 'Anna Ek', roles: ['interpreter'], boothId: null, memberTo: null };

    it('puts interpreters in a booth, and nobody else', () => {
      expect(ruleOf(() => checkAssignment(anna, 'en', [], today))).toBeNull();
      expect(ruleOf(() => checkAssignment({ ...anna, roles: ['clerk'] }, 'en', [], today))).toBe('booth.not_interpreter');
    });

    it('puts no one whose membership has ended; an end still to come is no bar', () => {
      expect(hasEnded(null, today)).toBe(false);
      expect(hasEnded('2026-12-07', today)).toBe(false);
      expect(hasEnded(today, today)).toBe(true);
      expect(ruleOf(() => checkAssignment({ ...anna, memberTo: '2026-01-31' }, 'en', [], today))).toBe('booth.person_ended');
      expect(isAssignable({ ...anna, memberTo: '2027-01-31' }, today)).toBe(true);
      expect(isAssignable({ ...anna, memberTo: '2026-01-31' }, today)).toBe(false);
    });

    it('takes anyone off, ended or not, unless they are on air', () => {
      const ended = { ...anna, boothId: 'en', memberTo: '2026-01-31', roles: [] };
      expect(ruleOf(() => checkAssignment(ended, null, [], today))).toBeNull();
      const onAir = live({ onAir: { en: 'p1' } });
      expect(ruleOf(() => checkAssignment({ ...anna, boothId: 'en' }, null, onAir, today))).toBe('booth.interpreter_on_air');
      expect(ruleOf(() => checkAssignment({ ...anna, boothId: 'en' }, 'fr', onAir, today))).toBe('booth.interpreter_on_air');
      // Staying where they are is no move; the partner on air does not hold them.
      expect(ruleOf(() => checkAssignment({ ...anna, boothId: 'en' }, 'en', onAir, today))).toBeNull();
      expect(ruleOf(() => checkAssignment({ ...anna, id: 'p2', boothId: 'en' }, 'fr', onAir, today))).toBeNull();
    });
  });
});
