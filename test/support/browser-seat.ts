/**
 * A browser for an e2e scenario: a Chromium context in a locale, signed in as `username` through the
 * development provider (session cookie, no login form) or a visitor (null), whose console errors and
 * page errors are kept, prefixed with who saw them, for the test to assert none.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loginSession } from './oidc-login';

export interface BrowserSeat {
  readonly username: string | null;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
}

export interface SeatOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Granted to the page, e.g. microphone and camera for a seat that joins the media. */
  readonly permissions?: readonly string[];
  /** Where to keep the problems (shared by several seats); default: a list of this seat's own. */
  readonly problems?: string[];
}

export async function openSeat(browser: Browser, baseUrl: string, username: string | null, locale: string, options: SeatOptions = {}): Promise<BrowserSeat> {
  const context = await browser.newContext({
    locale,
    ...(options.viewport ? { viewport: { ...options.viewport } } : {}),
    ...(options.permissions ? { permissions: [...options.permissions] } : {}),
  });
  context.setDefaultTimeout(15_000);
  if (username) {
    const { cookie } = await loginSession(baseUrl, username);
    const [name = '', value = ''] = cookie.split('=');
    await context.addCookies([{ name, value, url: baseUrl }]);
  }
  const page = await context.newPage();
  const problems = options.problems ?? [];
  const who = username ?? 'visitor';
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${who}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${who}: ${error.message}`));
  return { username, context, page, problems };
}

/** Waits until an element with the test id contains the text and is visible. */
export async function shows(page: Page, testId: string, text: string | RegExp): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: text }).first().waitFor();
}
