import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Request } from 'playwright-core';
import { secretBallotPath } from '@contract/secret-ballots';
import { startTestApp, type TestApp } from '../support/app';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { openSeat, shows, type BrowserSeat } from '../support/browser-seat';

// A secret ballot in the built client: the chair (a.keller) opens sitting 42 and a one-minute secret
// vote; three members (j.brandt and f.hartmann in English, l.vogel in German) in their own Chromium
// contexts choose, confirm, and their browsers blind a token, take the blind signature with their
// session, and after a random wait (a one-minute vote bounds it at about 10 s) send the ballot to the
// ballot box without cookies. Hartmann reloads his page while his ballot waits: it is sent anyway.
// The chair closes the vote; each member's page finds its token hash in the published list with the
// option chosen; the chair's result lists token hashes and counts, and no name.

interface Seat extends BrowserSeat {
  readonly username: string;
  /** Every request to the ballot box this page made. */
  readonly ballotRequests: Request[];
}

describe('a secret ballot with receipts checked by the members', () => {
  let t: TestApp;
  let browser: Browser;
  const seats: Seat[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** A member's browser that also keeps every request it makes to the ballot box. */
  const seat = async (username: string, locale: string): Promise<Seat> => {
    const entry = { ...(await openSeat(browser, t.baseUrl, username, locale)), username, ballotRequests: [] as Request[] };
    entry.page.on('request', (request) => {
      if (new URL(request.url()).pathname === secretBallotPath) entry.ballotRequests.push(request);
    });
    seats.push(entry);
    return entry;
  };

  it('counts three anonymous ballots and each member finds their own in the published list', { timeout: 110_000 }, async () => {
    const [chair, brandt, vogel, hartmann] = await Promise.all([
      seat('a.keller', 'en-GB'),
      seat('j.brandt', 'en-GB'),
      seat('l.vogel', 'de-DE'),
      seat('f.hartmann', 'en-GB'),
    ]);
    const members = [brandt, vogel, hartmann];

    await chair.page.goto(`${t.baseUrl}/sittings/sitting-42/chair`);
    await chair.page.getByTestId('open-sitting').click();
    await chair.page.locator('[data-testid="sitting-phase"][data-state="OPEN"]').waitFor();
    await chair.page.getByTestId('tab-agenda').click();
    await chair.page.getByTestId('call-item-2').click();
    for (const member of members) {
      await member.page.goto(`${t.baseUrl}/sittings/sitting-42/chamber`);
      await member.page.getByTestId('join-sitting').click();
      await member.page.getByTestId('present').waitFor();
    }
    await chair.page.getByTestId('tab-attendance').click();
    await shows(chair.page, 'present-count', '3');

    // A secret vote of one minute: the members' random wait is bounded by the time left.
    const title = 'Election of the budget committee’s rapporteur';
    await chair.page.getByTestId('tab-votes').click();
    await chair.page.getByTestId('vote-title').fill(title);
    await chair.page.getByTestId('vote-kind-secret').check();
    await chair.page.locator('input[name="duration"]').fill('1');
    await chair.page.getByTestId('prepare-vote').click();
    await chair.page.getByTestId('vote-draft').filter({ hasText: title }).getByTestId('open-vote').click();
    await shows(chair.page, 'open-vote-panel', title);

    const choices = new Map<Seat, { option: 'yes' | 'no'; counted: string }>([
      [brandt, { option: 'yes', counted: 'counted as “Yes”' }],
      [vogel, { option: 'no', counted: 'gezählt als „Nein“' }],
      [hartmann, { option: 'yes', counted: 'counted as “Yes”' }],
    ]);
    for (const [member, { option }] of choices) {
      await member.page.getByTestId(`vote-option-${option}`).click();
      await member.page.getByTestId('secret-confirm-hint').waitFor();
      await member.page.getByTestId('confirm-vote').click();
    }
    await shows(brandt.page, 'secret-status', 'will be sent in a few seconds, anonymously');
    await shows(vogel.page, 'secret-status', 'in wenigen Sekunden anonym gesendet');

    // Hartmann reloads while his ballot waits (or just after it went): what the browser kept is sent or shown.
    await hartmann.page.getByTestId('token-hash-short').waitFor();
    await hartmann.page.reload();

    const receipts = new Map<Seat, string>();
    for (const member of members) {
      const receipt = member.page.locator('[data-testid="secret-receipt"][data-acknowledged="true"]');
      await receipt.waitFor({ timeout: 40_000 });
      const hash = await receipt.getByTestId('token-hash-short').getAttribute('data-token-hash');
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await receipt.getByTestId('token-hash-short').textContent()).toBe(`${hash!.slice(0, 4)} ${hash!.slice(4, 8)} ${hash!.slice(8, 12)}`);
      receipts.set(member, hash!);
    }
    expect(new Set(receipts.values()).size).toBe(3);
    // The ballots went to the box without the session: no cookie, no Authorization, credentials left out.
    for (const member of members) {
      expect(member.ballotRequests.length).toBeGreaterThan(0);
      for (const request of member.ballotRequests) {
        const headers = await request.allHeaders();
        expect(headers['cookie']).toBeUndefined();
        expect(headers['authorization']).toBeUndefined();
      }
    }
    await shows(chair.page, 'vote-turnout', /^\s*3 of /);

    await chair.page.getByTestId('close-vote').click();

    await chair.page.getByTestId('confirm-close-vote').click();

    for (const [member, { counted }] of choices) {
      const check = member.page.locator('[data-testid="secret-check"][data-kind="found"]');
      await check.waitFor();
      expect(await check.textContent()).toContain(counted);
    }

    // The chair's result: counts, tokens issued, and the token hashes, with no name of anyone who voted.
    const result = chair.page.getByTestId('vote-result').filter({ hasText: title });
    await result.getByTestId('ballot-entry').first().waitFor();
    const published = await result.getByTestId('ballot-entry').evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-token-hash')));
    expect([...published].sort()).toEqual([...receipts.values()].sort());
    expect(await result.getByTestId('result-count-yes').textContent()).toContain('2');
    expect(await result.getByTestId('result-count-no').textContent()).toContain('1');
    await shows(chair.page, 'secret-tally', '3 ballot tokens issued, 3 ballots cast');
    const resultText = (await result.textContent()) ?? '';
    for (const name of ['Brandt', 'Vogel', 'Hartmann', 'Keller']) expect(resultText).not.toContain(name);

    expect(seats.flatMap((entry) => entry.problems)).toEqual([]);
    await Promise.all(seats.map((entry) => entry.context.close()));
  });
});
