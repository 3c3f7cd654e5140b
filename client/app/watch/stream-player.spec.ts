import { TestBed } from '@angular/core/testing';
import { browserLanguages, languageStorage } from '../i18n/translation-state';
import { broadcastProbe, playbackEngine, watchClock, type Playback, type PlaybackEngine, type PlaybackEvents, type WatchClock } from './playback';
import { StreamPlayer } from './stream-player';

const idleClock: WatchClock = { after: () => () => undefined, every: () => () => undefined };

/** A broadcast that is there and plays, 1 s behind its live position. */
class PlayingBroadcast implements Playback {
  constructor(events: PlaybackEvents) {
    events.ready([{ name: 'Original', lang: 'de', default: true }], false);
  }
  chooseAudio(): void {}
  setCaptions(): void {}
  liveSyncPosition(): number | null {
    return 1;
  }
  destroy(): void {}
}

describe('the player of the live broadcast', () => {
  let measure: () => void;

  beforeEach(() => {
    measure = () => undefined;
    const engine: PlaybackEngine = { start: (_video, _url, events) => new PlayingBroadcast(events) };
    TestBed.configureTestingModule({
      providers: [
        { provide: browserLanguages, useValue: ['de-DE'] },
        { provide: languageStorage, useValue: null },
        { provide: watchClock, useValue: { ...idleClock, every: (_ms: number, run: () => void) => ((measure = run), () => undefined) } },
        { provide: playbackEngine, useValue: () => Promise.resolve(engine) },
        { provide: broadcastProbe, useValue: () => Promise.resolve(true) },
      ],
    });
  });

  async function render(inputs: Record<string, unknown>) {
    const fixture = TestBed.createComponent(StreamPlayer);
    fixture.componentRef.setInput('sittingId', 'sitting-42');
    for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
    fixture.detectChanges();
    await new Promise((r) => setTimeout(r));
    measure();
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('is live while the sitting is open', async () => {
    const { el } = await render({ sittingPhase: 'OPEN' });
    expect(el.querySelector('[data-testid="live-edge"]')?.getAttribute('data-edge')).toBe('live');
    expect(el.querySelector('[data-testid="suspension-slate"]')).toBeNull();
  });

  it('shows a slate with the reason while the sitting is suspended', async () => {
    const resumesAt = new Date(2026, 11, 3, 11, 15).toISOString();
    const { el, fixture } = await render({ sittingPhase: 'SUSPENDED', suspension: { reason: 'Sitzung des Ältestenrats', resumesAt } });
    const slate = el.querySelector('[data-testid="suspension-slate"]');
    expect(slate?.getAttribute('role')).toBe('status');
    expect(slate?.textContent).toContain('Sitzung unterbrochen bis 11:15');
    expect(slate?.textContent).toContain('Grund: Sitzung des Ältestenrats');
    fixture.componentRef.setInput('suspension', { reason: null, resumesAt: null });
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="suspension-slate"]')?.textContent?.trim()).toBe('Sitzung unterbrochen');
  });

  it('says the broadcast has ended once the sitting is closed, not live or behind', async () => {
    const { el } = await render({ sittingPhase: 'CLOSED' });
    const edge = el.querySelector('[data-testid="live-edge"]');
    expect(edge?.getAttribute('data-edge')).toBe('ended');
    expect(edge?.textContent?.trim()).toBe('Beendet');
    expect(el.querySelector('[data-testid="go-live"]')).toBeNull();
  });
});
