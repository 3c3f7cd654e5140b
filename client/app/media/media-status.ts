import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { describeError } from '../shared/error-notice';
import { MediaState } from './media-state';
import { mediaText, statusWords } from './media-text';

/** Where the media connection stands, and the last problem, in words. */
@Component({
  selector: 'plenum-media-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="status" role="status" data-testid="media-status" [attr.data-status]="media.status()" [attr.data-present]="present()">{{ words() }}</p>
    @if (problem(); as problem) {
      <p class="problem" role="alert" data-testid="media-problem">{{ text().problem }}: {{ problem }}</p>
    }
  `,
  styles: `
    .status,
    .problem {
      margin: 0;
      color: var(--muted);
    }
    .status[data-status='joined']:not([data-present='false']) {
      color: var(--success);
    }
    .status[data-status='refused'],
    .status[data-status='replaced'],
    .problem {
      color: var(--danger);
    }
  `,
})
export class MediaStatusLine {
  protected readonly media = inject(MediaState);
  protected readonly text = inject(TranslationState).catalogue(mediaText);

  /** Whether the person has joined the sitting; null for those who are not counted (interpreters, watchers). */
  readonly present = input<boolean | null>(null);

  protected readonly words = computed(() => statusWords(this.media.status(), this.present(), this.text()));
  protected readonly problem = computed(() => {
    const error = this.media.error();
    return error === null ? null : describeError(error).join(' ');
  });
}
