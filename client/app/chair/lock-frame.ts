import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import type { SittingState } from '../shared/graphql-schema.generated';
import { lockReason, type LockNeed } from './console-lock';
import { consoleText } from './console-text';

let nextId = 0;

/**
 * Holds a part of the console whose controls the sitting's state may forbid: then every control in
 * it is disabled at once (a native disabled fieldset) and the reason stands above them.
 */
@Component({
  selector: 'plenum-lock-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (reason(); as reason) {
      <p class="lock-reason" data-testid="lock-reason" [id]="reasonId">{{ text().lock[reason] }}</p>
    }
    <fieldset [disabled]="reason() !== null" [attr.aria-describedby]="reason() === null ? null : reasonId" [attr.data-locked]="reason() !== null">
      <ng-content />
    </fieldset>
  `,
  styles: `
    :host {
      display: block;
    }
    fieldset {
      min-width: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }
    .lock-reason {
      margin: 0 0 0.5rem;
      padding: 0.25rem 0.5rem;
      border-left: 4px solid var(--muted);
      background: var(--background);
      font-weight: 600;
    }
  `,
})
export class LockFrame {
  protected readonly text = inject(TranslationState).catalogue(consoleText);

  readonly phase = input.required<SittingState | null | undefined>();
  readonly needs = input.required<LockNeed>();

  protected readonly reasonId = `lock-reason-${++nextId}`;
  protected readonly reason = computed(() => lockReason(this.phase(), this.needs()));
}
