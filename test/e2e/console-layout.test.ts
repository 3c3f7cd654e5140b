import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { seriousViolations } from '../support/axe';
import { takeSeat, type Seat } from '../support/chamber-seat';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import path from 'node:path';

// The chair console and the member view where it counts: at 1440×900 the console's essentials (the
// floor, the speaker list, points of order, the open vote or last result, the chair's own seat) are
// within the first screen; at 390×844 the member view never scrolls sideways; axe finds nothing
// serious or critical on either, at both sizes, in English and German. Along the way: closing a
// vote asks first, a member is told the decision on their point of order, and after closing the
// sitting every control is disabled with the reason.

/** PLENUM_SCREENSHOTS=<dir> keeps a screenshot of each state checked (for looking, not for asserting). */
const shots = process.env.PLENUM_SCREENSHOTS ?? null;
const wide = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };

describe('the console and the member view fit their screens', () => {
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

  async function seat(username: string): Promise<Seat> {
    const entry = await takeSeat(browser, t.baseUrl, username);
    await entry.page.setViewportSize(wide);
    seats.push(entry);
    return entry;
  }

  /** The element lies wholly within the first screen (the page is scrolled to the top). */
  async function inFirstScreen(page: Page, element: Locator): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await element.boundingBox();
    const height = page.viewportSize()?.height ?? 0;
    expect(box, 'rendered').not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
  }

  /** Heading and first lines of a panel within the first screen (a long list may go on below). */
  async function panelStartsInFirstScreen(page: Page, testId: string): Promise<void> {
    await inFirstScreen(page, page.getByTestId(testId).locator('h2').first());
  }

  /** No sideways scrolling, and axe finds nothing serious, in both languages at both sizes. */
  async function checkBothSizes(page: Page, what: string, phoneOnly = false): Promise<void> {
    for (const language of ['de', 'en']) {
      await page.getByTestId(`language-${language}`).first().click();
      for (const size of phoneOnly ? [phone] : [wide, phone]) {
        await page.setViewportSize(size);
        if (size === phone) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${what} ${language} sideways at 390`).toBe(0);
        }
        expect(await seriousViolations(page), `${what} ${language} ${size.width}`).toEqual([]);
        if (shots) await page.screenshot({ path: path.join(shots, `${what.replaceAll(' ', '-')}-${language}-${size.width}.png`), fullPage: size === phone });
      }
    }
    await page.setViewportSize(wide);
  }

  it('holds through a debate, a point of order, a vote and the close', { timeout: 240_000 }, async () => {
    const [chair, brandt, vogel] = await Promise.all([seat('a.keller'), seat('j.brandt'), seat('l.vogel')]);

    await chair.page.goto(`${t.baseUrl}/sittings/sitting-42/chair`);
    await chair.page.getByTestId('open-sitting').click();
    await chair.page.locator('[data-testid="sitting-phase"][data-state="OPEN"]').waitFor();
    await chair.page.getByTestId('tab-agenda').click();
    await chair.page.getByTestId('call-item-2').click();
    await chair.page.getByTestId('chair-join').click();
    await chair.page.getByTestId('chair-present').waitFor();

    // Before joining, the member view does not claim a connection it is not counted in.
    await vogel.page.goto(`${t.baseUrl}/sittings/sitting-42/chamber`);
    await vogel.page.getByTestId('join-sitting').waitFor();
    await checkBothSizes(vogel.page, 'member view before joining', true);
    await brandt.page.goto(`${t.baseUrl}/sittings/sitting-42/chamber`);
    for (const member of [brandt, vogel]) {
      await member.page.getByTestId('join-sitting').click();
      await member.page.getByTestId('present').waitFor();
    }

    // Brandt speaks; Vogel raises a point of order: the console shows all of it on one screen.
    await brandt.page.getByTestId('request-speech').click();
    await chair.page.getByTestId('chair-speaker').filter({ hasText: 'Jonas Brandt' }).waitFor();
    await chair.page.getByTestId('next-speaker').click();
    await brandt.page.getByTestId('you-have-the-floor').waitFor();
    await vogel.page.getByTestId('point-category').selectOption({ index: 1 });
    await vogel.page.getByTestId('point-text').fill('Antrag auf Schluss der Aussprache.');
    await vogel.page.getByTestId('raise-point').click();
    await chair.page.getByTestId('point-of-order').first().waitFor();
    for (const language of ['de', 'en']) {
      await chair.page.getByTestId(`language-${language}`).first().click();
      for (const panel of ['floor-panel', 'points-panel', 'speakers-panel', 'vote-essentials', 'seat-panel', 'events-panel']) {
        await panelStartsInFirstScreen(chair.page, panel);
      }
      for (const control of ['next-speaker', 'end-floor', 'decide-point', 'chair-leave', 'media-status']) {
        await inFirstScreen(chair.page, chair.page.getByTestId(control).first());
      }
    }
    await checkBothSizes(chair.page, 'console with the floor and a point of order');
    await checkBothSizes(brandt.page, 'member view on the floor', true);

    // The chair rejects the point: Vogel is told so.
    const point = chair.page.getByTestId('point-of-order').filter({ hasText: 'Leonie Vogel' });
    await point.getByTestId('point-decision').selectOption('REJECTED');
    await point.getByTestId('decide-point').click();
    await vogel.page.locator('[data-testid="point-decision"][data-decision="REJECTED"]').waitFor();
    await checkBothSizes(vogel.page, 'member view with a decision', true);

    // A named vote: the open vote and the chair's own ballot on the first screen.
    await chair.page.getByTestId('end-floor').click();
    await chair.page.getByTestId('confirm-end-floor').click();
    await chair.page.getByTestId('tab-votes').click();
    const title = 'Referral of the Budget Act 2027 to the budget committee';
    await chair.page.getByTestId('vote-title').fill(title);
    await chair.page.getByTestId('vote-kind-named').check();
    await chair.page.getByTestId('prepare-vote').click();
    await chair.page.getByTestId('vote-draft').filter({ hasText: title }).getByTestId('open-vote').click();
    await chair.page.getByTestId('open-vote-panel').waitFor();
    await inFirstScreen(chair.page, chair.page.getByTestId('close-vote'));
    await inFirstScreen(chair.page, chair.page.getByTestId('seat-panel').getByTestId('vote-option-yes'));
    await checkBothSizes(chair.page, 'console with an open vote');
    await checkBothSizes(vogel.page, 'member view with an open vote', true);
    for (const [member, option] of [
      [brandt, 'yes'],
      [vogel, 'no'],
      [chair, 'yes'],
    ] as const) {
      await member.page.getByTestId(`vote-option-${option}`).first().click();
      await member.page.getByTestId('confirm-vote').click();
      await member.page.getByTestId('you-voted').first().waitFor();
    }

    // Closing asks first; "keep it open" keeps it open.
    await chair.page.getByTestId('close-vote').click();
    await chair.page.getByTestId('keep-close-vote').click();
    await chair.page.getByTestId('open-vote-panel').waitFor();
    await chair.page.getByTestId('close-vote').click();
    await chair.page.getByTestId('confirm-close-vote').click();
    await chair.page.getByTestId('open-vote-panel').waitFor({ state: 'detached' });
    await inFirstScreen(chair.page, chair.page.getByTestId('last-result').getByTestId('vote-outcome'));
    await vogel.page.getByTestId('vote-result').first().waitFor();
    await checkBothSizes(chair.page, 'console with the result');
    await checkBothSizes(vogel.page, 'member view with the result (by faction)', true);

    // Closed: every control in the essentials is disabled, with the reason.
    await chair.page.getByTestId('close-sitting').click();
    await chair.page.getByTestId('confirm-close-sitting').click();
    await chair.page.getByTestId('console-locked').filter({ hasText: 'The sitting is closed.' }).waitFor();
    const live = await chair.page
      .getByTestId('console-essentials')
      .locator('button, select, input, textarea')
      .evaluateAll((controls) => controls.filter((control) => !control.matches(':disabled')).map((control) => control.outerHTML));
    expect(live).toEqual([]);
    await checkBothSizes(chair.page, 'closed console');

    expect(seats.flatMap((entry) => entry.problems)).toEqual([]);
  });
});
