import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { procedureText } from '../procedure/procedure-text';
import { CommandProblem } from '../shared/command-problem';
import type { RequestKind, Stance } from '../shared/graphql-schema.generated';
import { chamberText } from './chamber-text';
import { ChamberState } from './chamber-state';

/**
 * A member's hand: ask to speak (for or against when the debate alternates pro and contra), ask the
 * speaker an interjection question, reply to a speech with a short intervention, and withdraw; with
 * the member's place in the list.
 */
@Component({
  selector: 'plenum-speaking-requests',
  imports: [CommandProblem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state.procedure.procedure(); as procedure) {
      @if (state.holdsFloor()) {
        <p class="you-speak" data-testid="you-have-the-floor">{{ text().youHaveTheFloor }}</p>
        @for (question of state.questionsToMe(); track question.requestId) {
          <p class="place" data-testid="question-to-me">
            {{ text().questionFrom(question.person.name) }}
            <button type="button" class="secondary" [disabled]="busy()" (click)="acceptQuestion(question.requestId)">{{ text().allowQuestion }}</button>
            <button type="button" class="secondary" [disabled]="busy()" (click)="declineQuestion(question.requestId)">{{ text().refuseQuestion }}</button>
          </p>
        }
      }
      @if (state.myPlace(); as mine) {
        <p class="place" data-testid="my-place">
          {{ text().yourPlace(mine.place, mine.of, words().requestKind[mine.request.kind]) }}
          <button type="button" class="secondary" data-testid="withdraw-request" [disabled]="busy()" (click)="withdraw(mine.request.id)">
            {{ text().withdraw }}
          </button>
        </p>
      } @else {
        <div class="actions">
          @if (procedure.orderPolicy === 'PRO_CONTRA') {
            <button type="button" data-testid="request-pro" [disabled]="busy() || listClosed()" (click)="request('SPEECH', 'PRO')">
              {{ text().requestPro }}
            </button>
            <button type="button" data-testid="request-contra" [disabled]="busy() || listClosed()" (click)="request('SPEECH', 'CONTRA')">
              {{ text().requestContra }}
            </button>
          } @else {
            <button type="button" data-testid="request-speech" [disabled]="busy() || listClosed()" (click)="request('SPEECH', null)">
              {{ text().requestSpeech }}
            </button>
          }
          @if (mayReply()) {
            <button type="button" class="secondary" data-testid="request-short-intervention" [disabled]="busy()" (click)="request('SHORT_INTERVENTION', null)">
              {{ text().requestShortIntervention }}
            </button>
          }
        </div>
        @if (listClosed()) {
          <p class="note">{{ text().listClosed }}</p>
        }
      }
      @if (procedure.floor && !state.holdsFloor()) {
        @if (state.myPendingInterjection(); as asked) {
          <p class="place" data-testid="my-interjection">
            {{ text().interjectionWaiting(procedure.floor.person.name) }}
            <button type="button" class="secondary" [disabled]="busy()" (click)="withdraw(asked.requestId)">{{ text().withdraw }}</button>
          </p>
        } @else if (procedure.floor.kind === 'SPEECH' && !procedure.floor.interjection) {
          <button type="button" class="secondary" data-testid="request-interjection" [disabled]="busy()" (click)="request('INTERJECTION', null)">
            {{ text().askInterjection(procedure.floor.person.name) }}
          </button>
        }
      }
      <plenum-command-problem [message]="state.problem('request')" />
    }
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .place,
    .you-speak {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 0 0 0.5rem;
      font-weight: 600;
    }
    .you-speak {
      padding: 0.5rem 0.75rem;
      background: #dcefe0;
      color: #14532d;
    }
    .note {
      margin: 0 0 0.5rem;
      color: var(--muted);
    }
  `,
})
export class SpeakingRequests {
  protected readonly state = inject(ChamberState);
  private readonly translation = inject(TranslationState);

  protected readonly text = this.translation.catalogue(chamberText);
  protected readonly words = this.translation.catalogue(procedureText);
  protected readonly listClosed = computed(() => this.state.procedure.procedure()?.speakerList.closed ?? false);
  /** A short intervention answers a speech: while someone else gives one, or once the floor is free again. */
  protected readonly mayReply = computed(() => {
    const floor = this.state.procedure.procedure()?.floor ?? null;
    return floor === null ? (this.state.procedure.procedure()?.currentItem ?? null) !== null : floor.kind === 'SPEECH' && !this.state.holdsFloor();
  });

  protected busy(): boolean {
    return this.state.pending('request');
  }

  protected request(kind: RequestKind, stance: Stance | null): void {
    void this.state.requestToSpeak(kind, stance);
  }

  protected acceptQuestion(requestId: string): void {
    void this.state.acceptQuestion(requestId);
  }

  protected declineQuestion(requestId: string): void {
    void this.state.declineQuestion(requestId);
  }

  protected withdraw(requestId: string): void {
    void this.state.withdrawRequest(requestId);
  }
}
