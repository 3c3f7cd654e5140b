import { ChangeDetectionStrategy, Component, input, output, viewChild } from '@angular/core';
import { DialogFrame } from './dialog-frame';

/**
 * A button for an act that cannot be undone ("Close the vote", "End the speech"): the click asks
 * first, in a modal dialog whose safe answer has the focus; only "confirm" emits `confirmed`.
 * The confirming button's test id is the button's with `confirm-` in front.
 */
@Component({
  selector: 'plenum-confirm-button',
  imports: [DialogFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" [class]="tone()" [attr.data-testid]="testId()" [disabled]="disabled()" (click)="ask()">{{ label() }}</button>
    <plenum-dialog-frame #dialog [heading]="heading()">
      <p>{{ question() }}</p>
      <div class="dialog-actions">
        <button type="button" class="danger" [attr.data-testid]="'confirm-' + testId()" (click)="confirm()">{{ label() }}</button>
        <button type="button" class="secondary" autofocus [attr.data-testid]="'keep-' + testId()" (click)="dialog.close()">{{ keepLabel() }}</button>
      </div>
    </plenum-dialog-frame>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class ConfirmButton {
  private readonly dialog = viewChild.required<DialogFrame>('dialog');

  readonly label = input.required<string>();
  readonly heading = input.required<string>();
  readonly question = input.required<string>();
  /** The safe answer ("Keep it open"). */
  readonly keepLabel = input.required<string>();
  readonly testId = input.required<string>();
  readonly disabled = input(false);
  /** The button's class: '' (primary), 'secondary' or 'danger'. */
  readonly tone = input('');
  readonly confirmed = output<void>();

  protected ask(): void {
    this.dialog().open();
  }

  protected confirm(): void {
    this.dialog().close();
    this.confirmed.emit();
  }
}
