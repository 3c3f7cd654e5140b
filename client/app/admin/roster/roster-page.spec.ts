import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { rosterFilePath } from '@contract/roster-files';
import { GraphqlClient } from '../../shared/graphql-client';
import { guessFormat, INLINE_MAX_CHARS, RosterPage } from './roster-page';
import type { RosterImportDiffFieldsFragment } from './roster-import.generated';

const none = { count: 0, entries: [] };
const diff: RosterImportDiffFieldsFragment = {
  fingerprint: 'fp-1',
  empty: false,
  factionsAdded: none,
  factionsChanged: none,
  peopleAdded: { count: 1, entries: [{ externalId: 'P1', id: null, label: 'Nina Eu', fields: [{ field: 'username', before: null, after: 'n.eu' }] }] },
  peopleChanged: none,
  peopleEnded: none,
};

describe('RosterPage', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({ providers: [{ provide: GraphqlClient, useValue: graphql }, provideHttpClient(), provideHttpClientTesting()] });
  });

  const paste = async (page: HTMLElement, text: string) => {
    const area = page.querySelector<HTMLTextAreaElement>('#roster-text')!;
    area.value = text;
    area.dispatchEvent(new Event('input'));
  };

  it('guesses JSON from a leading brace', () => {
    expect(guessFormat('  {"people": []}')).toBe('JSON');
    expect(guessFormat('external_id;username')).toBe('CSV');
  });

  it('shows the differences, then applies with the preview’s fingerprint', async () => {
    graphql.request.and.returnValues(
      Promise.resolve({ previewRosterImport: { __typename: 'QueryPreviewRosterImportSuccess', data: diff } }),
      Promise.resolve({ applyRosterImport: { __typename: 'MutationApplyRosterImportSuccess', data: diff } }),
    );
    const fixture = TestBed.createComponent(RosterPage);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    await paste(page, 'external_id,username\nP1,n.eu');
    page.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="peopleAdded"]')?.textContent).toContain('Nina Eu');
    page.querySelector<HTMLButtonElement>('[data-testid="apply"]')!.click();
    await fixture.whenStable();
    expect(graphql.request.calls.mostRecent().args[1]).toEqual({
      format: 'CSV',
      content: 'external_id,username\nP1,n.eu',
      fileId: null,
      wholeRoster: false,
      fingerprint: 'fp-1',
    });
    expect(page.textContent).toContain('Applied.');
  });

  it('lists the problems by row and column and offers no apply', async () => {
    graphql.request.and.resolveTo({
      previewRosterImport: { __typename: 'InputError', message: 'x', issues: [{ path: ['line 3', 'faction'], message: 'there is no faction XYZ' }] },
    });
    const fixture = TestBed.createComponent(RosterPage);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    await paste(page, 'a,b\n1,2');
    page.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="issues"]')?.textContent).toContain('line 3 · faction');
    expect(page.querySelector<HTMLButtonElement>('[data-testid="apply"]')!.disabled).toBe(true);
  });

  it('says in words why a stale apply was refused', async () => {
    graphql.request.and.returnValues(
      Promise.resolve({ previewRosterImport: { __typename: 'QueryPreviewRosterImportSuccess', data: diff } }),
      Promise.resolve({ applyRosterImport: { __typename: 'RuleViolation', message: 'stale', rule: 'roster.import_stale' } }),
    );
    const fixture = TestBed.createComponent(RosterPage);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    await paste(page, 'external_id,username\nP1,n.eu');
    page.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    page.querySelector<HTMLButtonElement>('[data-testid="apply"]')!.click();
    await fixture.whenStable();
    expect(page.querySelector('.refusal')?.textContent).toContain('The roster has changed since the preview');
  });

  it('uploads a file too large for one request once, and names it by its id in the preview and the apply', async () => {
    graphql.request.and.returnValues(
      Promise.resolve({ previewRosterImport: { __typename: 'QueryPreviewRosterImportSuccess', data: diff } }),
      Promise.resolve({ applyRosterImport: { __typename: 'MutationApplyRosterImportSuccess', data: diff } }),
    );
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RosterPage);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    const big = `external_id,username\n${'P1,n.eu\n'.repeat(INLINE_MAX_CHARS / 8 + 10)}`;
    await paste(page, big);
    page.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    const upload = http.expectOne(rosterFilePath);
    expect(upload.request.headers.get('x-plenum-csrf')).toBe('1');
    expect(upload.request.body).toEqual({ format: 'csv', content: big });
    upload.flush({ fileId: 'f-1', characters: big.length, keptSeconds: 1800 }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(graphql.request.calls.mostRecent().args[1]).toEqual({ format: 'CSV', content: null, fileId: 'f-1', wholeRoster: false });
    page.querySelector<HTMLButtonElement>('[data-testid="apply"]')!.click();
    await fixture.whenStable();
    http.expectNone(rosterFilePath);
    expect(graphql.request.calls.mostRecent().args[1]).toEqual(jasmine.objectContaining({ fileId: 'f-1', content: null, fingerprint: 'fp-1' }));
    http.verify();
  });
});
