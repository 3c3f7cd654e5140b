import { DOCUMENT } from '@angular/common';
import { Injectable, InjectionToken, computed, inject, signal, type Signal } from '@angular/core';

/** The languages the interface speaks. */
export type Language = 'de' | 'en';
export const languages: readonly Language[] = ['de', 'en'];

/** The language names as each language writes its own (for the switcher). */
export const languageNames: Readonly<Record<Language, string>> = { de: 'Deutsch', en: 'English' };

/**
 * A feature's texts in one language: strings, functions for texts with numbers or names in them, and
 * records of labels by enum value.
 */
export type Catalogue = object;

/** A feature's texts in every language; typing `de` as the shape of `en` makes a missing text a compile error. */
export type Translations<T extends Catalogue> = Readonly<Record<Language, T>>;

/** Where the chosen language is remembered: localStorage in the browser, a stand-in in specs. */
export interface LanguageStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const languageStorage = new InjectionToken<LanguageStorage | null>('language storage', {
  providedIn: 'root',
  factory: () => {
    try {
      return inject(DOCUMENT).defaultView?.localStorage ?? null;
    } catch {
      // Storage can be switched off by the browser's privacy settings.
      return null;
    }
  },
});

/** The browser's preferred languages, most preferred first (navigator.languages). */
export const browserLanguages = new InjectionToken<readonly string[]>('browser languages', {
  providedIn: 'root',
  factory: () => {
    const navigator = inject(DOCUMENT).defaultView?.navigator;
    return navigator?.languages ?? (navigator?.language ? [navigator.language] : []);
  },
});

export const storageKey = 'plenum.language';

/** Locales for dates, times and numbers: German as in Germany, English with a 24-hour clock. */
const locales: Readonly<Record<Language, string>> = { de: 'de-DE', en: 'en-GB' };

function isLanguage(value: unknown): value is Language {
  return value === 'de' || value === 'en';
}

/** The stored choice first, then the first browser language we speak, then English. */
export function initialLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) {
    return stored;
  }
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) {
      return primary;
    }
  }
  return 'en';
}

/**
 * The interface language, switchable at run time. Features keep their texts beside them as
 * `Translations` and read the current ones through `catalogue()`; dates and times are formatted
 * for the current language here.
 */
@Injectable({ providedIn: 'root' })
export class TranslationState {
  private readonly document = inject(DOCUMENT);
  private readonly storage = inject(languageStorage);

  private readonly languageSignal = signal<Language>(initialLanguage(this.readStored(), inject(browserLanguages)));

  readonly language = this.languageSignal.asReadonly();
  readonly locale = computed(() => locales[this.languageSignal()]);
  /** The parliament's zone once known (ShellState sets it): a sitting at 17:00 in Berlin reads 17:00 anywhere. */
  private readonly timeZoneSignal = signal<string | undefined>(undefined);
  readonly timeZone = this.timeZoneSignal.asReadonly();

  private readonly timeFormat = computed(
    () => new Intl.DateTimeFormat(this.locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: this.timeZoneSignal() }),
  );
  private readonly shortTimeFormat = computed(
    () => new Intl.DateTimeFormat(this.locale(), { hour: '2-digit', minute: '2-digit', timeZone: this.timeZoneSignal() }),
  );
  private readonly dateTimeFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.locale(), {
        timeZone: this.timeZoneSignal(),
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
  );

  constructor() {
    this.document.documentElement.lang = this.languageSignal();
  }

  /** Switches the interface language and remembers the choice in this browser. */
  setLanguage(language: Language): void {
    this.languageSignal.set(language);
    this.document.documentElement.lang = language;
    try {
      this.storage?.setItem(storageKey, language);
    } catch {
      // Full or forbidden storage: the choice holds until the page is reloaded.
    }
  }

  /** Shows times in this IANA zone from now on; an unknown zone is ignored (the browser's stays). */
  setTimeZone(timeZone: string | null): void {
    try {
      new Intl.DateTimeFormat('en', { timeZone: timeZone ?? undefined });
      this.timeZoneSignal.set(timeZone ?? undefined);
    } catch {
      this.timeZoneSignal.set(undefined);
    }
  }

  /** The texts of a feature in the current language, following every switch. */
  catalogue<T extends Catalogue>(translations: Translations<T>): Signal<T> {
    return computed(() => translations[this.languageSignal()]);
  }

  /** `14:05:09` in both languages (de and en-GB both use a 24-hour clock). */
  formatTime(instant: string | number | null | undefined, withSeconds = true): string {
    const date = toDate(instant);
    return date === null ? '' : (withSeconds ? this.timeFormat() : this.shortTimeFormat()).format(date);
  }

  /** `Donnerstag, 3. Dezember 2026 um 09:00` / `Thursday 3 December 2026 at 09:00`. */
  formatDateTime(instant: string | number | null | undefined): string {
    const date = toDate(instant);
    return date === null ? '' : this.dateTimeFormat().format(date);
  }

  /** Picks the German or the English one of two texts the server sends (e.g. category labels). */
  pick(texts: { readonly de: string; readonly en: string }): string {
    return texts[this.languageSignal()];
  }

  private readStored(): string | null {
    try {
      return this.storage?.getItem(storageKey) ?? null;
    } catch {
      return null;
    }
  }
}

function toDate(instant: string | number | null | undefined): Date | null {
  if (instant === null || instant === undefined || instant === '') {
    return null;
  }
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}
