import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { chromiumArgs, chromiumPath } from '../support/chromium';

// The real thing end to end: the built client served by the server, the development OpenID provider,
// a fixture member signing in through its login form in headless Chromium, the sitting on screen.
describe('a member signs in and sees the sitting', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_WORKERS: '1' } });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('through the development OpenID provider', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${t.baseUrl}/sittings/sitting-42`);
    await page.getByTestId('sign-in').click();
    await page.waitForURL(/\/oidc\/interaction\//);
    await page.locator('input[name="username"]').fill('a.keller');
    await page.locator('input[name="password"]').fill('plenum');
    await page.locator('button[type="submit"], input[type="submit"]').first().click();

    await page.waitForURL(`${t.baseUrl}/sittings/sitting-42`);
    await expect.poll(() => page.getByTestId('sitting-title').textContent()).toContain('42nd plenary sitting');
    await expect.poll(() => page.getByTestId('viewer-name').textContent()).toContain('Anna Keller');
    const items = await page.getByTestId('agenda-item').allTextContents();
    expect(items).toHaveLength(6);
    expect(items[1]).toContain('Budget Act 2027');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses a wrong password and signs nobody in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/auth/login?returnTo=/`);
    await page.locator('input[name="username"]').fill('a.keller');
    await page.locator('input[name="password"]').fill('wrong');
    await page.locator('button[type="submit"], input[type="submit"]').first().click();
    await expect.poll(() => page.content()).toMatch(/invalid|wrong|incorrect/i);
    expect(page.url()).toContain('/oidc/');
    const cookies = await context.cookies(t.baseUrl);
    expect(cookies.find((c) => c.name === 'plenum_session')).toBeUndefined();
    await context.close();
  });
});
