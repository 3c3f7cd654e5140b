import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { ArrangementsState, type BoothState } from '../media/arrangements-state';
import { boothText } from './booth-text';

/** What the booth interprets from: the floor, or another booth's channel as relay. */
@Component({
  selector: 'plenum-booth-source',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="source" data-testid="booth-source" [disabled]="disabled() || arrangements.pending('booth')">
      <legend>{{ text().source }}</legend>
      <label>
        <input type="radio" name="booth-source" data-testid="source-floor" [checked]="booth().relayLanguage === null" (change)="choose(null)" />
        {{ text().sourceFloor }}
      </label>
      @for (other of relays(); track other.booth.id) {
        <label>
          <input
            type="radio"
            name="booth-source"
            [attr.data-testid]="'source-' + other.booth.language"
            [checked]="booth().relayLanguage === other.booth.language"
            (change)="choose(other.booth.language)"
          />
          {{ text().sourceRelay(other.booth.name) }}
        </label>
      }
    </fieldset>
  `,
  styles: `
    .source {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      margin: 1rem 0 0;
      border: 1px solid var(--border);
      border-radius: 4px;
    }
  `,
})
export class BoothSource {
  protected readonly arrangements = inject(ArrangementsState);
  protected readonly text = inject(TranslationState).catalogue(boothText);

  readonly booth = input.required<BoothState>();
  /** The spoken-language booths of the chamber. */
  readonly booths = input.required<readonly BoothState[]>();
  readonly disabled = input(false);

  /** Other booths' languages to relay from. */
  protected readonly relays = computed(() => this.booths().filter((other) => other.booth.language !== this.booth().booth.language));

  protected choose(relayLanguage: string | null): void {
    void this.arrangements.setBoothSource(relayLanguage);
  }
}
