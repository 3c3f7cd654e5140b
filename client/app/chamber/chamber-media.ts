import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { ArrangementsState } from '../media/arrangements-state';
import { AudioSinks } from '../media/audio-sinks';
import { ListeningControls } from '../media/listening-controls';
import { MediaStage } from '../media/media-stage';
import { MediaState } from '../media/media-state';
import { MediaStatusLine } from '../media/media-status';
import { mediaText } from '../media/media-text';
import { OwnMediaControls } from '../media/own-media-controls';

/**
 * The chamber's audio and video on the member view: connected while the sitting is open or
 * suspended; the pictures, one's own microphone and camera, and what one listens to.
 */
@Component({
  selector: 'plenum-chamber-media',
  imports: [AudioSinks, ListeningControls, MediaStage, MediaStatusLine, OwnMediaControls],
  providers: [MediaState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <plenum-media-status [present]="present()" />
    <plenum-media-stage [names]="arrangements.names()" />
    <plenum-audio-sinks />
    <div class="rows">
      @if (media.sources().length > 0) {
        <plenum-own-media-controls />
      }
      @if (compact()) {
        <details class="listening">
          <summary>{{ text().listenTo }}</summary>
          <plenum-listening-controls [allBooths]="booths()" />
        </details>
      } @else {
        <plenum-listening-controls [allBooths]="booths()" />
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .rows {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
  `,
})
export class ChamberMedia {
  protected readonly media = inject(MediaState);
  protected readonly arrangements = inject(ArrangementsState);
  protected readonly text = inject(TranslationState).catalogue(mediaText);

  readonly sittingId = input.required<string>();
  /** Media run while the sitting is open or suspended. */
  readonly active = input.required<boolean>();
  /** Whether one has joined the sitting (null: one is not counted), so the status line tells the truth. */
  readonly present = input<boolean | null>(null);
  /** On the chair console: what one listens to folds away, to leave room for running the sitting. */
  readonly compact = input(false);

  protected readonly booths = computed(() => this.arrangements.chamber()?.booths ?? []);

  constructor() {
    this.media.unnamedDevice = (source, n) => this.text().unnamedDevice(source, n);
    effect((onCleanup) => {
      const sittingId = this.sittingId();
      if (this.active()) {
        untracked(() => void this.media.start(sittingId));
        onCleanup(() => this.media.stop());
      }
    });
  }
}
