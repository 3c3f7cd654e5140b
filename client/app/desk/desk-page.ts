import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ViewerState } from '../auth/viewer-state';
import { TranslationState } from '../i18n/translation-state';
import { procedureText } from '../procedure/procedure-text';
import { showProcedure } from '../procedure/show-procedure';
import { SittingStatus } from '../procedure/sitting-status';
import { chairTeam } from '../shared/contract-roles';
import { ErrorNotice } from '../shared/error-notice';
import { ProtocolLinks } from '../sitting/protocol-links';
import { ApprovalPanel } from './approval-panel';
import { CaptionDesk } from './caption-desk';
import { deskText } from './desk-text';
import { DeskState } from './desk-state';
import { MinutesForm } from './minutes-form';
import { ProtocolTexts } from './protocol-texts';

/** The clerk's desk of one sitting (route `/sittings/:id/desk`), for the clerks and the chair's team. */
@Component({
  selector: 'plenum-desk-page',
  imports: [ApprovalPanel, CaptionDesk, ErrorNotice, MinutesForm, ProtocolLinks, ProtocolTexts, RouterLink, SittingStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back">
      <a [routerLink]="['/sittings', id()]">{{ words().backToSitting }}</a>
    </p>
    @if (!mayKeepRecord()) {
      <h1>{{ text().deskTitle }}</h1>
      <p data-testid="desk-forbidden">{{ text().onlyRecordKeepers }}</p>
    } @else {
      @if (procedureState.error(); as error) {
        <plenum-error-notice [heading]="words().loadFailed" [error]="error" />
      }
      @if (procedureState.notFound()) {
        <h1>{{ words().sittingNotFound }}</h1>
        <p>{{ words().noSuchSitting(id()) }}</p>
      } @else if (procedureState.procedure(); as procedure) {
        <header class="desk-header">
          <h1 data-testid="desk-title">{{ text().deskTitle }} · {{ procedureState.frame()?.title }}</h1>
          <plenum-sitting-status [procedure]="procedure" [live]="procedureState.live()" />
          @if (procedureState.frame(); as frame) {
            <plenum-protocol-links [sitting]="frame" />
          }
        </header>
        @if (procedureState.liveError(); as liveError) {
          <plenum-error-notice [heading]="words().liveStopped" [error]="liveError" />
        }
        @if (state.recordError(); as recordError) {
          <plenum-error-notice [heading]="text().recordFailed" [error]="recordError" />
        }
        <div class="desk-columns">
          <section class="panel captions" aria-labelledby="captions-heading">
            <h2 id="captions-heading">{{ text().captions }}</h2>
            <plenum-caption-desk />
          </section>
          <div class="side">
            <section class="panel" aria-labelledby="minutes-heading">
              <h2 id="minutes-heading">{{ text().minutes }}</h2>
              <plenum-minutes-form />
            </section>
            <section class="panel" aria-labelledby="protocol-heading">
              <h2 id="protocol-heading">{{ text().protocol }}</h2>
              <plenum-protocol-texts />
            </section>
            <section class="panel" aria-labelledby="approval-heading">
              <h2 id="approval-heading">{{ text().approval }}</h2>
              <plenum-approval-panel />
            </section>
          </div>
        </div>
      } @else if (procedureState.loading()) {
        <p role="status">{{ words().loading }}</p>
      }
    }
  `,
  styles: `
    .back {
      margin: 0 0 0.5rem;
    }
    h1 {
      margin: 0 0 0.5rem;
      overflow-wrap: anywhere;
    }
    .desk-header {
      display: grid;
      gap: 0.5rem;
      margin-bottom: 1rem;
    }
    .desk-columns {
      display: grid;
      gap: 1rem;
      grid-template-columns: minmax(0, 1fr);
    }
    @media (min-width: 960px) {
      .desk-columns {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        align-items: start;
      }
    }
    .side {
      display: grid;
      gap: 1rem;
    }
    .captions {
      border-color: var(--focus);
    }
  `,
})
export class DeskPage {
  private readonly viewer = inject(ViewerState);
  private readonly translation = inject(TranslationState);
  protected readonly state = inject(DeskState);
  protected readonly procedureState = this.state.procedure;

  /** From the route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly text = this.translation.catalogue(deskText);
  protected readonly words = this.translation.catalogue(procedureText);
  /** The clerks and the chair's team: the server lets nobody else note, correct or caption. */
  protected readonly mayKeepRecord = computed(() => {
    const roles = this.viewer.viewer()?.roles ?? [];
    return chairTeam(roles) || roles.includes('CLERK');
  });

  constructor() {
    showProcedure(this.id, () => this.text().deskTitle, { active: this.mayKeepRecord });
    // Every update of the procedure (a new seq) may carry notes, points or corrections: read the record on.
    effect(() => {
      const seq = this.procedureState.procedure()?.seq;
      const id = this.id();
      if (seq !== undefined && this.mayKeepRecord()) {
        untracked(() => void this.state.readRecord(id));
      }
    });
  }
}
