import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { openSeat, shows, type BrowserSeat } from '../support/browser-seat';

// A short debate end to end, in the built client served by the server: the chair (a.keller) and two
// members (j.brandt, l.vogel) in three Chromium contexts. The chair opens sitting 42 and calls item
// 2; both members join; Brandt asks to speak and gets the floor with "Next speaker"; Vogel asks him
// an interjection question, which he allows and the chair ends; Vogel raises a point of order; the
// chair ends the speech (confirming it), "Next speaker" gives the floor to the point of order
// first, the chair notes it and Vogel is told so; the chair prepares and opens a named vote; Brandt votes yes, Vogel no; the chair closes
// the vote and all three pages show the result with both names.
// Vogel's browser speaks German, so the German interface is driven too (controls have test ids).

describe('a short debate with a point of order and a named vote', () => {
  let t: TestApp;
  let browser: Browser;
  const seats: BrowserSeat[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const seat = async (username: string | null, locale: string) => {
    const entry = await openSeat(browser, t.baseUrl, username, locale);
    seats.push(entry);
    return entry;
  };

  it('runs from opening the sitting to a published result', { timeout: 60_000 }, async () => {
    const started = Date.now();
    const [chair, brandt, vogel] = await Promise.all([seat('a.keller', 'en-GB'), seat('j.brandt', 'en-GB'), seat('l.vogel', 'de-DE')]);

    // The chair goes from the sitting overview to the console, opens the sitting and calls item 2.
    await chair.page.goto(`${t.baseUrl}/sittings/sitting-42`);
    await chair.page.getByTestId('chair-link').click();
    await chair.page.waitForURL(/\/sittings\/sitting-42\/chair$/);
    await chair.page.getByTestId('open-sitting').click();
    await chair.page.locator('[data-testid="sitting-phase"][data-state="OPEN"]').waitFor();
    await chair.page.getByTestId('tab-agenda').click();
    await chair.page.getByTestId('call-item-2').click();
    await shows(chair.page, 'current-item', 'Budget Act 2027');

    // Both members enter the chamber from the overview and join.
    for (const member of [brandt, vogel]) {
      await member.page.goto(`${t.baseUrl}/sittings/sitting-42`);
      await member.page.getByTestId('chamber-link').click();
      await member.page.waitForURL(/\/sittings\/sitting-42\/chamber$/);
      await member.page.getByTestId('join-sitting').click();
      await member.page.getByTestId('present').waitFor();
    }
    await chair.page.getByTestId('tab-attendance').click();
    await shows(chair.page, 'present-count', '2');
    await shows(chair.page, 'event-entry', 'Leonie Vogel');

    // Brandt asks to speak; the chair sees the hand and gives him the floor with "Next speaker".
    await brandt.page.getByTestId('request-speech').click();
    await shows(brandt.page, 'my-place', /number 1 of 1/);
    await shows(chair.page, 'chair-speaker', 'Jonas Brandt');
    await shows(vogel.page, 'speaker', 'Jonas Brandt');
    await chair.page.getByTestId('next-speaker').click();
    for (const { page } of [chair, brandt, vogel]) await shows(page, 'floor-speaker', 'Jonas Brandt');
    await brandt.page.getByTestId('you-have-the-floor').waitFor();
    await chair.page.getByTestId('floor-clock').waitFor();

    // Vogel asks Brandt an interjection question; he allows it; his clock stands while she asks; the chair ends it.
    await vogel.page.getByTestId('request-interjection').click();
    await chair.page.locator('[data-testid="event-entry"][data-kind="hand"]').filter({ hasText: 'Leonie Vogel' }).waitFor();
    await brandt.page.getByTestId('question-to-me').filter({ hasText: 'Leonie Vogel' }).getByRole('button').first().click();
    for (const { page } of [chair, brandt, vogel]) await shows(page, 'floor-interjection', 'Leonie Vogel');
    await chair.page.getByTestId('end-interjection').click();
    await chair.page.getByTestId('floor-interjection').waitFor({ state: 'detached' });
    await shows(vogel.page, 'floor-speaker', 'Jonas Brandt');

    // Vogel raises a point of order (German interface: the category list comes from the rulebook).
    await vogel.page.getByTestId('point-category').selectOption({ index: 1 });
    await vogel.page.getByTestId('point-text').fill('Antrag auf Schluss der Aussprache.');
    await vogel.page.getByTestId('raise-point').click();
    await vogel.page.getByTestId('my-point-of-order').waitFor();

    // The chair sees it first in the event console, ends the speech and gives the floor to it.
    await shows(chair.page, 'point-of-order', 'Leonie Vogel');
    const firstEvent = chair.page.getByTestId('event-entry').first();
    await expect.poll(() => firstEvent.getAttribute('data-kind')).toBe('point-of-order');
    await chair.page.getByTestId('end-floor').click();
    await chair.page.getByTestId('confirm-end-floor').click();
    await chair.page.getByTestId('floor-empty').waitFor();
    await chair.page.getByTestId('next-speaker').click();
    for (const { page } of [chair, brandt, vogel]) await shows(page, 'floor-speaker', 'Leonie Vogel');
    await shows(chair.page, 'floor', 'Point of order');
    await shows(vogel.page, 'floor', 'Geschäftsordnungsantrag');

    // The chair notes the point of order: the queue empties and the decision ends its hearing.
    const point = chair.page.getByTestId('point-of-order').filter({ hasText: 'Leonie Vogel' });
    await point.getByTestId('point-decision').selectOption('NOTED');
    await point.getByTestId('decide-point').click();
    await chair.page.getByTestId('point-of-order').waitFor({ state: 'detached' });
    await vogel.page.getByTestId('my-point-of-order').waitFor({ state: 'detached' });
    // Vogel is told the decision on her point (in German).
    await shows(vogel.page, 'point-decision-text', 'zur Kenntnis genommen');
    for (const { page } of [chair, brandt, vogel]) await page.getByTestId('floor-empty').waitFor();
    expect(await chair.page.getByTestId('command-problem').count()).toBe(0);

    // The chair prepares a named vote and opens it.
    const title = 'Referral of the Budget Act 2027 to the budget committee';
    await chair.page.getByTestId('tab-votes').click();
    await chair.page.getByTestId('vote-title').fill(title);
    await chair.page.getByTestId('vote-kind-named').check();
    await chair.page.getByTestId('prepare-vote').click();
    await shows(chair.page, 'vote-draft', title);
    await chair.page.getByTestId('vote-draft').filter({ hasText: title }).getByTestId('open-vote').click();
    await shows(chair.page, 'open-vote-panel', title);

    // Brandt votes yes, Vogel no, each confirming and getting a receipt.
    for (const [member, option, receipt] of [
      [brandt, 'yes', 'You voted “Yes”'],
      [vogel, 'no', 'Sie haben mit „Nein“ gestimmt'],
    ] as const) {
      await member.page.getByTestId(`vote-option-${option}`).click();
      await member.page.getByTestId('confirm-vote').click();
      await shows(member.page, 'you-voted', receipt);
      await member.page.getByTestId('receipt-code').waitFor();
    }
    await shows(chair.page, 'vote-turnout', /^\s*2 of /);

    // The chair closes it; the result with both names reaches all three pages.
    await chair.page.getByTestId('close-vote').click();
    await chair.page.getByTestId('confirm-close-vote').click();
    for (const { page } of [chair, brandt, vogel]) {
      const result = page.getByTestId('vote-result').filter({ hasText: title });
      await result.getByTestId('ballot-entry').filter({ hasText: 'Jonas Brandt' }).waitFor();
      const ballots = await result.getByTestId('ballot-entry').allTextContents();
      expect(ballots).toHaveLength(2);
      expect(ballots.find((entry) => entry.includes('Jonas Brandt'))).toMatch(/Yes|Ja/);
      expect(ballots.find((entry) => entry.includes('Leonie Vogel'))).toMatch(/No|Nein/);
      expect(await result.getByTestId('vote-outcome').getAttribute('data-outcome')).toBe('TIE');
    }
    await shows(vogel.page, 'vote-outcome', 'Abgelehnt (Stimmengleichheit)');
    await shows(chair.page, 'vote-outcome', 'Rejected (tie)');

    expect(seats.flatMap((entry) => entry.problems)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
    await Promise.all(seats.map((entry) => entry.context.close()));
  });
});
