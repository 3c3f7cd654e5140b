import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { MediaState } from './media-state';
import { mediaText } from './media-text';
import { VideoTile } from './video-tile';

/**
 * The chamber's pictures: the floor speaker large (or whom the listener pinned; one's own camera
 * while one has the floor and nobody else is shown large), the sign-language interpreter beside it, and the others who are on camera (the chair's team, podium guests) as
 * thumbnails. Thumbnails pin their person; the large picture unpins.
 */
@Component({
  selector: 'plenum-media-stage',
  imports: [VideoTile],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let stage = media.stage();
    <div class="stage" [class.with-sign]="stage.sign !== null" data-testid="media-stage">
      @if (stage.main; as main) {
        <plenum-video-tile
          role="main"
          [large]="true"
          [track]="main.track"
          [peerId]="main.peerId"
          [name]="nameOf(main.peerId)"
          [pinned]="media.pinned() === main.peerId"
          [pinLabel]="media.pinned() === null ? null : text().unpin"
          (togglePin)="media.pin(null)"
        />
      } @else if (media.ownOnFloor(); as own) {
        <plenum-video-tile [role]="'self'" [large]="true" [track]="own" [peerId]="'self'" [name]="text().youOnFloor" />
      } @else {
        <p class="empty" data-testid="stage-empty">{{ text().nobodyOnCamera }}</p>
      }
      @if (stage.sign; as sign) {
        <plenum-video-tile role="sign" [track]="sign.track" [peerId]="sign.peerId" [name]="text().signInterpreter + ' · ' + nameOf(sign.peerId)" />
      }
    </div>
    @if (stage.thumbnails.length > 0) {
      <ul class="thumbnails" [attr.aria-label]="text().stage">
        @for (video of stage.thumbnails; track video.consumerId) {
          <li>
            <plenum-video-tile
              [track]="video.track"
              [peerId]="video.peerId"
              [name]="nameOf(video.peerId)"
              [pinLabel]="text().pin(nameOf(video.peerId))"
              (togglePin)="media.pin(video.peerId)"
            />
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .stage {
      display: grid;
      grid-template-columns: 1fr;
      gap: 0.75rem;
    }
    .stage.with-sign {
      grid-template-columns: 3fr 1fr;
      align-items: start;
    }
    .empty {
      margin: 0;
      padding: 2rem 1rem;
      text-align: center;
      color: var(--muted);
      background: var(--background);
      border-radius: 4px;
    }
    .thumbnails {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: 0.5rem;
      margin: 0.75rem 0 0;
      padding: 0;
      list-style: none;
    }
  `,
})
export class MediaStage {
  protected readonly media = inject(MediaState);
  protected readonly text = inject(TranslationState).catalogue(mediaText);

  /** Person id → name. */
  readonly names = input.required<ReadonlyMap<string, string>>();

  private readonly fallback = computed(() => this.text().someone);

  protected nameOf(peerId: string): string {
    return this.names().get(peerId) ?? this.fallback();
  }
}
