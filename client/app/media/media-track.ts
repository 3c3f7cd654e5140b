import { Directive, ElementRef, effect, inject, input } from '@angular/core';

/**
 * Plays one MediaStreamTrack in the <video> or <audio> element it sits on (srcObject cannot be
 * bound as an attribute). A null track empties the element.
 */
@Directive({ selector: 'video[plenumMediaTrack], audio[plenumMediaTrack]' })
export class MediaTrack {
  private readonly element = inject<ElementRef<HTMLMediaElement>>(ElementRef).nativeElement;

  readonly plenumMediaTrack = input.required<MediaStreamTrack | null>();

  constructor() {
    effect(() => {
      const track = this.plenumMediaTrack();
      const current = this.element.srcObject instanceof MediaStream ? this.element.srcObject.getTracks()[0] : undefined;
      if (track === (current ?? null)) {
        return;
      }
      this.element.srcObject = track === null ? null : new MediaStream([track]);
      if (track !== null) {
        // Autoplay of muted media is allowed; an unmuted element waits for a click (the mix plays the sound).
        this.element.play().catch(() => undefined);
      }
    });
  }
}
