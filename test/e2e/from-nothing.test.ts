/**
 * Plenum from nothing, as a parliament adopts it (issue 13, item 8): NODE_ENV=production on an empty
 * PostgreSQL database (no demo), people signed in through an external OpenID issuer in its own
 * process (test/support/external-issuer), the built client in Chromium.
 *
 *  1. it.admin signs in through the issuer's form, names the parliament "Gemeinderat Beispielstadt"
 *     and chooses the rulebook `municipal-council-nrw`;
 *  2. imports a roster CSV of 41 members in 6 groups (test/e2e/fixtures/): dry run, then apply;
 *  3. creates a sitting and its agenda of 5 items in the back office;
 *  4. the chair (a.keller, one of the imported members) opens it from the chair console: the rules in
 *     force are the council's: quorum (21 of 41), a speech's five minutes, and the name in the protocol;
 *  5. an anonymous visitor finds the sitting at /, watches it live while Jonas Brandt speaks, and
 *     after the close plays its recording and jumps to his speech.
 *
 * PLENUM_SCREENSHOTS=<dir> keeps a screenshot of each step.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, gql, startTestApp, type TestApp } from '../support/app';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { seriousViolations } from '../support/axe';
import { signInThroughIssuer, startExternalIssuer, type ExternalIssuer } from '../support/external-issuer';
import { pdfText } from '../support/pdf-text';

const roster = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/gemeinderat-beispielstadt.csv'), 'utf8');
const shots = process.env.PLENUM_SCREENSHOTS ?? null;

async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `from-nothing-${name}.png`), fullPage: true });
}

/** Signs in through the issuer's own form, in the browser, and lands on `returnTo`. */
async function signIn(context: BrowserContext, baseUrl: string, username: string, returnTo: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('plenum');
  await page.locator('button').click();
  await page.waitForURL(`${baseUrl}${returnTo}`);
  return page;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('Plenum from nothing (needs TEST_DATABASE_URL)', () => {
  let t: TestApp;
  let issuer: ExternalIssuer;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const clientSecret = randomBytes(24).toString('base64url');
    issuer = await startExternalIssuer({ clientId: 'plenum', clientSecret, redirectUri: `${baseUrl}/auth/callback`, audience: 'plenum' });
    t = await startTestApp({
      database: 'postgres',
      seed: false,
      env: {
        NODE_ENV: 'production',
        PORT: String(port),
        PUBLIC_URL: baseUrl,
        // Plain http on loopback stands for TLS ended at a reverse proxy in front.
        TRUST_PROXY: 'true',
        SESSION_SECRET: randomBytes(32).toString('base64url'),
        OIDC_ISSUER: issuer.issuer,
        OIDC_CLIENT_ID: 'plenum',
        OIDC_CLIENT_SECRET: clientSecret,
        OIDC_AUDIENCE: 'plenum',
        MEDIA_WORKERS: '1',
        RTC_MIN_PORT: '44500',
        RTC_MAX_PORT: '44999',
        BROADCAST_MIN_PORT: '39800',
        BROADCAST_MAX_PORT: '39899',
        HLS_DVR_SECONDS: '60',
      },
    });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await issuer?.stop();
  });

  it('is set up by IT, opened by the chair under the council rules, watched and replayed by a visitor', { timeout: 300_000 }, async () => {
    const base = t.baseUrl;
    const problems: string[] = [];
    const watchProblems = (page: Page) => {
      page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.location().url.includes('/hls/')) problems.push(`${page.url()}: ${m.text()}`);
      });
    };

    // Nothing there: no parliament, no sittings, no people.
    const empty = await gql<{ publicSittings: unknown[] }>(base, '{ publicSittings { id } }');
    expect(empty.body.data!.publicSittings).toEqual([]);

    // 1. Parliament IT names the parliament and chooses the council's rules.
    const it_ = await browser.newContext({ locale: 'de-DE', viewport: { width: 1440, height: 900 } });
    it_.setDefaultTimeout(20_000);
    const admin = await signIn(it_, base, 'it.admin', '/admin/parliament');
    watchProblems(admin);
    await admin.getByTestId('not-set-up').waitFor();
    await admin.locator('#name').fill('Gemeinderat Beispielstadt');
    await admin.locator('#shortName').fill('GR');
    await admin.locator('#statutoryMembers').fill('41');
    await admin.locator('#rulebookPreset').selectOption('municipal-council-nrw');
    await admin.getByTestId('save-settings').click();
    await admin.getByTestId('settings-saved').waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await shoot(admin, '1-parliament');

    // 2. The roster: 41 members in 6 groups, a dry run first, then applied.
    await admin.goto(`${base}/admin/roster`);
    await admin.locator('#roster-text').fill(roster);
    await admin.getByTestId('preview').click();
    await admin.getByTestId('roster-counts').waitFor();
    expect(await admin.getByTestId('factionsAdded').locator('tbody tr').count()).toBeGreaterThanOrEqual(6);
    expect(await admin.getByTestId('roster-counts').textContent()).toContain('47');
    const beforeApply = await gql<{ people: unknown[] }>(
      base,
      '{ people { id } }',
      {},
      { cookie: (await it_.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
    );
    expect(beforeApply.body.data?.people ?? []).toEqual([]);
    await shoot(admin, '2-roster-dry-run');
    await admin.getByTestId('apply').click();
    await admin.getByTestId('roster-applied').waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await shoot(admin, '2-roster-applied');

    // 3. A sitting with five items.
    const sittingId = await createSittingInBackOffice(admin, base);
    await shoot(admin, '3-agenda');

    // 4. The chair opens it from the chair console.
    const chairContext = await browser.newContext({ locale: 'de-DE', viewport: { width: 1440, height: 900 } });
    chairContext.setDefaultTimeout(20_000);
    const chair = await signIn(chairContext, base, 'a.keller', `/sittings/${sittingId}/chair`);
    watchProblems(chair);
    await chair.getByTestId('open-sitting').click();
    await chair.getByTestId('close-sitting').waitFor();
    // The council's quorum: more than half of 41.
    await expect.poll(() => chair.getByTestId('quorum').textContent()).toMatch(/21 erforderlich/);
    const chairCookie = { cookie: await signInThroughIssuer(base, 'a.keller') };
    const brandt = { cookie: await signInThroughIssuer(base, 'j.brandt') };
    const rules = await gql<{ sitting: { rulebook: { preset: string; name: string; data: { speech: { limits: { speech: number } } } } } }>(
      base,
      `{ sitting(id: "${sittingId}") { rulebook { preset name data } } }`,
      {},
      chairCookie,
    );
    expect(rules.body.data!.sitting.rulebook).toMatchObject({ preset: 'municipal-council-nrw', data: { speech: { limits: { speech: 300 } } } });
    await shoot(chair, '4-chair-open');

    // 5. A visitor finds it live at / and watches Jonas Brandt speak on item 3.
    const visitorContext = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
    visitorContext.setDefaultTimeout(20_000);
    const visitor = await visitorContext.newPage();
    watchProblems(visitor);
    await visitor.goto(`${base}/`);
    const live = visitor.locator(`[data-testid="front-live"] [data-sitting="${sittingId}"]`);
    await live.waitFor();
    expect(await visitor.getByTestId('parliament-name').textContent()).toBe('Gemeinderat Beispielstadt');
    // The start in the council's zone (Berlin), whatever the visitor's browser is set to (UTC here).
    expect(await live.locator('time').textContent()).toContain('17:00');
    expect(await seriousViolations(visitor)).toEqual([]);
    await shoot(visitor, '5-front-live');
    await live.getByTestId('watch-live').click();
    await visitor.waitForURL(`**/watch/${sittingId}`);
    await visitor.locator('[data-testid="stream-player"][data-phase="ready"]').waitFor({ timeout: 30_000 });

    const run = async (who: { cookie: string }, field: string, args = '') => {
      const res = await gql<{ r: { __typename: string } }>(
        base,
        `mutation { r: ${field}(sittingId: "${sittingId}"${args ? `, ${args}` : ''}) { __typename ... on Error { message } } }`,
        {},
        who,
      );
      expect(res.body.data?.r.__typename, `${field}: ${JSON.stringify(res.body)}`).toMatch(/Success$/);
    };
    const agenda = await gql<{ sitting: { agenda: { id: string }[] } }>(base, `{ sitting(id: "${sittingId}") { agenda { id } } }`, {}, chairCookie);
    await run(chairCookie, 'callAgendaItem', `agendaItemId: "${agenda.body.data!.sitting.agenda[2]!.id}"`);
    await run(brandt, 'joinSitting');
    await run(brandt, 'requestToSpeak');
    await run(chairCookie, 'nextSpeaker');
    // The council's speech limit is on the floor Brandt was given.
    const floor = await gql<{ sitting: { procedure: { floor: { limitSeconds: number | null } | null } } }>(
      base,
      `{ sitting(id: "${sittingId}") { procedure { floor { limitSeconds } } } }`,
      {},
      chairCookie,
    );
    expect(floor.body.data?.sitting.procedure.floor?.limitSeconds).toBe(300);
    await visitor.waitForTimeout(5_000);
    await run(chairCookie, 'endFloor');
    await chair.getByTestId('close-sitting').click();
    await chair.getByTestId('confirm-close-sitting').click();
    await visitor.locator('[data-testid="live-edge"][data-edge="ended"]').waitFor();

    // The recording: the visitor jumps to Brandt's speech.
    await visitor.getByTestId('recording-player').waitFor({ timeout: 90_000 });
    const chapter = visitor.locator('[data-testid="chapter"][data-kind="SPEECH"]').filter({ hasText: 'Jonas Brandt' });
    await chapter.waitFor();
    const offset = Number(await chapter.getAttribute('data-offset'));
    const video = visitor.getByTestId('recording-video');
    await chapter.click();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(offset + 0.5);
    expect(await seriousViolations(visitor)).toEqual([]);
    await shoot(visitor, '6-recording');

    // The public protocol names the council and its rules.
    await visitor.goto(`${base}/`);
    const past = visitor.locator(`[data-testid="front-past"] [data-sitting="${sittingId}"]`);
    await past.waitFor();
    const pdf = await fetch(`${base}${await past.getByTestId('protocol-link').getAttribute('href')}`);
    expect(pdf.status).toBe(200);
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('Gemeinderat Beispielstadt');
    expect(text).toContain('Gemeinderat (NRW)');
    expect(text).not.toContain('Bundestag');
    expect(problems).toEqual([]);
  });
});

/** it.admin creates the sitting and its five items in the back office; returns the sitting's id. */
async function createSittingInBackOffice(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/admin/sittings`);
  await page.locator('#new-number').fill('1');
  await page.locator('#new-title').fill('1. Sitzung des Gemeinderats');
  // In the council's zone (Berlin), whatever the browser's: 17:00 on 7 December.
  await page.locator('#new-starts').fill('2026-12-07T17:00');
  await page.getByTestId('new-sitting').locator('button[type="submit"]').click();
  const row = page.locator('[data-testid="sitting-row"]').filter({ hasText: '1. Sitzung des Gemeinderats' });
  await row.waitFor();
  expect(await row.locator('time').textContent()).toContain('17:00');
  const id = (await row.getAttribute('data-sitting'))!;
  expect(await seriousViolations(page)).toEqual([]);
  await row.getByRole('link').first().click();
  await page.waitForURL(`**/admin/sittings/${id}`);
  const items: readonly [string, string, string?, string?][] = [
    ['Eröffnung der Sitzung und Feststellung der Beschlussfähigkeit', 'PROCEDURE'],
    ['Einwohnerfragestunde', 'QUESTION_TIME'],
    ['Haushaltssatzung 2027', 'DEBATE', '60', 'https://ratsinfo.beispielstadt.de/vorlagen/2027-001.pdf'],
    ['Wahl einer stellvertretenden Bürgermeisterin', 'ELECTION'],
    ['Mitteilungen und Anfragen', 'OTHER'],
  ];
  for (const [n, [title, kind, minutes, link]] of items.entries()) {
    await page.locator('#new-item-title').fill(title);
    await page.locator('#new-item-kind').selectOption(kind);
    if (minutes) await page.locator('#new-item-minutes').fill(minutes);
    if (link) await page.locator('#new-item-links').fill(link);
    await page.getByTestId('new-item-submit').click();
    await expect.poll(() => page.getByTestId('agenda-item').count()).toBe(n + 1);
  }
  expect(await page.getByTestId('agenda-item').nth(2).textContent()).toContain('60');
  expect(await seriousViolations(page)).toEqual([]);
  return id;
}
