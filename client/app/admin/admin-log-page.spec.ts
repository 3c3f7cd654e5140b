import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { GraphqlClient } from '../shared/graphql-client';
import { TranslationState } from '../i18n/translation-state';
import { AdminLogPage } from './admin-log-page';
import type { AdminLogResult } from './admin.generated';

describe('AdminLogPage', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: GraphqlClient, useValue: graphql }] });
    TestBed.inject(TranslationState).setLanguage('en');
  });

  it('lists the changes newest first with who, what and before and after, and the chain verified', async () => {
    const log: AdminLogResult = {
      adminLog: [
        {
          seq: 2,
          at: '2026-12-06T10:01:00.000Z',
          actorUsername: 'it.admin',
          action: 'faction.update',
          subject: 'faction:grn',
          before: { seats: 9 },
          after: { seats: 8 },
          hash: 'b'.repeat(64),
        },
        {
          seq: 1,
          at: '2026-12-06T10:00:00.000Z',
          actorUsername: 'it.admin',
          action: 'parliament.create',
          subject: 'parliament',
          before: null,
          after: { name: 'Rat' },
          hash: 'a'.repeat(64),
        },
      ],
      adminLogCount: 2,
      adminLogVerification: { ok: true, entries: 2, head: 'b'.repeat(64), brokenAtSeq: null, problem: null },
    };
    graphql.request.and.resolveTo(log);
    const fixture = TestBed.createComponent(AdminLogPage);
    await fixture.whenStable();
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;

    const rows = page.querySelectorAll('[data-testid="admin-log-row"]');
    expect(rows.length).toBe(2);
    expect(rows[0]?.textContent).toContain('faction.update');
    expect(rows[0]?.textContent).toContain('"seats": 8');
    expect(page.querySelector('[data-testid="admin-log-verification"]')?.textContent).toContain('Chain intact: 2 entries');
    expect(page.querySelector('[data-testid="admin-log-export"]')?.getAttribute('href')).toBe('/api/admin-log.json');
  });

  it('says when the chain is broken', async () => {
    graphql.request.and.resolveTo({
      adminLog: [],
      adminLogCount: 0,
      adminLogVerification: { ok: false, entries: null, head: null, brokenAtSeq: 3, problem: 'hash_mismatch: entry 3 was changed' },
    } satisfies AdminLogResult);
    const fixture = TestBed.createComponent(AdminLogPage);
    await fixture.whenStable();
    fixture.detectChanges();
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('broken at entry 3');
  });
});
