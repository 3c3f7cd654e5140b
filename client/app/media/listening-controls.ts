import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import type { BoothState } from './arrangements-state';
import { MediaState } from './media-state';
import { mediaText } from './media-text';

/**
 * What the listener hears: the floor or an interpretation (the floor then ducked to a level of
 * their choosing), the sign-language interpreter on or off, the sound switched on, and what is
 * playing at which volume.
 */
@Component({
  selector: 'plenum-listening-controls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pickLanguage()) {
      <fieldset class="languages" data-testid="language-picker">
        <legend>{{ text().listenTo }}</legend>
        <label>
          <input
            type="radio"
            name="listen-language"
            value=""
            data-testid="listen-floor"
            [checked]="media.choice().language === null"
            (change)="media.setLanguage(null)"
          />
          {{ text().floorOriginal }}
        </label>
        @for (booth of booths(); track booth.booth.id) {
          <label>
            <input
              type="radio"
              name="listen-language"
              [value]="booth.booth.language"
              [attr.data-testid]="'listen-' + booth.booth.language"
              [checked]="media.choice().language === booth.booth.language"
              (change)="media.setLanguage(booth.booth.language)"
            />
            <span [attr.lang]="booth.booth.language">{{ booth.booth.name }}</span>
          </label>
        }
      </fieldset>
    }
    @if (ducked()) {
      <label class="duck">
        {{ text().floorVolume }}
        <input
          type="range"
          min="0"
          max="100"
          step="5"
          data-testid="floor-volume"
          [value]="percent()"
          [attr.aria-valuetext]="percent() + ' %'"
          (input)="setDuckLevel($event)"
        />
        <output>{{ percent() }} %</output>
      </label>
    }
    @if (pickLanguage() && signAvailable()) {
      <label class="sign">
        <input type="checkbox" data-testid="show-sign" [checked]="media.choice().sign" (change)="setSign($event)" />
        {{ text().showSign }}
      </label>
    }
    @if (!media.soundOn() && media.audio().length > 0) {
      <p class="sound-off" role="status">
        {{ text().soundOff }}
        <button type="button" data-testid="turn-on-sound" (click)="media.turnOnSound()">{{ text().turnOnSound }}</button>
      </p>
    }
    <p class="hearing" data-testid="you-hear">
      <strong>{{ text().youHear }}:</strong>
      @for (line of hearing(); track line.channel) {
        <span class="channel" [attr.data-channel]="line.channel">{{ line.label }} {{ line.percent }} %</span>
      } @empty {
        {{ text().hearNothing }}
      }
    </p>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .languages {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
      padding: 0.25rem 0.75rem 0.5rem;
      border: 1px solid var(--border);
      border-radius: 4px;
    }
    .duck {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .sound-off {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      font-weight: 600;
    }
    .hearing {
      margin: 0;
      color: var(--muted);
    }
    .hearing strong {
      margin-right: 0.375rem;
    }
    .channel + .channel::before {
      content: ' · ';
    }
  `,
})
export class ListeningControls {
  protected readonly media = inject(MediaState);
  protected readonly text = inject(TranslationState).catalogue(mediaText);

  /** The chamber's booths; spoken ones become language choices. */
  readonly allBooths = input.required<readonly BoothState[]>();
  /** Off for interpreters: the booth decides what they hear. */
  readonly pickLanguage = input(true);

  protected readonly booths = computed(() => this.allBooths().filter((booth) => booth.booth.kind === 'SPOKEN'));
  protected readonly signAvailable = computed(() => this.allBooths().some((booth) => booth.booth.kind === 'SIGN'));
  protected readonly percent = computed(() => Math.round(this.media.duckLevel() * 100));
  /** The floor is under something else: the slider applies. */
  protected readonly ducked = computed(() => this.media.plan().some((listening) => listening.channel === 'floor' && listening.gain < 1));
  /** Each channel heard now and at what volume. */
  protected readonly hearing = computed(() => {
    const words = this.text();
    const names = new Map(this.allBooths().map((booth) => [booth.booth.language, booth.booth.name]));
    const language = (code: string) => names.get(code) ?? code;
    const gains = this.media.gains();
    const channels = new Map<string, number>();
    for (const remote of this.media.audio()) {
      channels.set(remote.channel, Math.max(channels.get(remote.channel) ?? 0, gains.get(remote.consumerId) ?? 0));
    }
    return [...channels].map(([channel, gain]) => ({ channel, label: words.channel(channel, language), percent: Math.round(gain * 100) }));
  });

  protected setDuckLevel(event: Event): void {
    this.media.setDuckLevel(Number((event.target as HTMLInputElement).value) / 100);
  }

  protected setSign(event: Event): void {
    this.media.setSign((event.target as HTMLInputElement).checked);
  }
}
