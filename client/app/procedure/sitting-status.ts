import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { suspensionReasonText } from '@contract/vote-outcomes';
import { TranslationState } from '../i18n/translation-state';
import { formatDuration, secondsUntil } from './floor-clock';
import type { Procedure, ProcedureLive } from './procedure-state';
import { procedureText } from './procedure-text';
import { ServerClock } from './server-clock';

/** The sitting's phase, the item under discussion, the break countdown, the last count of a doubted quorum and whether updates are live. */
@Component({
  selector: 'plenum-sitting-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="status">
      <span class="state" data-testid="sitting-phase" [attr.data-state]="procedure().phase">
        {{ text().phase[procedure().phase] }}
      </span>
      <span class="live" [attr.data-live]="live()" role="status">{{ text().live[live()] }}</span>
    </div>
    @if (procedure().phase === 'SUSPENDED') {
      <p class="break" data-testid="break-countdown">
        @if (procedure().resumesAt; as resumesAt) {
          <strong>{{ text().breakUntil(translation.formatTime(resumesAt, false)) }}</strong>
          {{ text().resumesIn(countdown() ?? '') }}
        } @else {
          <strong>{{ text().suspended }}</strong>
        }
        @if (procedure().suspensionReason; as reason) {
          <span class="reason">({{ reasonText(reason) }})</span>
        }
      </p>
    }
    @if (procedure().quorumCount; as count) {
      <p class="quorum" data-testid="quorum-count" [attr.data-quorate]="count.quorate" role="status">
        {{ text().quorumCounted(translation.formatTime(count.at, false), count.present, count.required, count.quorate) }}
      </p>
    }
    <p class="item" data-testid="current-item">
      @if (procedure().currentItem; as item) {
        <span class="label">{{ text().currentItem }}:</span> {{ text().itemTitle(item.position, item.title) }}
      } @else {
        {{ text().noCurrentItem }}
      }
    </p>
  `,
  styles: `
    .status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .live {
      color: var(--muted);
      font-size: 0.875rem;
    }
    .break {
      margin: 0.5rem 0 0;
      padding: 0.5rem 0.75rem;
      background: #fdf0d5;
      color: #4d3000;
    }
    .quorum {
      margin: 0.5rem 0 0;
      font-size: 0.875rem;
    }
    .quorum[data-quorate='false'] {
      color: var(--caution);
      font-weight: 600;
    }
    .item {
      margin: 0.5rem 0 0;
      font-size: 1.1rem;
    }
    .label {
      color: var(--muted);
    }
  `,
})
export class SittingStatus {
  protected readonly translation = inject(TranslationState);
  private readonly clock = inject(ServerClock);

  readonly procedure = input.required<Procedure>();
  readonly live = input.required<ProcedureLive>();

  protected readonly text = this.translation.catalogue(procedureText);

  protected reasonText(reason: string): string {
    return suspensionReasonText(reason, this.translation.language());
  }
  protected readonly countdown = computed(() => {
    const resumesAt = this.procedure().resumesAt;
    return resumesAt === null ? null : formatDuration(secondsUntil(resumesAt, this.clock.now()));
  });
}
