import { boothForm } from '@contract/forms/booth-forms';
import { boothInputOf, boothPatchOf, candidatesFor, fieldProblems, languageName, sortBooths, staffNote } from './booth-editing';
import type { BoothFieldsFragment, BoothPersonFragment } from './booths.generated';

const en: BoothFieldsFragment = { id: 'en', language: 'en', name: 'English', kind: 'SPOKEN', interpreters: [] };
const person = (id: string, booth: { id: string; name: string } | null, roles: BoothPersonFragment['roles'] = ['INTERPRETER']): BoothPersonFragment => ({
  id,
  name: `Person ${id}`,
  roles,
  booth,
});

describe('booth editing (the server rules, in the browser)', () => {
  it('sends a new booth trimmed, or names what is wrong in the reader language', () => {
    expect(boothInputOf({ language: ' it ', name: ' Italiano ', kind: 'SPOKEN' }, 'en')).toEqual({
      input: { language: 'it', name: 'Italiano', kind: 'SPOKEN' },
      problems: new Map(),
    });
    const bad = boothInputOf({ language: 'english', name: '', kind: 'SIGN' }, 'de');
    expect(bad.input).toBeNull();
    expect([...bad.problems]).toEqual([
      ['language', 'Ein Sprachkürzel wie de, en oder de-CH.'],
      ['name', 'Pflichtfeld.'],
    ]);
    const long = boothInputOf({ language: 'it', name: 'x'.repeat(boothForm.name.max + 1), kind: 'SPOKEN' }, 'en');
    expect(long.problems.get('name')).toBe(`At most ${boothForm.name.max} characters.`);
    expect(boothInputOf({ language: 'it', name: 'A\u0007B', kind: 'SPOKEN' }, 'en').problems.get('name')).toContain('control characters');
  });

  it('sends only what changed, and nothing when nothing did', () => {
    expect(boothPatchOf(en, { language: 'en', name: 'Englisch ', kind: 'SPOKEN' }, 'en')).toEqual({ patch: { name: 'Englisch' }, problems: new Map() });
    expect(boothPatchOf(en, { language: 'en', name: 'English', kind: 'SPOKEN' }, 'en').patch).toBeNull();
    expect(boothPatchOf(en, { language: 'en-GB', name: 'English', kind: 'SIGN' }, 'en').patch).toEqual({ language: 'en-GB', kind: 'SIGN' });
    const wrong = boothPatchOf(en, { language: 'en_GB', name: 'English', kind: 'SPOKEN' }, 'en');
    expect(wrong.patch).toBeNull();
    expect(wrong.problems.get('language')).toBe('A language tag such as de, en or de-CH.');
  });

  it('shows the server’s refusals by field', () => {
    expect([...fieldProblems([{ path: ['input', 'name'], message: 'must not be empty' }])]).toEqual([['name', 'must not be empty']]);
  });

  it('offers the assignable not in the booth, those in no booth first', () => {
    const assignable = [person('a', { id: 'fr', name: 'Français' }), person('b', null), person('c', { id: 'en', name: 'English' })];
    expect(candidatesFor(en, assignable)).toEqual([
      { id: 'b', name: 'Person b', from: null },
      { id: 'a', name: 'Person a', from: 'Français' },
    ]);
  });

  it('says why someone in a booth does not work in it', () => {
    const ids = new Set(['a']);
    expect(staffNote(person('a', en), ids)).toBeNull();
    expect(staffNote(person('b', en), ids)).toBe('ended');
    expect(staffNote(person('c', en, ['CLERK']), ids)).toBe('noRole');
  });

  it('lists spoken booths before sign language, each by name', () => {
    const sign = { ...en, id: 'dgs', kind: 'SIGN' as const, name: 'Deutsche Gebärdensprache' };
    const fr = { ...en, id: 'fr', name: 'Français' };
    expect(sortBooths([sign, fr, en]).map((b) => b.id)).toEqual(['en', 'fr', 'dgs']);
  });

  it('names a language in the reader language, and nothing for a tag it does not know', () => {
    expect(languageName('fr', 'de')).toBe('Französisch');
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('not a tag', 'en')).toBeNull();
  });
});
