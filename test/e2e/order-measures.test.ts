import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { seriousViolations } from '../support/axe';
import { bytesOf, enterChamber as enterChamberOf, flowing, takeSeat, type Seat } from '../support/chamber-seat';
import { chromiumArgs, chromiumPath } from '../support/chromium';

// Order measures end to end, in the built client over real WebRTC to the server's mediasoup workers.
// The chair (a.keller) opens sitting 42 and gives Jonas Brandt the floor; Leonie Vogel hears him.
// The chair calls him to order; he is told. After the third call in his speech (Bundestag § 37) the
// chair withdraws the floor, confirmed in a dialog: his microphone's producer is paused on the server
// at once and Vogel receives no more of it. Then the chair excludes him for 2 sitting days: his media
// closes, and on reloading the chamber the media refuses him and joining the sitting is refused.

describe('order measures', () => {
  let t: TestApp;
  let browser: Browser;
  const seats: Seat[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_WORKERS: '1', RTC_MIN_PORT: '46000', RTC_MAX_PORT: '46999', BROADCAST: 'off' } });
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

  /** Brandt's microphone producer on the server, as the sitting's media holds it. */
  function serverMicrophone(personId: string) {
    const media = t.app.mediaRegistry?.get('sitting-42');
    return media?.programProducers().find((p) => p.producer.appData.peerId === personId && p.producer.appData.source === 'microphone')?.producer;
  }

  it('a call to order, the floor withdrawn with the microphone paused, an exclusion with the rejoin refused', { timeout: 180_000 }, async () => {
    const [chair, brandt, vogel] = await Promise.all([seat('a.keller'), seat('j.brandt'), seat('l.vogel')]);

    await chair.page.goto(`${t.baseUrl}/sittings/sitting-42/chair`);
    await chair.page.getByTestId('open-sitting').click();
    await chair.page.locator('[data-testid="sitting-phase"][data-state="OPEN"]').waitFor();
    await chair.page.getByTestId('tab-agenda').click();
    await chair.page.getByTestId('call-item-2').click();
    await Promise.all([enterChamberOf(t.baseUrl, brandt), enterChamberOf(t.baseUrl, vogel)]);

    // Brandt gets the floor; Vogel hears him.
    await brandt.page.getByTestId('request-speech').click();
    await chair.page.getByTestId('chair-speaker').filter({ hasText: 'Jonas Brandt' }).waitFor();
    await chair.page.getByTestId('next-speaker').click();
    await brandt.page.locator('[data-testid="microphone-state"][data-live="true"]').waitFor();
    const main = vogel.page.locator('[data-testid="video-tile"][data-role="main"]');
    await main.filter({ hasText: 'Jonas Brandt' }).waitFor();
    const brandtId = (await main.getAttribute('data-peer'))!;
    const floorSink = `[data-testid="audio-sink"][data-channel="floor"][data-peer="${brandtId}"]`;
    await flowing(vogel.page, floorSink);
    expect(serverMicrophone(brandtId)?.paused).toBe(false);

    // A call to order, with a reason: recorded, and Brandt is told.
    const panel = chair.page.getByTestId('order-measures');
    await expect.poll(() => panel.getByTestId('measure-member').inputValue()).toBe(brandtId);
    await panel.getByTestId('measure-reason').fill('Unparliamentary language');
    await panel.getByTestId('call-to-order').click();
    await brandt.page.getByTestId('order-notice').filter({ hasText: 'You were called to order once' }).waitFor();
    await panel.getByTestId('floor-calls').filter({ hasText: '1 of 3' }).waitFor();
    // Withdrawal is not yet allowed: disabled, with the reason.
    expect(await panel.getByTestId('withdraw-floor').isDisabled()).toBe(true);
    await panel.getByTestId('withdraw-hint').waitFor();
    expect(await seriousViolations(chair.page)).toEqual([]);
    expect(await seriousViolations(brandt.page)).toEqual([]);

    // Two more calls (to the point, to order): the third in this speech allows withdrawing the floor.
    await panel.getByTestId('call-to-point').click();
    await panel.getByTestId('floor-calls').filter({ hasText: '2 of 3' }).waitFor();
    await panel.getByTestId('call-to-order').click();
    await panel.getByTestId('floor-calls').filter({ hasText: '3 of 3' }).waitFor();
    // What Vogel has received of his microphone so far: it flows until the floor is withdrawn.
    const heard = await bytesOf(vogel.page, floorSink);
    expect(heard).toBeGreaterThan(0);
    await panel.getByTestId('withdraw-floor').click();
    await chair.page.getByTestId('confirm-withdraw').click();
    const withdrawn = Date.now();

    // The microphone is paused on the server at once, and Brandt is told why.
    await expect.poll(() => serverMicrophone(brandtId)?.paused, { timeout: 5_000, interval: 20 }).toBe(true);
    console.info(`"Withdraw the floor" confirmed → his microphone's producer paused on the server: ${Date.now() - withdrawn} ms`);
    await brandt.page.locator('[data-testid="microphone-state"][data-held="no_floor"]').waitFor();
    await brandt.page.getByTestId('order-notice').filter({ hasText: 'The chair withdrew the floor from you' }).waitFor();
    // Measurably: what Vogel receives of his microphone stops growing (a listener consumes floor
    // microphones only while live, so the sink may also go: then nothing of it is received at all).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const settled = await bytesOf(vogel.page, floorSink);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const later = await bytesOf(vogel.page, floorSink);
    const sinkKept = (await vogel.page.locator(floorSink).count()) > 0;
    console.info(
      `Vogel's bytes of his microphone: ${heard} before withdrawal; over the 2 s after: ${settled} → ${later} (sink ${sinkKept ? 'kept' : 'removed'})`,
    );
    expect(later - settled).toBeLessThan(500);

    // Exclusion for 2 sitting days, confirmed: his media closes, and he is told.
    await panel.getByTestId('measure-member').selectOption(brandtId);
    await panel.getByTestId('exclude-member').click();
    await chair.page.getByTestId('exclusion-days').fill('2');
    await chair.page.getByTestId('confirm-exclude').click();
    await panel.getByTestId('exclusion').filter({ hasText: 'Jonas Brandt' }).waitFor();
    await brandt.page.locator('[data-testid="media-status"][data-status="refused"]').waitFor();
    await brandt.page.getByTestId('order-notice').filter({ hasText: 'You are excluded from this sitting' }).waitFor();
    await expect.poll(() => t.app.mediaRegistry?.get('sitting-42')?.has(brandtId)).toBe(false);
    expect(serverMicrophone(brandtId)).toBeUndefined();

    // He reloads the chamber: the media refuses him, and joining the sitting is refused.
    await brandt.page.reload();
    await brandt.page.locator('[data-testid="media-status"][data-status="refused"]').waitFor();
    expect(t.app.mediaRegistry?.get('sitting-42')?.has(brandtId)).toBe(false);
    await brandt.page.getByTestId('join-sitting').click();
    await brandt.page.getByText('The member is excluded from the sitting').first().waitFor();
    expect(await seriousViolations(chair.page)).toEqual([]);
    expect(await seriousViolations(brandt.page)).toEqual([]);

    expect(seats.flatMap((entry) => entry.problems).filter((p) => !/WebSocket|4001|refused|Failed to load resource/i.test(p))).toEqual([]);
    await Promise.all(seats.map((entry) => entry.context.close()));
  });
});
