import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { LanguageSwitch } from '../i18n/language-switch';
import { TranslationState } from '../i18n/translation-state';
import { shellText } from '../shell/shell-text';

/** The server's sign-in route; after the identity provider it sends the browser back to `returnTo`. */
export function signInUrl(returnTo: string): string {
  const path = returnTo.startsWith('/') ? returnTo : `/${returnTo}`;
  return `/auth/login?returnTo=${encodeURIComponent(path)}`;
}

/** Shown instead of the app while nobody is signed in. Signing in is a full-page visit to the server. */
@Component({
  selector: 'plenum-sign-in-page',
  imports: [LanguageSwitch],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="sign-in">
      <div class="language"><plenum-language-switch /></div>
      <h1>Plenum</h1>
      @if (sessionEnded()) {
        <p class="notice" role="status">{{ text().sessionEnded }}</p>
      }
      <p>{{ text().signInPrompt }}</p>
      <a class="button" data-testid="sign-in" [href]="signInHref">{{ text().signIn }}</a>
    </main>
  `,
  styles: `
    .sign-in {
      max-width: 32rem;
      margin: 15vh auto 0;
      padding: 2rem;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 0.5rem;
    }
    .language {
      float: right;
    }
    .notice {
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--accent);
      background: var(--accent-soft);
    }
  `,
})
export class SignInPage {
  private readonly location = inject(Location);
  protected readonly text = inject(TranslationState).catalogue(shellText);

  /** The session existed and the server no longer accepts it. */
  readonly sessionEnded = input(false);

  /** Come back to the page that was asked for, e.g. a link to a sitting. */
  protected readonly signInHref = signInUrl(this.location.path());
}
