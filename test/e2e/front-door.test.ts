import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../support/app';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { loginSession } from '../support/oidc-login';
import { seriousViolations } from '../support/axe';

// The public front door in the built client, for a visitor who is not signed in, with the real
// broadcast (mediasoup worker, the program FFmpeg): / lists sitting 42 as upcoming; the chair opens
// it and the visitor finds it live at /, opens the viewer and watches; the chair gives Jonas Brandt
// the floor and suspends the sitting with a reason: the viewer shows the slate; the chair resumes,
// Leonie Vogel speaks, the chair closes: the viewer says "ended", then plays the recording and
// jumps to Vogel's speech from the chapters; / lists the sitting as past, with its recording and its
// public protocol. axe-core finds no serious or critical violation on / and in the viewer.
// PLENUM_SCREENSHOTS=<dir> keeps screenshots of each step (de and en, 1440×900 and 390×844).

const SITTING = 'sitting-42';
const shots = process.env.PLENUM_SCREENSHOTS ?? null;

type Headers = Record<string, string>;

async function act(t: TestApp, who: Headers, field: string, args = ''): Promise<void> {
  const success = `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
  const query = `mutation { r: ${field}(sittingId: "${SITTING}"${args ? `, ${args}` : ''}) { __typename ... on Error { code message } } }`;
  const res = await gql<{ r: { __typename: string } }>(t.baseUrl, query, {}, who);
  if (res.body.data?.r.__typename !== success) throw new Error(`${field} refused: ${JSON.stringify(res.body.errors ?? res.body.data)}`);
}

/** Screenshots of the page as it is, at both sizes; only when asked for. */
async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  const size = page.viewportSize();
  for (const [w, h] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(shots, `${name}-${w}x${h}.png`), fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

/** The front door in the other language (the switch is a select or buttons; the stored choice is what counts). */
async function inLanguage(page: Page, language: 'de' | 'en'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('plenum.language', l), language);
  await page.reload();
}

describe('the public front door', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        MEDIA_WORKERS: '1',
        RTC_MIN_PORT: '44000',
        RTC_MAX_PORT: '44499',
        BROADCAST_MIN_PORT: '39900',
        BROADCAST_MAX_PORT: '39999',
        HLS_DVR_SECONDS: '60',
      },
    });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('lets a visitor find a sitting at /, watch it live, see its suspension, and play its recording from a chapter', { timeout: 180_000 }, async () => {
    const chair = { cookie: (await loginSession(t.baseUrl, 'a.keller')).cookie };
    const brandt = { cookie: (await loginSession(t.baseUrl, 'j.brandt')).cookie };
    const vogel = { cookie: (await loginSession(t.baseUrl, 'l.vogel')).cookie };

    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.includes('/hls/')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    // Before the sitting: / lists it as upcoming, with the way to sign in.
    await page.goto(`${t.baseUrl}/`);
    await page.locator(`[data-testid="front-upcoming"] [data-sitting="${SITTING}"]`).waitFor();
    expect(await page.getByTestId('sign-in').getAttribute('href')).toBe('/auth/login?returnTo=%2F');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'front-upcoming-de');

    // The chair opens it: the visitor finds it live at / and opens the viewer.
    await act(t, chair, 'openSitting');
    await page.reload();
    const live = page.locator(`[data-testid="front-live"] [data-sitting="${SITTING}"]`);
    await live.waitFor();
    await shoot(page, 'front-live-de');
    await inLanguage(page, 'en');
    await live.waitFor();
    expect(await page.locator('h1').textContent()).toContain('Sittings');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'front-live-en');
    await inLanguage(page, 'de');
    await live.getByTestId('watch-live').click();
    await page.waitForURL(`**/watch/${SITTING}`);
    await page.locator('[data-testid="stream-player"][data-phase="ready"]').waitFor({ timeout: 30_000 });
    const playPause = page.getByTestId('play-pause');
    if ((await playPause.getAttribute('data-playing')) !== 'true') await playPause.click();
    await page.locator('[data-testid="live-edge"][data-edge="live"]').waitFor({ timeout: 30_000 });

    // Item 2; Brandt speaks; then the chair suspends with a reason and a break.
    const agenda = await gql<{ sitting: { agenda: { id: string }[] } }>(t.baseUrl, `{ sitting(id: "${SITTING}") { agenda { id } } }`, {}, chair);
    await act(t, chair, 'callAgendaItem', `agendaItemId: "${agenda.body.data!.sitting.agenda[1]!.id}"`);
    for (const m of [brandt, vogel]) await act(t, m, 'joinSitting');
    await act(t, brandt, 'requestToSpeak');
    await act(t, chair, 'nextSpeaker');
    await page.waitForTimeout(3_000);
    await act(t, chair, 'suspendSitting', 'reason: "Sitzung des Ältestenrats", breakMinutes: 15');
    const slate = page.getByTestId('suspension-slate');
    await slate.waitFor();
    expect(await slate.textContent()).toMatch(/Sitzung unterbrochen bis \d\d:\d\d/);
    expect(await slate.textContent()).toContain('Grund: Sitzung des Ältestenrats');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'watch-suspended-de');
    await act(t, chair, 'resumeSitting');
    await slate.waitFor({ state: 'detached' });

    // Vogel speaks; then the chair closes: the viewer says the broadcast has ended.
    await act(t, vogel, 'requestToSpeak');
    await act(t, chair, 'nextSpeaker');
    await page.waitForTimeout(4_000);
    await act(t, chair, 'closeSitting');
    await page.locator('[data-testid="live-edge"][data-edge="ended"]').waitFor();

    // The recording is assembled and listed: the viewer plays it and jumps to Vogel's speech.
    const started = Date.now();
    await page.getByTestId('recording-player').waitFor({ timeout: 90_000 });
    console.info(`sitting closed → the viewer offers its recording: ${Date.now() - started} ms`);
    const chapter = page.locator('[data-testid="chapter"][data-kind="SPEECH"]').filter({ hasText: 'Leonie Vogel' });
    await chapter.waitFor();
    expect(await page.locator('[data-testid="chapter"][data-kind="ITEM"]').count()).toBeGreaterThan(0);
    const offset = Number(await chapter.getAttribute('data-offset'));
    expect(offset).toBeGreaterThan(3);
    const video = page.getByTestId('recording-video');
    await video.evaluate(
      (v: HTMLVideoElement) => new Promise((r) => (v.readyState >= 1 ? r(null) : v.addEventListener('loadedmetadata', () => r(null), { once: true }))),
    );
    const duration = await video.evaluate((v: HTMLVideoElement) => v.duration);
    expect(offset).toBeLessThan(duration);
    await chapter.click();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(offset + 0.5);
    expect(await chapter.getAttribute('aria-current')).toBe('true');
    expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeLessThan(offset + 10);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'watch-recording-de');
    await inLanguage(page, 'en');
    await page.getByTestId('recording-player').waitFor();
    await shoot(page, 'watch-recording-en');

    // / lists it as past, with its recording and its public protocol.
    await page.goto(`${t.baseUrl}/`);
    const past = page.locator(`[data-testid="front-past"] [data-sitting="${SITTING}"]`);
    await past.waitFor();
    expect(await past.getByTestId('watch-recording').getAttribute('href')).toBe(`/watch/${SITTING}`);
    const protocol = await past.getByTestId('protocol-link').getAttribute('href');
    expect(protocol).toBe(`/api/public/sittings/${SITTING}/protocol.pdf?lang=en`);
    const pdf = await fetch(`${t.baseUrl}${protocol}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'front-past-en');
    await inLanguage(page, 'de');
    await past.waitFor();
    await shoot(page, 'front-past-de');
    expect(problems).toEqual([]);
    await context.close();
  });
});
