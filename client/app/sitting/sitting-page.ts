import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ViewerState } from '../auth/viewer-state';
import { TranslationState } from '../i18n/translation-state';
import { chairTeam } from '../shared/contract-roles';
import { ErrorNotice } from '../shared/error-notice';
import { AgendaList } from './agenda-list';
import { MemberGroups } from './member-groups';
import { ProtocolLinks } from './protocol-links';
import { SeatStrip } from './seat-strip';
import { SittingState } from './sitting-state';
import { sittingText } from './sitting-text';

/** One sitting: its facts, the agenda (kept live), the seats and the members by faction. */
@Component({
  selector: 'plenum-sitting-page',
  imports: [AgendaList, ErrorNotice, MemberGroups, ProtocolLinks, RouterLink, SeatStrip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back">
      <a routerLink="/">{{ text().allSittings }}</a>
    </p>
    @if (state.error(); as error) {
      <plenum-error-notice [heading]="text().loadSittingFailed" [error]="error" />
    }
    @if (state.overview(); as overview) {
      @if (overview.sitting; as sitting) {
        <header class="sitting-header">
          <h1 data-testid="sitting-title">{{ sitting.title }}</h1>
          <dl class="facts">
            <div>
              <dt>{{ text().numberLong }}</dt>
              <dd>{{ sitting.number }}</dd>
            </div>
            <div>
              <dt>{{ text().starts }}</dt>
              <dd>
                <time [attr.datetime]="sitting.startsAt">{{ translation.formatDateTime(sitting.startsAt) }}</time>
              </dd>
            </div>
            <div>
              <dt>{{ text().state }}</dt>
              <dd>
                <span class="state" [attr.data-state]="sitting.state">{{ text().sittingState[sitting.state] }}</span>
              </dd>
            </div>
          </dl>
          <p class="live" role="status" [attr.data-live]="state.live()">
            {{ liveLabel() }}
            @if (state.lastEvent(); as event) {
              <span class="last-event">{{ text().lastChange(event.kind, translation.formatTime(event.at)) }}</span>
            }
          </p>
          @if (sitting.postponedFrom; as from) {
            <p data-testid="postponed-from">{{ text().postponedFrom(translation.formatDateTime(from)) }}</p>
          }
          @if (sitting.state === 'CANCELLED') {
            <!-- Nothing to enter, chair or interpret: a cancelled sitting never opens. -->
            <div class="cancelled" data-testid="cancelled-notice">
              <p>{{ text().cancelledNotice }}</p>
              @if (sitting.cancelReason; as reason) {
                <p>{{ reason }}</p>
              }
            </div>
          } @else {
            <nav class="procedure-links" [attr.aria-label]="text().chamberLink">
              <a class="button" data-testid="chamber-link" [routerLink]="['/sittings', sitting.id, 'chamber']">{{ text().chamberLink }}</a>
              @if (mayChair()) {
                <a class="button" data-testid="chair-link" [routerLink]="['/sittings', sitting.id, 'chair']">{{ text().chairLink }}</a>
              }
              @if (keepsRecord()) {
                <a class="button" data-testid="desk-link" [routerLink]="['/sittings', sitting.id, 'desk']">{{ text().deskLink }}</a>
              }
              @if (interprets()) {
                <a class="button" data-testid="booth-link" [routerLink]="['/sittings', sitting.id, 'booth']">{{ text().boothLink }}</a>
              }
            </nav>
          }
          <plenum-protocol-links [sitting]="sitting" />
        </header>
        @if (state.liveError(); as liveError) {
          <plenum-error-notice [heading]="text().liveStopped" [error]="liveError" />
        }

        <section class="panel" aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">{{ text().agenda }}</h2>
          <plenum-agenda-list [items]="state.agenda()" />
        </section>

        @if (overview.parliament; as parliament) {
          <section class="panel" aria-labelledby="seats-heading">
            <h2 id="seats-heading">{{ text().seatsIn(parliament.name) }}</h2>
            <plenum-seat-strip [segments]="state.seatSegments()" [statutoryMembers]="parliament.statutoryMembers" [seatsFilled]="parliament.seatsFilled" />
          </section>
        }

        <section class="panel" aria-labelledby="members-heading">
          <h2 id="members-heading">{{ text().members }}</h2>
          <plenum-member-groups [groups]="state.memberGroups()" />
        </section>
      } @else {
        <h1>{{ text().sittingNotFound }}</h1>
        <p>
          {{ text().noSuchSitting(id()) }} <a routerLink="/">{{ text().seeAllSittings }}</a>
        </p>
      }
    } @else if (state.loading()) {
      <p role="status">{{ text().loadingSitting }}</p>
    }
  `,
  styles: `
    .back {
      margin: 0 0 1rem;
    }
    .cancelled {
      margin: 0.75rem 0;
      padding: 0.5rem 1rem;
      border-left: 4px solid var(--danger);
      background: var(--danger-soft);
    }
    .cancelled p {
      margin: 0.25rem 0;
    }
    .sitting-header h1 {
      margin: 0 0 0.75rem;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2rem;
      margin: 0;
    }
    .facts dt {
      color: var(--muted);
      font-size: 0.8125rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .facts dd {
      margin: 0;
      font-weight: 600;
    }
    .procedure-links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1rem;
    }
    .live {
      margin: 0.75rem 0 0;
      color: var(--muted);
    }
  `,
})
export class SittingPage {
  private readonly title = inject(Title);
  protected readonly state = inject(SittingState);
  protected readonly translation = inject(TranslationState);
  private readonly viewer = inject(ViewerState);

  /** From the route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly text = this.translation.catalogue(sittingText);
  protected readonly liveLabel = computed(() => this.text().live[this.state.live()]);
  /** The chair's team gets a link to the chair console. */
  protected readonly mayChair = computed(() => chairTeam(this.viewer.viewer()?.roles ?? []));
  /** The clerks and the chair's team: captions, minutes notes, corrections (the clerk's desk). */
  protected readonly keepsRecord = computed(() => this.mayChair() || (this.viewer.viewer()?.roles ?? []).includes('CLERK'));

  /** Interpreters with a booth get a link to it. */
  protected readonly interprets = computed(() => {
    const viewer = this.viewer.viewer();
    return (viewer?.roles ?? []).includes('INTERPRETER') && viewer?.person?.booth != null;
  });

  constructor() {
    effect((onCleanup) => {
      const sittingId = this.id();
      untracked(() => onCleanup(this.showSitting(sittingId)));
    });
    effect(() => {
      const sitting = this.state.sitting();
      if (sitting !== null) {
        this.title.setTitle(`${sitting.title} · Plenum`);
      }
    });
  }

  /** Loads the sitting and follows its events; returns what stops following. */
  private showSitting(sittingId: string): () => void {
    void this.state.loadOverview(sittingId);
    return this.state.follow(sittingId);
  }
}
