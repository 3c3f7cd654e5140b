import { TestBed } from '@angular/core/testing';
import { languageStorage, type LanguageStorage } from '../i18n/translation-state';
import type { AudioRendition } from './audio-choice';
import { broadcastProbe, playbackEngine, watchClock, type Playback, type PlaybackEngine, type PlaybackEvents, type WatchClock } from './playback';
import { StreamState, retryMs } from './stream-state';

/** Lets the spec run the timers by hand. */
class ManualClock implements WatchClock {
  waits: { ms: number; run: () => void }[] = [];
  ticks: (() => void)[] = [];

  after(ms: number, run: () => void): () => void {
    const wait = { ms, run };
    this.waits.push(wait);
    return () => (this.waits = this.waits.filter((w) => w !== wait));
  }

  every(_ms: number, run: () => void): () => void {
    this.ticks.push(run);
    return () => (this.ticks = this.ticks.filter((t) => t !== run));
  }

  /** Runs the waits that are due now. */
  elapse(): void {
    const due = this.waits.splice(0);
    for (const wait of due) {
      wait.run();
    }
  }
}

/** A playback the spec drives through its events. */
class FakePlayback implements Playback {
  readonly audio: number[] = [];
  readonly captions: boolean[] = [];
  sync: number | null = 50;
  destroyed = false;

  constructor(readonly events: PlaybackEvents) {}

  chooseAudio(index: number): void {
    this.audio.push(index);
  }

  setCaptions(on: boolean): void {
    this.captions.push(on);
  }

  liveSyncPosition(): number | null {
    return this.sync;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('StreamState', () => {
  let stream: StreamState;
  let clock: ManualClock;
  let there: boolean[];
  let probed: string[];
  let playbacks: FakePlayback[];
  let stored: Map<string, string>;
  let video: HTMLVideoElement;

  const renditions: AudioRendition[] = [
    { name: 'Deutsch', lang: 'de', default: true },
    { name: 'Français', lang: 'fr', default: false },
  ];

  beforeEach(() => {
    clock = new ManualClock();
    there = [];
    probed = [];
    playbacks = [];
    stored = new Map();
    const storage: LanguageStorage = { getItem: (key) => stored.get(key) ?? null, setItem: (key, value) => void stored.set(key, value) };
    const engine: PlaybackEngine = {
      start: (_video, url, events) => {
        probed.push(`start ${url}`);
        const playback = new FakePlayback(events);
        playbacks.push(playback);
        return playback;
      },
    };
    TestBed.configureTestingModule({
      providers: [
        StreamState,
        { provide: watchClock, useValue: clock },
        { provide: languageStorage, useValue: storage },
        { provide: playbackEngine, useValue: () => Promise.resolve(engine) },
        {
          provide: broadcastProbe,
          useValue: (url: string) => {
            probed.push(`probe ${url}`);
            return Promise.resolve(there.shift() ?? true);
          },
        },
      ],
    });
    stream = TestBed.inject(StreamState);
    video = document.createElement('video');
  });

  afterEach(() => stream.stop());

  it('waits for a broadcast that has not started, asking again every few seconds', async () => {
    there = [false, false, true];
    stream.start(video, 'sitting-42');
    await settle();
    expect(stream.phase()).toBe('not-started');
    expect(clock.waits.map((wait) => wait.ms)).toEqual([retryMs]);

    clock.elapse();
    await settle();
    expect(stream.phase()).toBe('not-started');
    clock.elapse();
    await settle();
    expect(probed).toEqual([
      'probe /hls/sitting-42/master.m3u8',
      'probe /hls/sitting-42/master.m3u8',
      'probe /hls/sitting-42/master.m3u8',
      'start /hls/sitting-42/master.m3u8',
    ]);
    expect(stream.phase()).toBe('loading');

    playbacks[0]!.events.ready(renditions, true);
    expect(stream.phase()).toBe('ready');
  });

  it('looks for the broadcast at once when the API says it is on air', async () => {
    there = [false, true];
    stream.start(video, 'sitting-42');
    await settle();
    expect(stream.phase()).toBe('not-started');
    stream.nudge();
    await settle();
    expect(clock.waits).toEqual([]);
    expect(playbacks).toHaveSize(1);
    // Once playing, the hint changes nothing.
    stream.nudge();
    await settle();
    expect(playbacks).toHaveSize(1);
  });

  it('plays the rendition picked last time, and remembers a new pick and the captions', async () => {
    stored.set('plenum.watch.audio', JSON.stringify({ name: 'Français', lang: 'fr' }));
    stream.start(video, 'sitting-42');
    await settle();
    const playback = playbacks[0]!;
    playback.events.ready(renditions, true);
    expect(stream.chosen()).toBe(1);
    expect(playback.audio).toEqual([1]);
    expect(playback.captions).toEqual([false]);

    playback.events.audioSwitched(1);
    expect(stream.heard()).toBe(1);
    stream.chooseAudio(0);
    expect(playback.audio).toEqual([1, 0]);
    expect(JSON.parse(stored.get('plenum.watch.audio')!)).toEqual({ name: 'Deutsch', lang: 'de' });

    stream.setCaptions(true);
    expect(playback.captions).toEqual([false, true]);
    expect(stored.get('plenum.watch.captions')).toBe('on');
    playback.events.caption('Meine Damen und Herren');
    expect(stream.caption()).toBe('Meine Damen und Herren');
    stream.setCaptions(false);
    expect(stream.caption()).toBe('');
  });

  it('measures the distance to the live edge and jumps back to it', async () => {
    stream.start(video, 'sitting-42');
    await settle();
    playbacks[0]!.events.ready(renditions, false);
    playbacks[0]!.sync = 12.34;
    for (const tick of clock.ticks) {
      tick();
    }
    // The video has not moved (no source here): 12.3 s behind.
    expect(stream.behind()).toBe(12.3);
    expect(stream.edge()).toBe('behind');

    playbacks[0]!.sync = 2;
    for (const tick of clock.ticks) {
      tick();
    }
    expect(stream.edge()).toBe('live');
  });

  it('takes a broadcast that goes away after it played for interrupted, not for one still to start', async () => {
    there = [true, false];
    stream.start(video, 'sitting-42');
    await settle();
    playbacks[0]!.events.ready(renditions, false);
    playbacks[0]!.events.ended('not-started');
    expect(stream.phase()).toBe('recovering');
    clock.elapse();
    await settle();
    expect(stream.phase()).toBe('recovering');
    expect(playbacks).toHaveSize(1);
  });

  it('says when it recovers, and starts over after the playback gave up', async () => {
    stream.start(video, 'sitting-42');
    await settle();
    const first = playbacks[0]!;
    first.events.ready(renditions, false);
    first.events.trouble(true);
    expect(stream.phase()).toBe('recovering');
    first.events.trouble(false);
    expect(stream.phase()).toBe('ready');

    first.events.ended('failed');
    expect(stream.phase()).toBe('recovering');
    clock.elapse();
    await settle();
    expect(playbacks).toHaveSize(2);
    // Events of the playback given up no longer count.
    first.events.ready([], false);
    expect(stream.renditions()).toEqual(renditions);
  });

  it('stops everything when stopped', async () => {
    stream.start(video, 'sitting-42');
    await settle();
    stream.stop();
    expect(playbacks[0]!.destroyed).toBeTrue();
    expect(clock.ticks).toEqual([]);
    expect(stream.phase()).toBe('idle');
  });
});
