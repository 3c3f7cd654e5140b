import { ChangeDetectionStrategy, Component, Injectable, effect, inject, signal, untracked } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { LobbyDoor } from './lobby-door';
import { ProcedureCommands } from '../procedure/procedure-commands';
import { CommandProblem } from '../shared/command-problem';
import { GraphqlClient } from '../shared/graphql-client';
import { askToEnterMutation, myAdmissionQuery } from './lobby-wait.generated';
import { lobbyWaitText } from './lobby-wait-text';

@Injectable()
class DoorCommands extends ProcedureCommands<'ask'> {
  ask = () => this.send('ask', askToEnterMutation, {});
}

/**
 * At the chamber's door, for someone not on the roster (or removed): ask to enter, wait for the chair's
 * team, and be told the answer. Nothing shows for people on the roster. What it learns goes to
 * LobbyDoor, which lets the chamber's media start once admitted.
 */
@Component({
  selector: 'plenum-lobby-wait',
  imports: [CommandProblem],
  providers: [DoorCommands],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (door.admission(); as admission) {
      @if (admission.status !== 'ON_ROSTER') {
        <section class="door" aria-labelledby="door-heading" data-testid="lobby-wait" [attr.data-status]="admission.status">
          <h2 id="door-heading">{{ text().heading }}</h2>
          <p role="status">
            @switch (admission.status) {
              @case ('NONE') {
                {{ text().notOnRoster }}
              }
              @case ('WAITING') {
                <strong data-testid="waiting-for-admission">{{ text().waiting }}</strong>
              }
              @case ('ADMITTED') {
                <strong data-testid="admitted">{{ text().admitted(admission.role ? text().roles[admission.role] : '') }}</strong>
              }
              @case ('DECLINED') {
                {{ text().declined }}
              }
              @case ('REMOVED') {
                {{ text().removed }}
              }
              @case ('ENDED') {
                {{ text().ended }}
              }
            }
          </p>
          @if (admission.reason) {
            <p>{{ text().reason(admission.reason) }}</p>
          }
          @if (admission.status !== 'WAITING' && admission.status !== 'ADMITTED') {
            <button type="button" data-testid="ask-to-enter" [disabled]="commands.pending('ask')" (click)="ask()">
              {{ admission.status === 'NONE' ? text().ask : text().askAgain }}
            </button>
          }
          <plenum-command-problem [message]="commands.problem('ask')" />
        </section>
      }
    }
  `,
  styles: `
    .door {
      margin: 0.75rem 0 0;
      padding: 0.75rem 1rem;
      border-left: 6px solid var(--accent);
      background: var(--accent-soft);
    }
    h2 {
      margin: 0 0 0.25rem;
      font-size: 1.125rem;
    }
    p {
      margin: 0 0 0.5rem;
    }
  `,
})
export class LobbyWait {
  protected readonly commands = inject(DoorCommands);
  protected readonly door = inject(LobbyDoor);
  private readonly graphql = inject(GraphqlClient);
  protected readonly text = inject(TranslationState).catalogue(lobbyWaitText);
  private readonly loading = signal(false);

  constructor() {
    // Again with every change of the record: the chair's answer is an entry of it.
    effect(() => {
      const sittingId = this.commands.procedure.sittingId();
      this.commands.procedure.seq();
      if (sittingId !== null) {
        untracked(() => void this.load(sittingId));
      }
    });
  }

  private async load(sittingId: string): Promise<void> {
    if (this.loading()) return;
    this.loading.set(true);
    try {
      const { sitting } = await this.graphql.request(myAdmissionQuery, { sittingId });
      this.door.set(sittingId, sitting?.myAdmission ?? null);
    } catch {
      // Not signed in, or the sitting is gone: the page says so; the door stays as it was.
    } finally {
      this.loading.set(false);
    }
  }

  protected async ask(): Promise<void> {
    const sittingId = this.commands.procedure.sittingId();
    if ((await this.commands.ask()) && sittingId !== null) await this.load(sittingId);
  }
}
