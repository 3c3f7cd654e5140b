import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { readableTextColour } from '../shared/readable-text-colour';
import type { PublicSitting } from './watch-state';
import { watchText } from './watch-text';

/** The agenda item being discussed and who speaks, with the faction; announced politely as it changes. */
@Component({
  selector: 'plenum-sitting-now',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel now" aria-labelledby="now-heading" aria-live="polite">
      <h2 id="now-heading">{{ text().now }}</h2>
      <dl>
        <dt>{{ text().agendaItem }}</dt>
        <dd data-testid="public-item">
          @if (sitting().currentItem; as item) {
            {{ text().item(item.position, item.title) }}
          } @else {
            <span class="muted">{{ text().noItem }}</span>
          }
        </dd>
        <dt>{{ text().speaker }}</dt>
        <dd data-testid="public-speaker">
          @if (speaker(); as speaker) {
            <span class="speaker-name">{{ speaker.name }}</span>
            @if (speaker.faction; as faction) {
              <span class="faction" data-testid="public-speaker-faction" [style.background-color]="faction.colour" [style.color]="faction.textColour">{{
                faction.shortName
              }}</span>
            }
            <span class="kind">{{ text().floorKind[speaker.kind] }} · {{ text().since(speaker.since) }}</span>
          } @else {
            <span class="muted">{{ text().noSpeaker }}</span>
          }
        </dd>
      </dl>
    </section>
  `,
  styles: `
    .panel {
      margin: 0;
    }
    dl {
      margin: 0;
    }
    dt {
      color: var(--muted);
      font-size: 0.875rem;
    }
    dd {
      margin: 0 0 0.75rem;
      font-size: 1.1rem;
    }
    .speaker-name {
      font-weight: 700;
    }
    .faction {
      display: inline-block;
      margin-left: 0.5rem;
      padding: 0 0.5rem;
      border-radius: 0.25rem;
      font-size: 0.875rem;
      font-weight: 700;
    }
    .kind {
      display: block;
      color: var(--muted);
      font-size: 0.875rem;
    }
    .muted {
      color: var(--muted);
    }
  `,
})
export class SittingNow {
  private readonly translation = inject(TranslationState);

  readonly sitting = input.required<PublicSitting>();

  protected readonly text = this.translation.catalogue(watchText);
  protected readonly speaker = computed(() => {
    const speaker = this.sitting().currentSpeaker;
    if (speaker === null) {
      return null;
    }
    const colour = speaker.factionColour ?? '#4f5965';
    return {
      name: speaker.name,
      kind: speaker.kind,
      since: this.translation.formatTime(speaker.startedAt, false),
      faction: speaker.factionShortName === null ? null : { shortName: speaker.factionShortName, colour, textColour: readableTextColour(colour) },
    };
  });
}
