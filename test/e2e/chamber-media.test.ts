import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { bytesOf, enterChamber as enterChamberOf, flowing, takeSeat, type Seat } from '../support/chamber-seat';
import { chromiumArgs, chromiumPath } from '../support/chromium';

// The chamber's media in the built client, over real WebRTC to the server's mediasoup workers:
// Chromium contexts with fake microphones and cameras. The chair (a.keller) opens sitting 42 and
// gives the floor to Jonas Brandt; Leonie Vogel, in the chamber, receives his voice and picture.
// The English interpreter (interpreter.en1) goes on air from the booth; Vogel picks English and
// receives the English channel, the floor ducked under it.
// What flows is measured in the page (test/support/chamber-seat.ts): bytes of the
// RTCPeerConnection's inbound-rtp stream that carries the track of an <audio data-channel=…> sink,
// and the <video> element's size and clock.

describe('the chamber’s media', () => {
  let t: TestApp;
  let browser: Browser;
  const seats: Seat[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_WORKERS: '1', RTC_MIN_PORT: '47000', RTC_MAX_PORT: '47999', BROADCAST: 'off' } });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs({ media: true }) });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function seat(username: string): Promise<Seat> {
    const entry = await takeSeat(browser, t.baseUrl, username);
    seats.push(entry);
    return entry;
  }

  const enterChamber = (member: Seat) => enterChamberOf(t.baseUrl, member);

  it('carries the floor speaker to a member, and the English channel to a listener who picked it', { timeout: 120_000 }, async () => {
    const [chair, brandt, vogel, interpreter] = await Promise.all([seat('a.keller'), seat('j.brandt'), seat('l.vogel'), seat('interpreter.en1')]);

    // The chair opens the sitting and calls the debate.
    await chair.page.goto(`${t.baseUrl}/sittings/sitting-42/chair`);
    await chair.page.getByTestId('open-sitting').click();
    await chair.page.locator('[data-testid="sitting-phase"][data-state="OPEN"]').waitFor();
    await chair.page.getByTestId('tab-agenda').click();
    await chair.page.getByTestId('call-item-2').click();

    // Both members enter the chamber; their media join and their microphones wait for the floor.
    await Promise.all([enterChamber(brandt), enterChamber(vogel)]);
    for (const member of [brandt, vogel]) {
      await member.page.locator('[data-testid="microphone-state"][data-held="no_floor"]').waitFor();
      expect(await member.page.getByTestId('microphone-state').textContent()).toContain('You do not have the floor');
    }

    // Brandt asks to speak and is given the floor: his microphone goes live.
    await brandt.page.getByTestId('request-speech').click();
    await chair.page.getByTestId('chair-speaker').filter({ hasText: 'Jonas Brandt' }).waitFor();
    const granted = Date.now();
    await chair.page.getByTestId('next-speaker').click();
    await brandt.page.getByTestId('you-have-the-floor').waitFor();
    await brandt.page.locator('[data-testid="microphone-state"][data-live="true"]').waitFor();

    // Vogel sees him large and hears him: the main tile's video plays, the floor sink's bytes grow.
    const main = vogel.page.locator('[data-testid="video-tile"][data-role="main"]');
    await main.filter({ hasText: 'Jonas Brandt' }).waitFor();
    const brandtId = await main.getAttribute('data-peer');
    expect(brandtId).toBeTruthy();
    const floorSink = `[data-testid="audio-sink"][data-channel="floor"][data-peer="${brandtId}"]`;
    await vogel.page.locator(floorSink).waitFor({ state: 'attached' });
    const consumed = Date.now() - granted;
    await expect.poll(() => bytesOf(vogel.page, floorSink), { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
    const firstBytes = Date.now() - granted;
    await flowing(vogel.page, floorSink);
    console.info(`"Next speaker" clicked → the listener consumes his microphone: ${consumed} ms; → first audio bytes: ${firstBytes} ms (polled every 50 ms)`);
    const video = main.locator('video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 20_000 }).toBeGreaterThan(0);
    const before = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(before + 0.5);
    const size = await video.evaluate((v: HTMLVideoElement) => `${v.videoWidth}×${v.videoHeight}`);
    console.info(`speaker's picture at the listener (large tile, simulcast layer 2 asked for): ${size}`);

    // The English interpreter opens the booth and goes on air with one action.
    await interpreter.page.goto(`${t.baseUrl}/sittings/sitting-42/booth`);
    await interpreter.page.locator('[data-testid="media-status"][data-status="joined"]').waitFor();
    await interpreter.page.locator('[data-testid="microphone-state"][data-held="not_on_air"]').waitFor();
    await interpreter.page.getByTestId('hand-over').click();
    await interpreter.page.locator('[data-testid="on-air"][data-on-air="true"]').waitFor();
    await interpreter.page.locator('[data-testid="microphone-state"][data-live="true"]').waitFor();
    // The interpreter hears the floor speaker to interpret him.
    await flowing(interpreter.page, `[data-testid="audio-sink"][data-channel="floor"][data-peer="${brandtId}"]`);

    // Vogel picks English: the English channel flows at full volume, the floor ducked under it.
    await vogel.page.getByTestId('listen-en').check();
    const englishSink = '[data-testid="audio-sink"][data-channel="interpretation:en"]';
    await flowing(vogel.page, englishSink);
    await expect.poll(() => vogel.page.locator(englishSink).first().getAttribute('data-gain')).toBe('1');
    await expect.poll(() => vogel.page.locator(floorSink).getAttribute('data-gain')).toBe('0.2');
    await vogel.page.getByTestId('you-hear').filter({ hasText: 'English 100 %' }).waitFor();

    // Seconds later: the large tile keeps the top layer (unless Chromium's CPU adaptation dropped it).
    console.info(
      `speaker's picture at the listener after the interpreter's part: ${await video.evaluate((v: HTMLVideoElement) => `${v.videoWidth}×${v.videoHeight}`)}`,
    );

    // Vogel's media socket drops: the page reconnects by itself and rejoins with English still chosen.
    await vogel.page.evaluate(() => {
      for (const socket of (window as unknown as { __mediaSockets: WebSocket[] }).__mediaSockets) socket.close(4000, 'test: drop');
    });
    await vogel.page.locator('[data-testid="media-status"][data-status="retrying"]').waitFor();
    const dropped = Date.now();
    await vogel.page.locator('[data-testid="media-status"][data-status="joined"]').waitFor();
    await flowing(vogel.page, englishSink);
    console.info(`media socket dropped → rejoined and the English channel flowing again: ${Date.now() - dropped} ms`);
    expect(await vogel.page.getByTestId('listen-en').isChecked()).toBe(true);
    await flowing(vogel.page, floorSink);

    // The chair mutes all: Brandt's microphone (and camera) are held and he is told why; his picture leaves Vogel's stage. is held and he is told why.
    await chair.page.getByTestId('mute-all').click();
    await brandt.page.locator('[data-testid="microphone-state"][data-held="muted_all"]').waitFor();
    expect(await brandt.page.getByTestId('microphone-state').textContent()).toContain('The chair muted all microphones');
    await main.waitFor({ state: 'detached' });

    expect(seats.flatMap((entry) => entry.problems)).toEqual([]);
    await Promise.all(seats.map((entry) => entry.context.close()));
  });
});
