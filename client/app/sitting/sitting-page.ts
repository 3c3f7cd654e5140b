import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ErrorNotice } from '../shared/error-notice';
import { AgendaList } from './agenda-list';
import { liveStatusLabels } from './live-labels';
import { MemberGroups } from './member-groups';
import { SeatStrip } from './seat-strip';
import { sittingStateLabels } from './sitting-labels';
import { SittingState } from './sitting-state';

/** One sitting: its facts, the agenda (kept live), the seats and the members by faction. */
@Component({
  selector: 'plenum-sitting-page',
  imports: [AgendaList, DatePipe, ErrorNotice, MemberGroups, RouterLink, SeatStrip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back"><a routerLink="/">← All sittings</a></p>
    @if (state.error(); as error) {
      <plenum-error-notice heading="Could not load the sitting" [error]="error" />
    }
    @if (state.overview(); as overview) {
      @if (overview.sitting; as sitting) {
        <header class="sitting-header">
          <h1 data-testid="sitting-title">{{ sitting.title }}</h1>
          <dl class="facts">
            <div>
              <dt>Number</dt>
              <dd>{{ sitting.number }}</dd>
            </div>
            <div>
              <dt>Starts</dt>
              <dd>
                <time [attr.datetime]="sitting.startsAt">{{ sitting.startsAt | date: 'EEEE, d MMMM y, HH:mm' }}</time>
              </dd>
            </div>
            <div>
              <dt>State</dt>
              <dd>
                <span class="state" [attr.data-state]="sitting.state">{{ stateLabels[sitting.state] }}</span>
              </dd>
            </div>
          </dl>
          <p class="live" role="status" [attr.data-live]="state.live()">
            {{ liveLabel() }}
            @if (state.lastEvent(); as event) {
              <span class="last-event">
                Last change: {{ event.kind }} at
                <time [attr.datetime]="event.at">{{ event.at | date: 'HH:mm:ss' }}</time>.
              </span>
            }
          </p>
        </header>
        @if (state.liveError(); as liveError) {
          <plenum-error-notice heading="Live updates stopped" [error]="liveError" />
        }

        <section class="panel" aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">Agenda</h2>
          <plenum-agenda-list [items]="state.agenda()" />
        </section>

        <section class="panel" aria-labelledby="seats-heading">
          <h2 id="seats-heading">Seats in {{ overview.parliament.name }}</h2>
          <plenum-seat-strip
            [segments]="state.seatSegments()"
            [statutoryMembers]="overview.parliament.statutoryMembers"
            [seatsFilled]="overview.parliament.seatsFilled"
          />
        </section>

        <section class="panel" aria-labelledby="members-heading">
          <h2 id="members-heading">Members</h2>
          <plenum-member-groups [groups]="state.memberGroups()" />
        </section>
      } @else {
        <h1>Sitting not found</h1>
        <p>There is no sitting with the id “{{ id() }}”. <a routerLink="/">See all sittings.</a></p>
      }
    } @else if (state.loading()) {
      <p role="status">Loading the sitting…</p>
    }
  `,
  styles: `
    .back {
      margin: 0 0 1rem;
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
    .live {
      margin: 0.75rem 0 0;
      color: var(--muted);
    }
    .live[data-live='live']::before {
      content: '';
      display: inline-block;
      width: 0.625rem;
      height: 0.625rem;
      margin-right: 0.375rem;
      border-radius: 50%;
      background: var(--success);
    }
  `,
})
export class SittingPage {
  private readonly title = inject(Title);
  protected readonly state = inject(SittingState);

  /** From the route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly stateLabels = sittingStateLabels;
  protected readonly liveLabel = computed(() => liveStatusLabels[this.state.live()]);

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
