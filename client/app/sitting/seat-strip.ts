import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { readableTextColour } from '../shared/readable-text-colour';
import type { SeatSegment } from './seat-segments';
import { sittingText } from './sitting-text';

/** The chamber as one bar: each faction's share of the seats in its colour, with a legend in words. */
@Component({
  selector: 'plenum-seat-strip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="seat-strip">
      <div class="strip" role="img" [attr.aria-label]="summary()">
        @for (segment of drawn(); track segment.key) {
          <div
            class="segment"
            [attr.data-segment]="segment.key"
            [style.flex-grow]="segment.seats"
            [style.background-color]="segment.colour"
            [style.color]="segment.textColour"
          >
            <span class="segment-label">{{ segment.label }} {{ segment.seats }}</span>
          </div>
        }
      </div>
      <figcaption>{{ caption() }}</figcaption>
      <ul class="legend">
        @for (segment of drawn(); track segment.key) {
          <li>
            <span class="swatch" [style.background-color]="segment.colour"></span>
            <span>
              {{ segment.name }}
              <span class="legend-label">({{ segment.label }})</span>:
              <strong>{{ text().seats(segment.seats) }}</strong>
            </span>
          </li>
        }
      </ul>
    </figure>
  `,
  styles: `
    .seat-strip {
      margin: 0;
    }
    .strip {
      display: flex;
      height: 2.5rem;
      overflow: hidden;
      border: 1px solid var(--border);
      border-radius: 1.25rem 1.25rem 0.25rem 0.25rem;
    }
    .segment {
      container-type: inline-size;
      display: flex;
      flex-basis: 0;
      align-items: center;
      justify-content: center;
      min-width: 0.25rem;
      overflow: hidden;
      border-right: 2px solid var(--surface);
      white-space: nowrap;
    }
    .segment:last-child {
      border-right: none;
    }
    .segment-label {
      overflow: hidden;
      padding: 0 0.25rem;
      font-size: 0.8125rem;
      font-weight: 700;
      text-overflow: clip;
    }
    /* A label that cannot fit is left out rather than cut; the legend names every segment. */
    @container (max-width: 3rem) {
      .segment-label {
        visibility: hidden;
      }
    }
    figcaption {
      margin: 0.5rem 0;
      color: var(--muted);
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .legend li {
      display: flex;
      align-items: baseline;
      gap: 0.375rem;
    }
    .swatch {
      flex: none;
      align-self: center;
      width: 0.875rem;
      height: 0.875rem;
      border: 1px solid var(--border);
      border-radius: 0.125rem;
    }
    .legend-label {
      color: var(--muted);
    }
  `,
})
export class SeatStrip {
  readonly segments = input.required<readonly SeatSegment[]>();
  readonly statutoryMembers = input.required<number>();
  readonly seatsFilled = input.required<number>();

  protected readonly text = inject(TranslationState).catalogue(sittingText);
  protected readonly drawn = computed(() => this.segments().map((segment) => ({ ...segment, textColour: readableTextColour(segment.colour) })));
  protected readonly caption = computed(() => this.text().seatsFilled(this.statutoryMembers(), this.seatsFilled()));
  protected readonly summary = computed(() =>
    this.text().seatsSummary(
      this.segments()
        .map((segment) => `${segment.name} ${segment.seats}`)
        .join(', '),
    ),
  );
}
