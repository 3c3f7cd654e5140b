import { TestBed } from '@angular/core/testing';
import { browserLanguages, languageStorage } from '../i18n/translation-state';
import type { RecordingChapter } from './chapters';
import { RecordingPlayer } from './recording-player';

const chapters: RecordingChapter[] = [
  { kind: 'ITEM', title: 'Haushaltsgesetz 2027', agendaPosition: 2, factionShortName: null, at: '2026-12-03T08:05:00.000Z', offsetSeconds: 300 },
  { kind: 'SPEECH', title: 'Jonas Brandt', agendaPosition: 2, factionShortName: 'SDA', at: '2026-12-03T08:06:00.000Z', offsetSeconds: 360 },
];

describe('the recording player', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        { provide: browserLanguages, useValue: ['en-GB'] },
        { provide: languageStorage, useValue: null },
      ],
    });
  });

  function render(files = [{ language: 'de', name: 'Original', url: '/hls/s/recordings/s-floor.mp4' }]) {
    const fixture = TestBed.createComponent(RecordingPlayer);
    fixture.componentRef.setInput('files', files);
    fixture.componentRef.setInput('chapters', chapters);
    fixture.componentRef.setInput('captionsUrl', '/hls/s/recordings/s.vtt');
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('plays the recording with the browser’s controls, says it has ended, and has its captions', () => {
    const { el } = render();
    const video = el.querySelector<HTMLVideoElement>('[data-testid="recording-video"]');
    expect(video?.controls).toBeTrue();
    expect(video?.getAttribute('src')).toBe('/hls/s/recordings/s-floor.mp4');
    expect(video?.getAttribute('aria-label')).toBe('Recording of the sitting');
    expect(el.querySelector('[data-testid="live-edge"]')?.getAttribute('data-edge')).toBe('ended');
    expect(el.querySelector('[data-testid="live-edge"]')?.textContent?.trim()).toBe('Ended');
    expect(el.querySelector('track')?.getAttribute('src')).toBe('/hls/s/recordings/s.vtt');
    expect(el.querySelector('[data-testid="recording-language"]')).toBeNull();
  });

  it('jumps to a chapter', () => {
    const { el } = render();
    const video = el.querySelector<HTMLVideoElement>('[data-testid="recording-video"]')!;
    const play = spyOn(video, 'play').and.resolveTo();
    let set = -1;
    spyOnProperty(video, 'currentTime', 'set').and.callFake((v: number) => (set = v));
    el.querySelectorAll<HTMLButtonElement>('[data-testid="chapter"]')[1]?.click();
    expect(set).toBe(360);
    expect(play).toHaveBeenCalled();
  });

  it('offers the languages of the sound when there are several', () => {
    const { el, fixture } = render([
      { language: 'de', name: 'Original', url: '/r/floor.mp4' },
      { language: 'en', name: 'English', url: '/r/en.mp4' },
    ]);
    const select = el.querySelector<HTMLSelectElement>('[data-testid="recording-language"]')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Original', 'English']);
    select.value = '1';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(el.querySelector('video')?.getAttribute('src')).toBe('/r/en.mp4');
  });
});
