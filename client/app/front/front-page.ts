import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { signInUrl } from '../auth/sign-in-page';
import { LanguageSwitch } from '../i18n/language-switch';
import { TranslationState } from '../i18n/translation-state';
import { ErrorNotice } from '../shared/error-notice';
import { GraphqlClient } from '../shared/graphql-client';
import { shellText } from '../shell/shell-text';
import { ShellState } from '../shell/shell-state';
import { frontText } from './front-text';
import { frontGroups, type FrontSitting } from './front-sittings';
import { frontSittingsQuery } from './front.generated';

/** How often an open front page asks again what is live, to come and past. */
export const FRONT_REFRESH_MS = 20_000;

/**
 * The public front door at / for anyone who is not signed in: the sittings live now, to come and
 * past, each with the way to watch it (live, or its recording) and its protocol once closed; and
 * the way to sign in for members and staff.
 */
@Component({
  selector: 'plenum-front-page',
  imports: [ErrorNotice, LanguageSwitch, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="page front" data-testid="front-page">
      <header class="front-header">
        <div>
          <p class="brand" data-testid="parliament-name">{{ parliament.parliamentName() ?? 'Plenum' }}</p>
          <h1>{{ text().heading }}</h1>
          <p class="intro">{{ text().intro }}</p>
        </div>
        <div class="account">
          <plenum-language-switch />
          <p class="sign-in-line">
            <span>{{ text().signInPrompt }}</span>
            <a class="button" data-testid="sign-in" [href]="signInHref">{{ shell().signIn }}</a>
          </p>
          @if (sessionEnded()) {
            <p class="notice" role="status">{{ shell().sessionEnded }}</p>
          }
        </div>
      </header>
      @if (error(); as error) {
        <plenum-error-notice [heading]="text().loadFailed" [error]="error" />
        <button type="button" (click)="load()">{{ text().tryAgain }}</button>
      }
      @if (groups(); as groups) {
        <section aria-labelledby="front-live" data-testid="front-live">
          <h2 id="front-live"><span class="dot" aria-hidden="true"></span>{{ text().live }}</h2>
          @for (s of groups.live; track s.id) {
            <article class="sitting live" data-testid="front-sitting" [attr.data-sitting]="s.id" [attr.data-phase]="s.phase">
              <div class="facts">
                <h3>{{ s.title }}</h3>
                <p class="muted">
                  {{ text().sittingNumber(s.number) }} · <time [attr.datetime]="s.startsAt">{{ translation.formatDateTime(s.startsAt) }}</time> ·
                  <span class="state" [attr.data-state]="s.phase">{{ text().phase[s.phase] }}</span>
                </p>
              </div>
              <a class="button" data-testid="watch-live" [routerLink]="['/watch', s.id]" [attr.aria-label]="text().linkFor(text().watchLive, s.title)">{{
                text().watchLive
              }}</a>
            </article>
          } @empty {
            <p class="muted">{{ text().noLive }}</p>
          }
        </section>
        <section aria-labelledby="front-upcoming" data-testid="front-upcoming">
          <h2 id="front-upcoming">{{ text().upcoming }}</h2>
          @if (groups.upcoming.length > 0) {
            <ul class="rows">
              @for (s of groups.upcoming; track s.id) {
                <li class="sitting" data-testid="front-sitting" [attr.data-sitting]="s.id" [attr.data-phase]="s.phase">
                  <div class="facts">
                    <h3>{{ s.title }}</h3>
                    <p class="muted">
                      {{ text().sittingNumber(s.number) }} · <time [attr.datetime]="s.startsAt">{{ translation.formatDateTime(s.startsAt) }}</time>
                    </p>
                    @if (s.postponedFrom; as from) {
                      <p class="muted" data-testid="postponed-from">{{ text().postponedFrom(translation.formatDateTime(from)) }}</p>
                    }
                  </div>
                  <a class="link" [routerLink]="['/watch', s.id]" [attr.aria-label]="text().linkFor(text().watchPage, s.title)">{{ text().watchPage }}</a>
                </li>
              }
            </ul>
          } @else {
            <p class="muted">{{ text().noUpcoming }}</p>
          }
        </section>
        @if (groups.cancelled.length > 0) {
          <section aria-labelledby="front-cancelled" data-testid="front-cancelled">
            <h2 id="front-cancelled">{{ text().cancelled }}</h2>
            <ul class="rows">
              @for (s of groups.cancelled; track s.id) {
                <li class="sitting" data-testid="front-sitting" [attr.data-sitting]="s.id" [attr.data-phase]="s.phase">
                  <div class="facts">
                    <h3>{{ s.title }}</h3>
                    <p class="muted">
                      {{ text().sittingNumber(s.number) }} · <time [attr.datetime]="s.startsAt">{{ translation.formatDateTime(s.startsAt) }}</time> ·
                      <span class="state" [attr.data-state]="s.phase">{{ text().phase[s.phase] }}</span>
                    </p>
                    @if (s.cancelReason; as reason) {
                      <p>{{ reason }}</p>
                    }
                  </div>
                </li>
              }
            </ul>
          </section>
        }
        <section aria-labelledby="front-past" data-testid="front-past">
          <h2 id="front-past">{{ text().past }}</h2>
          @if (groups.past.length > 0) {
            <ul class="rows">
              @for (s of groups.past; track s.id) {
                <li class="sitting" data-testid="front-sitting" [attr.data-sitting]="s.id" [attr.data-phase]="s.phase">
                  <div class="facts">
                    <h3>{{ s.title }}</h3>
                    <p class="muted">
                      {{ text().sittingNumber(s.number) }} · <time [attr.datetime]="s.startsAt">{{ translation.formatDateTime(s.startsAt) }}</time>
                    </p>
                  </div>
                  <div class="actions">
                    @if (s.hasRecording) {
                      <a
                        class="button"
                        data-testid="watch-recording"
                        [routerLink]="['/watch', s.id]"
                        [attr.aria-label]="text().linkFor(text().watchRecording, s.title)"
                        >{{ text().watchRecording }}</a
                      >
                    } @else {
                      <span class="muted">{{ text().noRecording }}</span>
                    }
                    @if (s.protocolUrl; as url) {
                      <a class="link" data-testid="protocol-link" [href]="url" [attr.aria-label]="text().linkFor(text().protocol, s.title)">{{
                        text().protocol
                      }}</a>
                    }
                  </div>
                </li>
              }
            </ul>
          } @else {
            <p class="muted">{{ text().noPast }}</p>
          }
        </section>
      } @else if (error() === null) {
        <p role="status">{{ text().loading }}</p>
      }
    </main>
  `,
  styles: `
    .front {
      max-width: 64rem;
    }
    .front-header {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: flex-start;
      gap: 1rem 2rem;
      margin-bottom: 1.5rem;
    }
    .brand {
      margin: 0;
      font-weight: 700;
      color: var(--accent);
      letter-spacing: 0.04em;
      text-transform: uppercase;
      font-size: 0.875rem;
    }
    h1 {
      margin: 0.125rem 0 0.5rem;
    }
    .intro {
      margin: 0;
      max-width: 36rem;
    }
    .account {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      gap: 0.5rem;
    }
    .sign-in-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 0;
    }
    .notice {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--accent);
      background: var(--accent-soft);
    }
    section {
      margin-bottom: 2rem;
    }
    h2 {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-size: 1.25rem;
      margin: 0 0 0.75rem;
    }
    h3 {
      margin: 0 0 0.25rem;
      font-size: 1.0625rem;
    }
    .dot {
      width: 0.75rem;
      height: 0.75rem;
      border-radius: 50%;
      background: var(--danger);
    }
    .rows {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .sitting {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      padding: 0.875rem 1rem;
      margin-bottom: 0.5rem;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 0.5rem;
    }
    .sitting.live {
      border-left: 4px solid var(--danger);
    }
    .facts p {
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .muted {
      color: var(--muted);
    }
    @media (max-width: 40rem) {
      .account {
        align-items: flex-start;
      }
    }
  `,
})
export class FrontPage {
  private readonly graphql = inject(GraphqlClient);
  private readonly title = inject(Title);
  protected readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(frontText);
  protected readonly shell = this.translation.catalogue(shellText);
  /** Whose sittings these are, and the zone their times are in. */
  protected readonly parliament = inject(ShellState);

  /** The session existed and the server no longer accepts it. */
  readonly sessionEnded = input(false);

  private readonly sittings = signal<readonly FrontSitting[] | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly groups = computed(() => {
    const sittings = this.sittings();
    return sittings === null ? null : frontGroups(sittings);
  });
  protected readonly signInHref = signInUrl('/');
  private request = 0;

  constructor() {
    void this.parliament.loadParliament();
    // A visitor who keeps the page open sees a sitting go live, and end, without reloading; not while the tab is hidden.
    const document = inject(DOCUMENT);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void this.load();
    }, FRONT_REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    // The protocol links are in the page's language: loaded again when it changes.
    effect(() => {
      this.translation.language();
      untracked(() => void this.load());
    });
    effect(() => this.title.setTitle(this.text().pageTitle));
  }

  protected async load(): Promise<void> {
    const request = ++this.request;
    try {
      const { publicSittings } = await this.graphql.request(frontSittingsQuery, { lang: this.translation.language() === 'en' ? 'EN' : 'DE' });
      if (request === this.request) {
        this.sittings.set(publicSittings);
        this.error.set(null);
      }
    } catch (error: unknown) {
      if (request === this.request) {
        this.error.set(error);
      }
    }
  }
}
