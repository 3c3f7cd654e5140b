import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { FloorView } from '../procedure/floor-view';
import type { Floor } from '../procedure/procedure-state';
import { CommandProblem } from '../shared/command-problem';
import { ConfirmButton } from '../shared/confirm-button';
import { chairText } from './chair-text';
import { ChairState } from './chair-state';
import { consoleText } from './console-text';

/** Seconds one press of "extend" adds to the speech. */
export const extensionSeconds = 60;

/**
 * The floor: who speaks, the clock, "Next speaker" (points of order first, then the list), extend and
 * end (after a confirmation); interjection questions asked of the speaker, to accept or decline, and the running one to end.
 */
@Component({
  selector: 'plenum-floor-controls',
  imports: [CommandProblem, ConfirmButton, FloorView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state.procedure.procedure(); as procedure) {
      <plenum-floor-view [floor]="procedure.floor" [serverTime]="procedure.serverTime" />
      <div class="controls">
        <button type="button" data-testid="next-speaker" [disabled]="busy()" (click)="nextSpeaker()">
          {{ text().nextSpeaker }}
        </button>
        @if (procedure.floor; as floor) {
          <button type="button" class="secondary" data-testid="extend-floor" [disabled]="busy()" (click)="extendFloor()">
            {{ text().extendMinute }}
          </button>
          <plenum-confirm-button
            tone="secondary"
            testId="end-floor"
            [label]="text().endFloor"
            [heading]="confirmText().endFloorHeading"
            [question]="confirmText().endFloorQuestion(floor.person.name)"
            [keepLabel]="confirmText().keepSpeaking"
            [disabled]="busy()"
            (confirmed)="endFloor()"
          />
        }
        @if (procedure.mutedAll) {
          <button type="button" class="secondary" data-testid="lift-mute-all" [attr.aria-pressed]="true" [disabled]="busy()" (click)="liftMuteAll()">
            {{ text().liftMuteAll }}
          </button>
        } @else {
          <button type="button" class="secondary" data-testid="mute-all" [disabled]="busy()" (click)="muteAll()">
            {{ text().muteAll }}
          </button>
        }
      </div>
      @if (procedure.mutedAll) {
        <p class="muted-all" role="status" data-testid="muted-all">{{ text().mutedAll }}</p>
      }
      <plenum-command-problem [message]="state.problem('floor')" />

      @if (procedure.floor; as floor) {
        @if (floor.interjection || waitingQuestions(floor).length > 0) {
          <h3>{{ text().interjections }}</h3>
          @if (floor.interjection; as running) {
            <p class="running">
              {{ text().interjectionRunning(running.person.name) }}
              <button type="button" class="secondary" data-testid="end-interjection" [disabled]="busy()" (click)="endInterjection()">
                {{ text().endInterjection }}
              </button>
            </p>
          }
          <ul class="pending">
            @for (request of waitingQuestions(floor); track request.requestId) {
              <li data-testid="pending-interjection">
                <span>{{ request.person.name }}{{ request.person.faction ? ' (' + request.person.faction.shortName + ')' : '' }}</span>
                <button
                  type="button"
                  class="secondary"
                  [attr.aria-label]="text().acceptNamed(request.person.name)"
                  [disabled]="busy()"
                  (click)="acceptInterjection(request.requestId)"
                >
                  {{ text().accept }}
                </button>
                <button
                  type="button"
                  class="secondary"
                  [attr.aria-label]="text().declineNamed(request.person.name)"
                  [disabled]="busy()"
                  (click)="declineInterjection(request.requestId)"
                >
                  {{ text().decline }}
                </button>
              </li>
            }
          </ul>
          <plenum-command-problem [message]="state.problem('interjections')" />
        }
      }
    }
  `,
  styles: `
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.75rem;
    }
    .muted-all {
      margin: 0.5rem 0 0;
      font-weight: 600;
      color: var(--danger);
    }
    h3 {
      margin: 1rem 0 0.25rem;
      font-size: 1rem;
    }
    .running,
    .pending li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 0.25rem 0;
    }
    .pending {
      margin: 0;
      padding: 0;
      list-style: none;
    }
  `,
})
export class FloorControls {
  protected readonly state = inject(ChairState);
  private readonly translation = inject(TranslationState);

  protected readonly text = this.translation.catalogue(chairText);
  protected readonly confirmText = this.translation.catalogue(consoleText);

  protected busy(): boolean {
    return this.state.pending('floor') || this.state.pending('interjections');
  }

  /** Questions asked of the speaker and not yet accepted (an accepted one is `floor.interjection`). */
  protected waitingQuestions(floor: Floor): Floor['pendingInterjections'] {
    return floor.pendingInterjections.filter((question) => !question.accepted);
  }

  protected nextSpeaker(): void {
    void this.state.nextSpeaker();
  }

  protected extendFloor(): void {
    void this.state.extendFloor(extensionSeconds);
  }

  protected endFloor(): void {
    void this.state.endFloor();
  }

  protected acceptInterjection(requestId: string): void {
    void this.state.acceptInterjection(requestId);
  }

  protected declineInterjection(requestId: string): void {
    void this.state.declineInterjection(requestId);
  }

  protected muteAll(): void {
    void this.state.muteAll();
  }

  protected liftMuteAll(): void {
    void this.state.liftMuteAll();
  }

  protected endInterjection(): void {
    void this.state.endInterjection();
  }
}
