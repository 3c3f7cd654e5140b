import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { gql, startTestApp, type TestApp } from '../support/app';
import { seriousViolations } from '../support/axe';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { openSeat, type BrowserSeat } from '../support/browser-seat';
import { loginSession } from '../support/oidc-login';

// Admission from the lobby end to end, in the built client served by the server: parliament IT takes
// the expert off the roster, so they sign in as someone the sitting does not know. The chair
// (a.keller) opens sitting 42; the expert opens the chamber, is told they are not on the roster, asks
// to enter and waits; the chair sees them in the lobby and admits them as press; the expert's
// waiting screen says so and the chamber's media connect. The guest's view is German.

describe('a guest admitted from the lobby', () => {
  let t: TestApp;
  let browser: Browser;
  const seats: BrowserSeat[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_WORKERS: '1', RTC_MIN_PORT: '49500', RTC_MAX_PORT: '49999', BROADCAST: 'off' } });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs({ media: true }) });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const seat = async (username: string, locale: string) => {
    const entry = await openSeat(browser, t.baseUrl, username, locale, { permissions: ['microphone', 'camera'] });
    seats.push(entry);
    return entry;
  };

  it('asks to enter, waits, is admitted by the chair and enters the chamber', { timeout: 90_000 }, async () => {
    // The expert leaves the roster: from now on an account the sitting does not know.
    const admin = await loginSession(t.baseUrl, 'it.admin');
    const people = await gql<{ people: { id: string; username: string }[] }>(t.baseUrl, '{ people { id username } }', {}, { cookie: admin.cookie });
    const expert = people.body.data!.people.find((p) => p.username === 'expert')!;
    const deleted = await gql(t.baseUrl, `mutation { deletePerson(id: "${expert.id}") { __typename } }`, {}, { cookie: admin.cookie });
    expect(JSON.stringify(deleted.body)).toContain('Success');

    const [chair, guest] = await Promise.all([seat('a.keller', 'en-GB'), seat('expert', 'de-DE')]);
    await chair.page.goto(`${t.baseUrl}/sittings/sitting-42/chair`);
    await chair.page.getByTestId('open-sitting').click();
    await chair.page.locator('[data-testid="sitting-phase"][data-state="OPEN"]').waitFor();
    await chair.page.getByTestId('tab-agenda').click();
    await chair.page.getByTestId('call-item-2').click();
    await chair.page.getByTestId('lobby-empty').waitFor();

    // Not on the roster: the guest is told so, and the chamber's media do not start.
    await guest.page.goto(`${t.baseUrl}/sittings/sitting-42/chamber`);
    await guest.page.locator('[data-testid="lobby-wait"][data-status="NONE"]').waitFor();
    expect(await guest.page.getByTestId('media-status').getAttribute('data-status')).not.toBe('joined');
    await guest.page.getByTestId('ask-to-enter').click();
    await guest.page.getByTestId('waiting-for-admission').waitFor();
    expect(await guest.page.getByTestId('waiting-for-admission').textContent()).toContain('Warten auf Einlass');
    expect(await seriousViolations(guest.page)).toEqual([]);

    // The chair sees the guest in the lobby and admits them as press.
    const entry = chair.page.getByTestId('lobby-entry').first();
    await entry.waitFor();
    const name = (await entry.getByTestId('lobby-name').textContent())!.trim();
    expect(name.length).toBeGreaterThan(0);
    expect(await seriousViolations(chair.page)).toEqual([]);
    await entry.getByTestId('lobby-role').selectOption('PRESS');
    await entry.getByTestId('lobby-admit').click();
    await chair.page.getByTestId('lobby-empty').waitFor();
    await chair.page.getByTestId('lobby-admitted').filter({ hasText: name }).waitFor();

    // The guest is in: the waiting screen says so, and the chamber's media connect.
    await guest.page.locator('[data-testid="lobby-wait"][data-status="ADMITTED"]').waitFor();
    expect(await guest.page.getByTestId('admitted').textContent()).toContain('Presse');
    await guest.page.locator('[data-testid="media-status"][data-status="joined"]').waitFor({ timeout: 30_000 });
    const procedure = await gql<{ sitting: { lobby: { admitted: { name: string; role: string }[] } } }>(
      t.baseUrl,
      '{ sitting(id: "sitting-42") { lobby { admitted { name role } } } }',
      {},
      { cookie: (await loginSession(t.baseUrl, 'a.keller')).cookie },
    );
    expect(procedure.body.data!.sitting.lobby.admitted).toEqual([{ name, role: 'PRESS' }]);

    expect(seats.flatMap((s) => s.problems)).toEqual([]);
    await Promise.all(seats.map((s) => s.context.close()));
  });
});
