import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { demoSittings } from '../../testing/demo-parliament';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlRequestError } from '../shared/graphql-error';
import { SittingListPage } from './sitting-list-page';

describe('SittingListPage', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: GraphqlClient, useValue: graphql }] });
  });

  it('lists each sitting with number, linked title, start and state', async () => {
    graphql.request.and.resolveTo({ sittings: demoSittings() });
    const fixture = TestBed.createComponent(SittingListPage);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;

    const row = page.querySelector('[data-testid="sitting-row"]');
    expect(row?.textContent).toContain('42');
    expect(row?.textContent).toContain('Scheduled');
    const link = row?.querySelector('a');
    expect(link?.textContent?.trim()).toBe('42nd plenary sitting');
    expect(link?.getAttribute('href')).toBe('/sittings/sitting-42');
  });

  it('shows why the list could not be loaded', async () => {
    graphql.request.and.rejectWith(new GraphqlRequestError('Sittings', [{ message: 'Database unavailable', code: 'INTERNAL', path: null }], 200));
    const fixture = TestBed.createComponent(SittingListPage);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;

    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Database unavailable (INTERNAL)');
  });
});
