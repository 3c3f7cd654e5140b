import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { demoPerson } from '../../testing/demo-procedure';
import { browserLanguages } from '../i18n/translation-state';
import { FloorView } from './floor-view';
import type { Floor } from './procedure-state';

describe('FloorView', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [{ provide: browserLanguages, useValue: ['en'] }] });
  });

  /** A speech that started `secondsAgo` before now, as the server reports it right now. */
  function speech(secondsAgo: number, limitSeconds: number | null): { floor: Floor; serverTime: string } {
    const now = Date.now();
    return {
      serverTime: new Date(now).toISOString(),
      floor: {
        id: 'floor-1',
        requestId: 'r1',
        answer: false,
        person: demoPerson('j.brandt'),
        kind: 'SPEECH',
        startedAt: new Date(now - secondsAgo * 1000).toISOString(),
        limitSeconds,
        elapsedSeconds: secondsAgo,
        overrunSeconds: limitSeconds === null ? 0 : Math.max(0, secondsAgo - limitSeconds),
        interjection: null,
        pendingInterjections: [],
        clockStopped: false,
        warningSeconds: null,
        graceEndsAt: null,
        talkingStick: false,
      },
    };
  }

  async function render(floor: Floor | null, serverTime: string): Promise<[ComponentFixture<FloorView>, HTMLElement]> {
    const fixture = TestBed.createComponent(FloorView);
    fixture.componentRef.setInput('floor', floor);
    fixture.componentRef.setInput('serverTime', serverTime);
    await fixture.whenStable();
    return [fixture, fixture.nativeElement as HTMLElement];
  }

  it('shows the speaker, the kind and the clock against the limit', async () => {
    const { floor, serverTime } = speech(65, 300);
    const [, view] = await render(floor, serverTime);

    expect(view.querySelector('[data-testid="floor-speaker"]')?.textContent).toBe('Jonas Brandt');
    const clock = view.querySelector('[data-testid="floor-clock"]');
    expect(clock?.textContent).toContain('1:05');
    expect(clock?.textContent).toContain('of 5:00');
    expect(clock?.textContent).toContain('3:55 left');
    expect(clock?.getAttribute('data-overrun')).toBe('false');
    expect(view.querySelector('[data-testid="floor-announcement"]')?.textContent).toBe('Jonas Brandt has the floor: Speech.');
  });

  it('turns red and names the overrun once the limit has passed', async () => {
    const { floor, serverTime } = speech(83, 60);
    const [, view] = await render(floor, serverTime);

    expect(view.querySelector('[data-testid="floor-clock"]')?.getAttribute('data-overrun')).toBe('true');
    expect(view.querySelector('[data-testid="floor"]')?.classList).toContain('overrun');
    expect(view.querySelector('[data-testid="floor-overrun"]')?.textContent).toContain('Over time by 0:23');
    const colour = getComputedStyle(view.querySelector('[data-testid="floor-overrun"]')!).color;
    expect(colour).toBe('rgb(164, 22, 26)');
  });

  it('warns the speaker within the rulebook’s seconds before the end', async () => {
    const { floor, serverTime } = speech(40, 60);
    const [, early] = await render({ ...floor, warningSeconds: 10 }, serverTime);
    expect(early.querySelector('[data-testid="floor-warning"]')).toBeNull();

    const [, view] = await render({ ...floor, warningSeconds: 30 }, serverTime);
    expect(view.querySelector('[data-testid="floor-warning"]')?.textContent).toContain('Only 0:20 left');
  });

  it('says when the clock stands under "mute all" and when the floor ends by itself', async () => {
    const { floor, serverTime } = speech(40, 60);
    const [, view] = await render({ ...floor, clockStopped: true, graceEndsAt: new Date(Date.now() + 60_000).toISOString() }, serverTime);

    expect(view.querySelector('[data-testid="floor-clock-stopped"]')?.textContent).toContain('The clock stands.');
    expect(view.querySelector('[data-testid="floor-grace"]')?.textContent).toContain('The floor ends by itself at');
  });

  it('says when nobody has the floor', async () => {
    const [, view] = await render(null, new Date().toISOString());

    expect(view.querySelector('[data-testid="floor-empty"]')?.textContent).toContain('Nobody has the floor.');
    expect(view.querySelector('[data-testid="floor-announcement"]')?.textContent).toBe('The floor is free.');
  });
});
