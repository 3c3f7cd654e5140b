import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { formatDuration, readFloorClock } from './floor-clock';
import type { Floor } from './procedure-state';
import { procedureText } from './procedure-text';
import { ServerClock } from './server-clock';

/**
 * Who has the floor and the running clock: elapsed of limit, time left, and the overrun in red.
 * Who holds the floor is announced to screen readers; the ticking clock is not.
 */
@Component({
  selector: 'plenum-floor-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="visually-hidden" aria-live="polite" data-testid="floor-announcement">{{ announcement() }}</p>
    @if (floor(); as floor) {
      <div class="floor" [class.overrun]="reading()?.overrun" data-testid="floor">
        <p class="speaker">
          <span class="speaker-name" data-testid="floor-speaker">{{ floor.person.name }}</span>
          @if (floor.person.faction; as faction) {
            <span class="faction" [style.border-color]="faction.colour">{{ faction.shortName }}</span>
          }
          <span class="kind">{{ text().floorKind[floor.kind] }}</span>
        </p>
        @if (reading(); as reading) {
          <p class="clock" data-testid="floor-clock" [attr.data-overrun]="reading.overrun">
            <span class="elapsed" [attr.aria-label]="text().speakingTime">{{ duration(reading.elapsedSeconds) }}</span>
            <span class="limit">
              @if (reading.limitSeconds !== null) {
                {{ text().limit(duration(reading.limitSeconds)) }}
              } @else {
                ({{ text().noLimit }})
              }
            </span>
            @if (reading.overrun) {
              <strong class="overrun-text" data-testid="floor-overrun">{{ text().overrun(duration(reading.overrunSeconds)) }}</strong>
            } @else if (reading.remainingSeconds !== null) {
              <span class="remaining">{{ text().remaining(duration(reading.remainingSeconds)) }}</span>
            }
          </p>
          @if (reading.warning && reading.remainingSeconds !== null) {
            <p class="warning" data-testid="floor-warning">{{ text().warning(duration(reading.remainingSeconds)) }}</p>
          }
          @if (floor.clockStopped && !floor.interjection) {
            <p class="stands" data-testid="floor-clock-stopped">{{ text().clockStopped }}</p>
          }
          @if (floor.graceEndsAt) {
            <p class="stands" data-testid="floor-grace">{{ text().endsAt(translation.formatTime(floor.graceEndsAt)) }}</p>
          }
          @if (floor.interjection; as interjection) {
            <p class="interjection" data-testid="floor-interjection">
              {{ text().interjectionBy(interjection.person.name) }}
              <span class="elapsed">{{ duration(reading.interjectionSeconds ?? 0) }}</span>
            </p>
          }
        }
      </div>
    } @else {
      <p class="empty" data-testid="floor-empty">{{ text().nobodyHasFloor }}</p>
    }
  `,
  styles: `
    .floor {
      padding: 0.75rem 1rem;
      border-left: 6px solid var(--success);
      background: #f1f8f3;
    }
    .floor.overrun {
      border-left-color: var(--danger);
      background: var(--danger-soft);
    }
    .speaker {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.75rem;
      margin: 0;
    }
    .speaker-name {
      font-size: 1.25rem;
      font-weight: 700;
    }
    .faction {
      padding: 0 0.375rem;
      border-left: 4px solid;
      font-weight: 600;
    }
    .kind {
      color: var(--muted);
    }
    .clock {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.75rem;
      margin: 0.5rem 0 0;
      font-variant-numeric: tabular-nums;
    }
    .clock .elapsed {
      font-size: 2rem;
      font-weight: 700;
    }
    .clock[data-overrun='true'] .elapsed,
    .overrun-text {
      color: var(--danger);
    }
    .interjection {
      margin: 0.5rem 0 0;
      font-weight: 600;
    }
    .warning {
      margin: 0.5rem 0 0;
      font-weight: 700;
      color: #7a3a00;
    }
    .stands {
      margin: 0.25rem 0 0;
      color: var(--muted);
    }
    .empty {
      margin: 0;
      color: var(--muted);
    }
  `,
})
export class FloorView {
  private readonly clock = inject(ServerClock);
  protected readonly translation = inject(TranslationState);

  readonly floor = input.required<Floor | null>();
  /** The `serverTime` of the procedure the floor came with. */
  readonly serverTime = input.required<string>();

  protected readonly text = this.translation.catalogue(procedureText);
  protected readonly duration = formatDuration;
  protected readonly reading = computed(() => {
    const floor = this.floor();
    return floor === null ? null : readFloorClock(floor, this.serverTime(), this.clock.now());
  });
  protected readonly announcement = computed(() => {
    const floor = this.floor();
    const text = this.text();
    return floor === null ? text.floorFreed : text.hasTheFloor(floor.person.name, text.floorKind[floor.kind]);
  });
}
