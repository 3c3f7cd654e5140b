import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MediaTrack } from './media-track';

/** One picture with the person's name under it; a button pins it to (or unpins it from) the large picture. */
@Component({
  selector: 'plenum-video-tile',
  imports: [MediaTrack],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="tile" [class.large]="large()" data-testid="video-tile" [attr.data-peer]="peerId()" [attr.data-role]="role()">
      <video autoplay playsinline [muted]="true" [plenumMediaTrack]="track()" [attr.aria-label]="name()"></video>
      <figcaption>
        <span class="name">{{ name() }}</span>
        @if (pinLabel(); as label) {
          <button type="button" class="secondary pin" data-testid="pin-tile" [attr.aria-pressed]="pinned()" (click)="togglePin.emit()">
            {{ label }}
          </button>
        }
      </figcaption>
    </figure>
  `,
  styles: `
    .tile {
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    video {
      width: 100%;
      aspect-ratio: 16 / 9;
      background: #101418;
      border-radius: 4px;
      object-fit: contain;
    }
    figcaption {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      font-size: 0.875rem;
    }
    .large figcaption {
      font-size: 1rem;
      font-weight: 600;
    }
    .pin {
      padding: 0.125rem 0.5rem;
      font-size: 0.8125rem;
    }
  `,
})
export class VideoTile {
  readonly track = input.required<MediaStreamTrack | null>();
  readonly name = input.required<string>();
  readonly peerId = input<string | null>(null);
  /** What the tile is on the stage: main, sign, thumbnail or self. */
  readonly role = input<string>('thumbnail');
  readonly large = input(false);
  readonly pinned = input(false);
  /** The pin button's text; none: no button. */
  readonly pinLabel = input<string | null>(null);
  readonly togglePin = output();
}
