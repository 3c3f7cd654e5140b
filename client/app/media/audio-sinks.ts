import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MediaState } from './media-state';
import { MediaTrack } from './media-track';

/**
 * One muted <audio> element per received audio track. The sound itself comes from the Web Audio
 * mix; Chromium delivers remote WebRTC audio to Web Audio only while a media element holds the track.
 */
@Component({
  selector: 'plenum-audio-sinks',
  imports: [MediaTrack],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (remote of media.audio(); track remote.consumerId) {
      <audio
        [muted]="true"
        data-testid="audio-sink"
        [plenumMediaTrack]="remote.track"
        [attr.data-channel]="remote.channel"
        [attr.data-peer]="remote.peerId"
        [attr.data-producer]="remote.producerId"
        [attr.data-gain]="media.gains().get(remote.consumerId)"
      ></audio>
    }
  `,
  styles: `
    :host {
      display: none;
    }
  `,
})
export class AudioSinks {
  protected readonly media = inject(MediaState);
}
