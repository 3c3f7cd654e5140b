import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslationState, browserLanguages, languageStorage } from '../i18n/translation-state';
import { GraphqlClient } from '../shared/graphql-client';
import { FRONT_REFRESH_MS, FrontPage } from './front-page';
import { frontSittingsQuery } from './front.generated';
import { frontGroups, type FrontSitting } from './front-sittings';

const sitting = (id: string, number: number, phase: FrontSitting['phase'], startsAt: string, more: Partial<FrontSitting> = {}): FrontSitting => ({
  id,
  number,
  title: `${number}. Sitzung`,
  startsAt,
  phase,
  postponedFrom: null,
  cancelReason: null,
  live: phase === 'OPEN',
  hasRecording: false,
  protocolUrl: null,
  ...more,
});

const sittings: FrontSitting[] = [
  sitting('s-40', 40, 'CLOSED', '2026-11-01T08:00:00.000Z', { hasRecording: true, protocolUrl: '/api/public/sittings/s-40/protocol.pdf?lang=de' }),
  sitting('s-41', 41, 'CLOSED', '2026-11-15T08:00:00.000Z', { protocolUrl: '/api/public/sittings/s-41/protocol.pdf?lang=de' }),
  sitting('s-42', 42, 'OPEN', '2026-12-03T08:00:00.000Z'),
  sitting('s-44', 44, 'SCHEDULED', '2027-01-20T08:00:00.000Z'),
  sitting('s-43', 43, 'SCHEDULED', '2026-12-17T08:00:00.000Z'),
  sitting('s-45', 45, 'CANCELLED', '2027-02-03T08:00:00.000Z', { cancelReason: 'Wegen der Wahlprüfung entfällt die Sitzung.' }),
];

describe('the front door', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    graphql.request.and.resolveTo({ publicSittings: sittings });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: GraphqlClient, useValue: graphql },
        { provide: browserLanguages, useValue: ['de-DE'] },
        { provide: languageStorage, useValue: null },
      ],
    });
  });

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(FrontPage);
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const ids = (el: Element | null) => [...(el?.querySelectorAll('[data-testid="front-sitting"]') ?? [])].map((e) => e.getAttribute('data-sitting'));

  it('groups the sittings: live now, upcoming soonest first, past newest first', () => {
    const groups = frontGroups(sittings);
    expect(groups.live.map((s) => s.id)).toEqual(['s-42']);
    expect(groups.upcoming.map((s) => s.id)).toEqual(['s-43', 's-44']);
    expect(groups.past.map((s) => s.id)).toEqual(['s-41', 's-40']);
    expect(groups.cancelled.map((s) => s.id)).toEqual(['s-45']);
  });

  it('shows a cancelled sitting as cancelled, with its reason, and not as upcoming', async () => {
    const page = await render();
    const cancelled = page.querySelector('[data-testid="front-cancelled"]');
    expect(ids(cancelled)).toEqual(['s-45']);
    expect(cancelled?.textContent).toContain('Abgesagt');
    expect(cancelled?.textContent).toContain('Wegen der Wahlprüfung');
    expect(cancelled?.querySelector('a')).toBeNull();
    expect(ids(page.querySelector('[data-testid="front-upcoming"]'))).not.toContain('s-45');
  });

  it('lists them with the way to watch each, the recording and the protocol, and the way to sign in', async () => {
    const page = await render();
    expect(ids(page.querySelector('[data-testid="front-live"]'))).toEqual(['s-42']);
    expect(ids(page.querySelector('[data-testid="front-upcoming"]'))).toEqual(['s-43', 's-44']);
    expect(ids(page.querySelector('[data-testid="front-past"]'))).toEqual(['s-41', 's-40']);

    const live = page.querySelector<HTMLAnchorElement>('[data-testid="watch-live"]');
    expect(live?.getAttribute('href')).toBe('/watch/s-42');
    expect(live?.getAttribute('aria-label')).toBe('Live ansehen: 42. Sitzung');
    const recordings = page.querySelectorAll<HTMLAnchorElement>('[data-testid="watch-recording"]');
    expect([...recordings].map((a) => a.getAttribute('href'))).toEqual(['/watch/s-40']);
    const protocols = page.querySelectorAll<HTMLAnchorElement>('[data-testid="protocol-link"]');
    expect([...protocols].map((a) => a.getAttribute('href'))).toEqual([
      '/api/public/sittings/s-41/protocol.pdf?lang=de',
      '/api/public/sittings/s-40/protocol.pdf?lang=de',
    ]);
    expect(page.querySelector('[data-testid="front-past"]')?.textContent).toContain('Keine Aufzeichnung');
    expect(page.querySelector<HTMLAnchorElement>('[data-testid="sign-in"]')?.getAttribute('href')).toBe('/auth/login?returnTo=%2F');
    expect(page.querySelector('h1')?.textContent).toContain('Sitzungen');
    expect(graphql.request.calls.mostRecent().args[1]).toEqual({ lang: 'DE' });
  });

  it('speaks English, and asks for the protocols in it', async () => {
    const page = await render();
    TestBed.inject(TranslationState).setLanguage('en');
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
    expect(page.querySelector('h1')?.textContent).toContain('Sittings');
    expect(page.querySelector('[data-testid="front-live"] h2')?.textContent).toContain('Live now');
    expect(graphql.request.calls.mostRecent().args[1]).toEqual({ lang: 'EN' });
  });

  it('says so when there is nothing, and offers to try again after a failure', async () => {
    graphql.request.and.rejectWith(new Error('offline'));
    const page = await render();
    expect(page.querySelector('plenum-error-notice')).not.toBeNull();
    graphql.request.and.resolveTo({ publicSittings: [] });
    page.querySelector<HTMLButtonElement>('main > button')?.click();
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
    expect(page.textContent).toContain('Zurzeit wird keine Sitzung übertragen.');
    expect(page.textContent).toContain('Es ist keine Sitzung geplant.');
    expect(page.textContent).toContain('Es hat noch keine Sitzung stattgefunden.');
  });

  it('asks again every little while, so a sitting going live shows without a reload', async () => {
    jasmine.clock().install();
    try {
      const fixture = TestBed.createComponent(FrontPage);
      fixture.detectChanges();
      const asked = () => graphql.request.calls.allArgs().filter(([op]) => op === frontSittingsQuery).length;
      const first = asked();
      graphql.request.and.resolveTo({ publicSittings: [sitting('s-44', 44, 'OPEN', '2026-12-18T08:00:00.000Z')] });
      jasmine.clock().tick(FRONT_REFRESH_MS);
      expect(asked()).toBe(first + 1);
      fixture.destroy();
      jasmine.clock().tick(FRONT_REFRESH_MS * 3);
      expect(asked()).toBe(first + 1);
    } finally {
      jasmine.clock().uninstall();
    }
  });
});
