import { Location } from '@angular/common';
import { provideLocationMocks } from '@angular/common/testing';
import { TestBed } from '@angular/core/testing';
import { SignInPage, signInUrl } from './sign-in-page';

describe('SignInPage', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideLocationMocks()] });
  });

  async function render(path: string, sessionEnded = false): Promise<HTMLElement> {
    TestBed.inject(Location).go(path);
    const fixture = TestBed.createComponent(SignInPage);
    fixture.componentRef.setInput('sessionEnded', sessionEnded);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('links to the server sign-in with the current page to come back to', async () => {
    const page = await render('/sittings/sitting-42');

    const link = page.querySelector<HTMLAnchorElement>('a[data-testid="sign-in"]');
    expect(link?.textContent?.trim()).toBe('Sign in');
    expect(link?.getAttribute('href')).toBe('/auth/login?returnTo=%2Fsittings%2Fsitting-42');
    expect(page.querySelector('h1')?.textContent).toBe('Plenum');
  });

  it('returns to the start page from the root, and keeps query strings', () => {
    expect(signInUrl('')).toBe('/auth/login?returnTo=%2F');
    expect(signInUrl('/sittings?year=2026')).toBe('/auth/login?returnTo=%2Fsittings%3Fyear%3D2026');
  });

  it('explains when an earlier session has ended', async () => {
    expect((await render('/')).textContent).not.toContain('session has ended');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideLocationMocks()] });
    expect((await render('/', true)).textContent).toContain('Your session has ended');
  });
});
