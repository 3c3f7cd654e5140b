import { ChangeDetectionStrategy, Component, Injectable, computed, inject } from '@angular/core';
import type { Translations } from '../i18n/translation-state';
import { TranslationState } from '../i18n/translation-state';
import { ProcedureCommands } from '../procedure/procedure-commands';
import { CommandProblem } from '../shared/command-problem';
import { ChamberState } from './chamber-state';
import { passFloorMutation } from './lobby-wait.generated';

const en = {
  pass: 'Pass the floor to the next speaker',
  next: (name: string) => `Next: ${name}`,
};
const de: typeof en = {
  pass: 'Das Wort an die nächste Rednerin oder den nächsten Redner weitergeben',
  next: (name) => `Als Nächstes: ${name}`,
};
const talkingStickText: Translations<typeof en> = { en, de };

@Injectable()
class StickCommands extends ProcedureCommands<'pass'> {
  pass = () => this.send('pass', passFloorMutation, {});
}

/** Talking stick (where the rulebook allows it): the speaker hands the floor to the next on the list without the chair. */
@Component({
  selector: 'plenum-talking-stick',
  imports: [CommandProblem],
  providers: [StickCommands],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (shown()) {
      <p class="stick">
        <button type="button" data-testid="pass-floor" [disabled]="commands.pending('pass')" (click)="pass()">{{ text().pass }}</button>
        @if (next(); as name) {
          <span>{{ text().next(name) }}</span>
        }
      </p>
      <plenum-command-problem [message]="commands.problem('pass')" />
    }
  `,
  styles: `
    .stick {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin: 0.5rem 0 0;
    }
  `,
})
export class TalkingStick {
  protected readonly commands = inject(StickCommands);
  private readonly chamber = inject(ChamberState);
  protected readonly text = inject(TranslationState).catalogue(talkingStickText);

  protected readonly next = computed(() => this.chamber.procedure.procedure()?.speakerList.requests[0]?.person.name ?? null);
  protected readonly shown = computed(() => (this.chamber.procedure.procedure()?.floor?.talkingStick ?? false) && this.chamber.holdsFloor());

  protected pass(): void {
    void this.commands.pass();
  }
}
