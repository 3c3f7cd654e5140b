import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Viewer } from '../auth/viewer-state';
import { LanguageSwitch } from '../i18n/language-switch';
import { TranslationState } from '../i18n/translation-state';
import { sectionsFor } from '../admin/admin-guard';
import { ErrorNotice } from '../shared/error-notice';
import { readableTextColour } from '../shared/readable-text-colour';
import { ShellState } from './shell-state';
import { shellText } from './shell-text';

/** The bar on every page: the parliament, who is signed in with which roles, and signing out. */
@Component({
  selector: 'plenum-app-header',
  imports: [RouterLink, ErrorNotice, LanguageSwitch],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="app-header">
      <a class="brand" routerLink="/">{{ shellState.parliamentName() ?? 'Plenum' }}</a>
      <div class="viewer">
        <span class="viewer-name" data-testid="viewer-name">{{ viewer().name }}</span>
        @if (faction(); as faction) {
          <span class="faction-badge" [style.background-color]="faction.colour" [style.color]="faction.textColour">
            {{ faction.shortName }}
          </span>
        }
        <span class="viewer-roles">{{ roles() }}</span>
        @if (backOffice()) {
          <a class="back-office" routerLink="/admin" data-testid="back-office-link">{{ text().backOffice }}</a>
        }
        <plenum-language-switch />
        <!-- Signing out changes state, so it is a POST (the server checks its Origin), never a link. -->
        <form class="sign-out-form" method="post" action="/auth/logout">
          <button class="sign-out" type="submit">{{ text().signOut }}</button>
        </form>
      </div>
    </header>
    @if (shellState.error(); as error) {
      <div class="header-error">
        <plenum-error-notice [heading]="text().parliamentFailed" [error]="error" />
      </div>
    }
  `,
  styles: `
    .app-header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1.5rem;
      padding: 0.75rem max(1rem, calc((100vw - 72rem) / 2));
      background: var(--header);
      color: var(--header-text);
    }
    .brand {
      color: inherit;
      font-size: 1.25rem;
      font-weight: 700;
      text-decoration: none;
    }
    .brand:hover,
    .brand:focus-visible {
      text-decoration: underline;
    }
    .viewer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }
    .viewer-name {
      font-weight: 600;
    }
    .faction-badge {
      padding: 0 0.4rem;
      border-radius: 0.25rem;
      font-size: 0.875rem;
      font-weight: 700;
      outline: 1px solid rgb(255 255 255 / 0.6);
    }
    .viewer-roles {
      font-size: 0.875rem;
    }
    .sign-out-form {
      margin: 0;
    }
    .back-office {
      color: inherit;
      font-weight: 600;
    }
    .sign-out {
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      font-weight: 600;
      text-decoration: underline;
      cursor: pointer;
    }
    .header-error {
      max-width: 72rem;
      margin: 0 auto;
      padding: 0 1rem;
    }
  `,
})
export class AppHeader implements OnInit {
  protected readonly shellState = inject(ShellState);
  private readonly translation = inject(TranslationState);

  readonly viewer = input.required<Viewer>();

  protected readonly text = this.translation.catalogue(shellText);
  protected readonly roles = computed(() =>
    this.viewer()
      .roles.map((role) => this.text().role[role])
      .join(', '),
  );
  /** Who may use a section of the back office reaches it from every page (parliament IT all of it; clerks and the chair the sittings). */
  protected readonly backOffice = computed(() => sectionsFor(this.viewer().roles).length > 0);
  protected readonly faction = computed(() => {
    const faction = this.viewer().person?.faction;
    return faction ? { ...faction, textColour: readableTextColour(faction.colour) } : null;
  });

  ngOnInit(): void {
    void this.shellState.loadParliament();
  }
}
