import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslationState, languageNames, languages, type Language } from './translation-state';

/** Two buttons, each language named in itself; the current one is pressed. */
@Component({
  selector: 'plenum-language-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="language-switch" role="group" [attr.aria-label]="text().language">
      @for (language of languages; track language) {
        <button
          type="button"
          [attr.lang]="language"
          [attr.aria-pressed]="translation.language() === language"
          [attr.data-testid]="'language-' + language"
          (click)="chooseLanguage(language)"
        >
          {{ language.toUpperCase() }}<span class="visually-hidden"> – {{ names[language] }}</span>
        </button>
      }
    </div>
  `,
  styles: `
    .language-switch {
      display: inline-flex;
      gap: 0.25rem;
    }
    button {
      padding: 0.125rem 0.5rem;
      border: 1px solid var(--accent);
      background: var(--surface);
      color: var(--accent-strong);
      font-size: 0.875rem;
    }
    button[aria-pressed='true'] {
      background: var(--accent);
      color: #ffffff;
    }
    /* On the dark header bar. */
    :host-context(.app-header) button {
      border-color: rgb(255 255 255 / 0.7);
      background: transparent;
      color: #ffffff;
    }
    :host-context(.app-header) button[aria-pressed='true'] {
      background: #ffffff;
      color: var(--header);
    }
  `,
})
export class LanguageSwitch {
  protected readonly translation = inject(TranslationState);

  protected readonly languages = languages;
  protected readonly names = languageNames;
  protected readonly text = this.translation.catalogue({ de: { language: 'Sprache' }, en: { language: 'Language' } });

  protected chooseLanguage(language: Language): void {
    this.translation.setLanguage(language);
  }
}
