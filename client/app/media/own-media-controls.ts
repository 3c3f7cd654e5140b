import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { describeError } from '../shared/error-notice';
import { MediaState } from './media-state';
import { heldWords, mediaText } from './media-text';
import { MediaTrack } from './media-track';
import type { CaptureSource } from './own-media';

/**
 * One's own microphone and camera: whether they are live and, when not, why in words (no floor,
 * mute all, not on air, muted oneself); mute toggles; which device; a preview of the camera.
 */
@Component({
  selector: 'plenum-own-media-controls',
  imports: [MediaTrack],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (source of media.sources(); track source) {
      <div class="source" [attr.data-testid]="'own-' + source">
        <p
          class="source-state"
          role="status"
          [attr.data-testid]="source + '-state'"
          [attr.data-live]="stateOf(source).live"
          [attr.data-held]="stateOf(source).held"
        >
          <strong>{{ source === 'camera' ? text().camera : text().microphone }}:</strong>
          {{ stateOf(source).words }}
        </p>
        <div class="controls">
          <button
            type="button"
            class="secondary"
            [attr.data-testid]="'mute-' + source"
            [attr.aria-pressed]="media.selfMuted()[source]"
            (click)="toggleMute(source)"
          >
            {{ muteLabel(source) }}
          </button>
          @if (media.devices()[source].length > 1) {
            <label>
              <span class="visually-hidden">{{ source === 'camera' ? text().camera : text().microphone }}</span>
              <select [attr.data-testid]="'device-' + source" [value]="media.chosenDevice()[source] ?? ''" (change)="chooseDevice(source, $event)">
                @for (device of media.devices()[source]; track device.deviceId) {
                  <option [value]="device.deviceId">{{ device.label }}</option>
                }
              </select>
            </label>
          }
        </div>
        @if (source === 'camera' && media.tracks().camera; as camera) {
          <video class="preview" autoplay playsinline [muted]="true" [plenumMediaTrack]="camera" [attr.aria-label]="text().yourCamera"></video>
        }
      </div>
    }
    @if (media.captureError(); as error) {
      <p class="problem" role="alert" data-testid="capture-error">
        {{ text().captureFailed }} {{ describe(error) }}
        <button type="button" class="secondary" (click)="retryCapture()">{{ text().retryCapture }}</button>
      </p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.5rem;
    }
    .source {
      display: flex;
      flex-direction: column;
      gap: 0.375rem;
      min-width: 14rem;
    }
    .source-state {
      margin: 0;
    }
    .source-state[data-live='true'] {
      color: var(--success);
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .preview {
      width: 10rem;
      aspect-ratio: 16 / 9;
      background: #101418;
      border-radius: 4px;
      transform: scaleX(-1);
    }
    .problem {
      margin: 0;
      color: var(--danger);
    }
  `,
})
export class OwnMediaControls {
  protected readonly media = inject(MediaState);
  protected readonly text = inject(TranslationState).catalogue(mediaText);

  /** Live or held (and why) for each source, from its main producer. */
  private readonly states = computed(() => {
    const words = this.text();
    const own = this.media.own();
    const state = (source: CaptureSource) => {
      const producer = own[source];
      if (producer === undefined) {
        const started = this.media.status() === 'joined';
        return { live: false, held: null, words: started ? words.starting : words.notStarted };
      }
      const why = heldWords(producer.held, words);
      const live = source === 'camera' ? words.cameraLive : words.micLive;
      return { live: producer.live, held: producer.held, words: why === null ? live : source === 'camera' ? words.cameraHeld(why) : why };
    };
    return { microphone: state('microphone'), camera: state('camera') };
  });

  protected stateOf(source: CaptureSource) {
    return this.states()[source];
  }

  protected muteLabel(source: CaptureSource): string {
    const muted = this.media.selfMuted()[source];
    const words = this.text();
    return source === 'camera' ? (muted ? words.cameraOn : words.cameraOff) : muted ? words.unmuteMicrophone : words.muteMicrophone;
  }

  protected toggleMute(source: CaptureSource): void {
    this.media.setSelfMuted(source, !this.media.selfMuted()[source]);
  }

  protected chooseDevice(source: CaptureSource, event: Event): void {
    void this.media.chooseDevice(source, (event.target as HTMLSelectElement).value);
  }

  protected retryCapture(): void {
    void this.media.retryCapture();
  }

  protected describe(error: unknown): string {
    return describeError(error).join(' ');
  }
}
