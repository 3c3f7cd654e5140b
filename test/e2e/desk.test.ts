import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../support/app';
import { seriousViolations } from '../support/axe';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { openSeat } from '../support/browser-seat';
import { loginSession } from '../support/oidc-login';
import { pdfText } from '../support/pdf-text';

// The clerk's desk in the built client, beside the public viewer on the real broadcast. The chair
// (a.keller) opens sitting 42, calls item 2 and gives Jonas Brandt the floor. The clerk (Bernd
// Ostermann) signs in, opens the desk from the sitting's page, inserts the speaker with Alt+1 and types
// a caption: Enter → the line on screen in the public viewer is measured and printed. The clerk notes
// "(Beifall bei der SDA)", which the protocol prints; after the close the clerk corrects it, and the
// chair approves the protocol on the desk: the PDF carries the record's head hash and the approval.
// axe-core finds no serious or critical violation on the desk at 1440×900 and at 390×844.

const SITTING = 'sitting-42';
/** Where screenshots go when PLENUM_SCREENSHOTS names a folder (for looking at the desk, not for asserting). */
const shots = process.env['PLENUM_SCREENSHOTS'] ?? null;

async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `desk-${name}.png`), fullPage: true });
}

type Headers = Record<string, string>;

/** A procedural mutation on sitting 42 as `who`; fails the test when refused. */
async function act(t: TestApp, who: Headers, field: string, args = ''): Promise<void> {
  const query = `mutation { r: ${field}(sittingId: "${SITTING}"${args ? `, ${args}` : ''}) { __typename ... on Error { code message } } }`;
  const res = await gql<{ r: { __typename: string } }>(t.baseUrl, query, {}, who);
  if (!res.body.data?.r.__typename.endsWith('Success')) throw new Error(`${field} refused: ${JSON.stringify(res.body.errors ?? res.body.data?.r)}`);
}

describe('the clerk’s desk', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        MEDIA_WORKERS: '1',
        RTC_MIN_PORT: '45500',
        RTC_MAX_PORT: '45999',
        BROADCAST_MIN_PORT: '39800',
        BROADCAST_MAX_PORT: '39899',
        HLS_DVR_SECONDS: '60',
      },
    });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** A browser context signed in as `username` (a session cookie from the development provider). */
  async function signedIn(username: string, problems: string[]): Promise<Page> {
    const seat = await openSeat(browser, t.baseUrl, username, 'de-DE', { viewport: { width: 1440, height: 900 }, problems });
    contexts.push(seat.context);
    return seat.page;
  }

  it('captions reach the viewer, a minutes note the protocol, and the chair approves it', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    const chair = { cookie: (await loginSession(t.baseUrl, 'a.keller')).cookie };
    const brandt = { cookie: (await loginSession(t.baseUrl, 'j.brandt')).cookie };

    // The chair opens the sitting (the broadcast starts), calls item 2 and gives Brandt the floor.
    await act(t, chair, 'openSitting');
    const agenda = await gql<{ sitting: { agenda: { id: string }[] } }>(t.baseUrl, `{ sitting(id: "${SITTING}") { agenda { id } } }`, {}, chair);
    await act(t, chair, 'callAgendaItem', `agendaItemId: "${agenda.body.data!.sitting.agenda[1]!.id}"`);
    await act(t, brandt, 'joinSitting');
    await act(t, brandt, 'requestToSpeak');
    await act(t, chair, 'nextSpeaker');

    // A visitor watches with captions on.
    const visitorContext = await browser.newContext({ locale: 'de-DE' });
    visitorContext.setDefaultTimeout(15_000);
    contexts.push(visitorContext);
    const viewer = await visitorContext.newPage();
    await viewer.goto(`${t.baseUrl}/watch/${SITTING}`);
    await viewer.locator('[data-testid="stream-player"][data-phase="ready"]').waitFor({ timeout: 30_000 });
    const playPause = viewer.getByTestId('play-pause');
    if ((await playPause.getAttribute('data-playing')) !== 'true') await playPause.click();
    await viewer.getByTestId('captions-toggle').click();
    await expect.poll(() => viewer.getByTestId('captions-toggle').getAttribute('aria-pressed')).toBe('true');
    const video = viewer.getByTestId('broadcast-video');
    const playing = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(playing + 1);

    // The clerk opens the desk from the sitting's page.
    const desk = await signedIn('clerk', problems);
    await desk.goto(`${t.baseUrl}/sittings/${SITTING}`);
    await desk.getByTestId('desk-link').click();
    await desk.waitForURL(/\/sittings\/sitting-42\/desk$/);
    await desk.getByTestId('desk-title').waitFor();
    await desk.locator('[data-testid="speaker-prefixes"] [data-key="1"]').filter({ hasText: 'Jonas Brandt' }).waitFor();
    expect(await seriousViolations(desk)).toEqual([]);
    await shoot(desk, '1440-open');

    // Keyboard only: Alt+1 inserts the speaker on the floor, the line is typed, Enter sends it.
    const input = desk.getByTestId('caption-input');
    await input.focus();
    await desk.keyboard.press('Alt+Digit1');
    await desk.keyboard.type('Die Aussprache ist eröffnet.');
    expect(await input.inputValue()).toBe('Jonas Brandt: Die Aussprache ist eröffnet.');
    const sent = Date.now();
    await desk.keyboard.press('Enter');
    await viewer.getByTestId('caption-text').filter({ hasText: 'Jonas Brandt: Die Aussprache ist eröffnet.' }).waitFor({ timeout: 20_000 });
    const enterToScreen = Date.now() - sent;
    console.info(`clerk's desk: Enter → caption on screen in the public viewer: ${enterToScreen} ms`);
    expect(await input.inputValue()).toBe('');
    await desk.getByTestId('captions-sent').filter({ hasText: 'Die Aussprache ist eröffnet.' }).waitFor();

    // A minutes note, keyboard only: typed, Enter records it with its moment.
    await desk.getByTestId('note-text').focus();
    await desk.keyboard.type('Beifall bei der SDA');
    await desk.getByTestId('note-moment').waitFor();
    await desk.keyboard.press('Enter');
    const noted = desk.getByTestId('protocol-text').filter({ hasText: '(Beifall bei der SDA)' });
    await noted.waitFor();
    const protocol = (await (await fetch(`${t.baseUrl}/api/sittings/${SITTING}/protocol.json`, { headers: chair })).json()) as {
      sections: { proceedings: { kind: string; text?: string; by?: { name: string } }[] }[];
    };
    const notes = protocol.sections.flatMap((s) => s.proceedings).filter((p) => p.kind === 'minutes_note');
    expect(notes).toMatchObject([{ text: 'Beifall bei der SDA', by: { name: 'Bernd Ostermann' } }]);

    // The phone: the same desk at 390×844, no horizontal scrolling, nothing serious for axe.
    await desk.setViewportSize({ width: 390, height: 844 });
    await desk.getByTestId('caption-input').waitFor();
    expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(desk)).toEqual([]);
    await shoot(desk, '390');
    await desk.setViewportSize({ width: 1440, height: 900 });

    // The chair closes the sitting; the clerk corrects the note on the desk.
    await act(t, chair, 'closeSitting');
    await desk.locator('[data-testid="sitting-phase"][data-state="CLOSED"]').waitFor();
    // What the closed sitting forbids is disabled, and says why.
    expect(await desk.getByTestId('caption-input').isDisabled()).toBe(true);
    await desk.getByTestId('notes-not-now').waitFor();
    await noted.getByTestId('correct').click();
    await desk.getByTestId('correction-text').fill('Beifall bei der SDA und der CVP');
    await desk.getByTestId('correction-save').click();
    await desk.getByTestId('protocol-text').filter({ hasText: '(Beifall bei der SDA und der CVP)' }).getByTestId('text-corrected').waitFor();

    // The clerk may not approve: the button says why. The chair approves on her desk.
    expect(await desk.getByTestId('approve-protocol').isDisabled()).toBe(true);
    const chairDesk = await signedIn('a.keller', problems);
    await chairDesk.goto(`${t.baseUrl}/sittings/${SITTING}/desk`);
    await chairDesk.getByTestId('protocol-text').filter({ hasText: 'und der CVP' }).waitFor();
    const approve = chairDesk.getByTestId('approve-protocol');
    await expect.poll(() => approve.isEnabled()).toBe(true);
    await approve.click();
    await chairDesk.getByTestId('protocol-approved').filter({ hasText: 'Anna Keller' }).waitFor();
    await desk.getByTestId('protocol-approved').filter({ hasText: 'Anna Keller' }).waitFor();
    expect(await chairDesk.getByTestId('approve-protocol').count()).toBe(0);
    expect(await seriousViolations(chairDesk)).toEqual([]);
    await shoot(chairDesk, '1440-approved');

    // The PDF carries the record's head hash and the approval, the note in parentheses and its correction.
    const record = await gql<{ sitting: { record: { seq: number; hash: string; kind: string }[] } }>(
      t.baseUrl,
      `{ sitting(id: "${SITTING}") { record(afterSeq: 0, first: 1000) { seq hash kind } } }`,
      {},
      chair,
    );
    const entries = record.body.data!.sitting.record;
    const head = entries.at(-1)!;
    expect(head.kind).toBe('protocol.approved');
    const pdf = await fetch(`${t.baseUrl}/api/sittings/${SITTING}/protocol.pdf?lang=de`, { headers: chair });
    expect(pdf.status).toBe(200);
    const text = pdfText(Buffer.from(await pdf.arrayBuffer())).replace(/\s+/g, ' ');
    expect(text).toContain(head.hash);
    expect(text).toContain(entries.at(-2)!.hash);
    expect(await chairDesk.getByTestId('approved-head').textContent()).toBe(entries.at(-2)!.hash);
    expect(text).toMatch(/Genehmigt von Anna Keller am .*, Stand Eintrag \d+\./);
    expect(text).toContain('(Beifall bei der SDA und der CVP)');
    expect(text).toContain('zuvor: „Beifall bei der SDA“');
    expect(text).toMatch(/Vorsitz: Anna Keller/);
    expect(problems).toEqual([]);
    for (const c of contexts) await c.close();
  });
});
