import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { TranslationState, browserLanguages, initialLanguage, languageStorage, storageKey, type LanguageStorage } from './translation-state';

describe('TranslationState', () => {
  let stored: Map<string, string>;

  function create(preferred: readonly string[], storedLanguage?: string): TranslationState {
    stored = new Map(storedLanguage === undefined ? [] : [[storageKey, storedLanguage]]);
    const storage: LanguageStorage = {
      getItem: (key) => stored.get(key) ?? null,
      setItem: (key, value) => void stored.set(key, value),
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: languageStorage, useValue: storage },
        { provide: browserLanguages, useValue: preferred },
      ],
    });
    return TestBed.inject(TranslationState);
  }

  const texts = {
    en: { hello: 'Hello', votes: (count: number) => `${count} votes` },
    de: { hello: 'Hallo', votes: (count: number) => `${count} Stimmen` },
  };

  it('starts in the first browser language it speaks', () => {
    expect(create(['fr-FR', 'de-AT', 'en']).language()).toBe('de');
  });

  it('prefers the language chosen before in this browser', () => {
    expect(create(['de-DE'], 'en').language()).toBe('en');
  });

  it('falls back to English and ignores a stored value it does not know', () => {
    expect(initialLanguage('fr', ['it-IT', 'pl'])).toBe('en');
    expect(initialLanguage(null, [])).toBe('en');
  });

  it('switches at run time: catalogues follow, the choice is remembered and <html lang> is set', () => {
    const translation = create(['en-GB']);
    const text = translation.catalogue(texts);
    expect(text().hello).toBe('Hello');

    translation.setLanguage('de');

    expect(text().hello).toBe('Hallo');
    expect(text().votes(3)).toBe('3 Stimmen');
    expect(stored.get(storageKey)).toBe('de');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('de');
    translation.setLanguage('en');
  });

  it('formats dates and times for the language', () => {
    const translation = create(['en']);
    const instant = '2026-12-03T14:05:09.000Z';
    const local = new Date(instant);
    const two = (value: number): string => String(value).padStart(2, '0');

    expect(translation.formatTime(instant)).toBe(`${two(local.getHours())}:${two(local.getMinutes())}:09`);
    expect(translation.formatDateTime(instant)).toContain('December');
    translation.setLanguage('de');
    expect(translation.formatDateTime(instant)).toContain('Dezember');
    expect(translation.formatDateTime(instant)).toContain('Donnerstag');
    expect(translation.formatTime(null)).toBe('');
    expect(translation.pick({ de: 'Vertagung', en: 'Adjournment' })).toBe('Vertagung');
    translation.setLanguage('en');
  });

  it('shows times on the parliament clock once its zone is known, whatever the browser zone', () => {
    const translation = create(['de']);
    const instant = '2026-12-07T16:00:00.000Z';
    translation.setTimeZone('Europe/Berlin');
    expect(translation.formatTime(instant, false)).toBe('17:00');
    translation.setTimeZone('Pacific/Auckland');
    expect(translation.formatDateTime(instant)).toContain('05:00');
    // An unknown zone is ignored: the browser's own stays, no exception.
    translation.setTimeZone('Mars/Olympus_Mons');
    expect(translation.timeZone()).toBeUndefined();
    translation.setTimeZone(null);
  });
});
