import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { isPublicUrl } from '../app-routes';
import { SignInPage } from '../auth/sign-in-page';
import { ViewerState } from '../auth/viewer-state';
import { TranslationState } from '../i18n/translation-state';
import { ErrorNotice } from '../shared/error-notice';
import { FrontPage } from '../front/front-page';
import { AppHeader } from './app-header';
import { shellText } from './shell-text';

/** Whether a URL is the front door ('/', '/?x'): anyone who is not signed in sees the public list of sittings there. */
export function isFrontDoor(url: string): boolean {
  return url.replace(/^\/+/, '').split(/[?#;(]/, 1)[0] === '';
}

/**
 * The root: checks the sign-in first, then frames the routed pages with the header. Pages open to
 * everyone (the public viewer) are shown as they are, without asking who is there; at the front
 * door, whoever is not signed in sees the public list of sittings (with the way to sign in).
 */
@Component({
  selector: 'plenum-root',
  imports: [RouterOutlet, AppHeader, SignInPage, ErrorNotice, FrontPage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (publicPage()) {
      <router-outlet />
    } @else {
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
          @if (frontDoor()) {
            <plenum-front-page [sessionEnded]="viewerState.sessionEnded()" />
          } @else {
            <plenum-sign-in-page [sessionEnded]="viewerState.sessionEnded()" />
          }
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
    }
  `,
})
export class Shell {
  protected readonly viewerState = inject(ViewerState);
  protected readonly text = inject(TranslationState).catalogue(shellText);
  private readonly location = inject(Location);
  private readonly publicPageSignal = signal(isPublicUrl(this.location.path()));
  private readonly frontDoorSignal = signal(isFrontDoor(this.location.path()));
  /** The sign-in is checked once, when the first page that needs it is shown. */
  private viewerRequested = false;

  protected readonly publicPage = this.publicPageSignal.asReadonly();
  protected readonly frontDoor = this.frontDoorSignal.asReadonly();

  constructor() {
    inject(Router)
      .events.pipe(takeUntilDestroyed())
      .subscribe((event) => {
        if (event instanceof NavigationEnd) {
          this.publicPageSignal.set(isPublicUrl(event.urlAfterRedirects));
          this.frontDoorSignal.set(isFrontDoor(event.urlAfterRedirects));
        }
      });
    effect(() => {
      if (!this.publicPageSignal() && !this.viewerRequested) {
        this.viewerRequested = true;
        untracked(() => void this.viewerState.load());
      }
    });
  }

  protected retrySignInCheck(): void {
    void this.viewerState.load();
  }
}
