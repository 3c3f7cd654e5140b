import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { SignInPage } from '../auth/sign-in-page';
import { ViewerState } from '../auth/viewer-state';
import { TranslationState } from '../i18n/translation-state';
import { ErrorNotice } from '../shared/error-notice';
import { AppHeader } from './app-header';
import { shellText } from './shell-text';

/** The root: checks the sign-in first, then frames the routed pages with the header. */
@Component({
  selector: 'plenum-root',
  imports: [RouterOutlet, AppHeader, SignInPage, ErrorNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (viewerState.status()) {
      @case ('signed-in') {
        @if (viewerState.viewer(); as viewer) {
          <plenum-app-header [viewer]="viewer" />
        }
        <main class="page">
          <router-outlet />
        </main>
      }
      @case ('signed-out') {
        <plenum-sign-in-page [sessionEnded]="viewerState.sessionEnded()" />
      }
      @case ('failed') {
        <main class="page">
          <h1>Plenum</h1>
          <plenum-error-notice [heading]="text().signInCheckFailed" [error]="viewerState.error()" />
          <button type="button" (click)="retrySignInCheck()">{{ text().tryAgain }}</button>
        </main>
      }
      @default {
        <main class="page">
          <p role="status">{{ text().checkingSignIn }}</p>
        </main>
      }
    }
  `,
})
export class Shell implements OnInit {
  protected readonly viewerState = inject(ViewerState);
  protected readonly text = inject(TranslationState).catalogue(shellText);

  ngOnInit(): void {
    void this.viewerState.load();
  }

  protected retrySignInCheck(): void {
    void this.viewerState.load();
  }
}
