import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, type ActivatedRouteSnapshot, type RouterStateSnapshot, type UrlTree } from '@angular/router';
import { ViewerState, type Viewer, type ViewerStatus } from '../auth/viewer-state';
import { firstSectionGuard, itAdminGuard, sectionGuard, sectionsFor } from './admin-guard';

function viewerWith(roles: Viewer['roles']): Viewer {
  return { username: 'someone', name: 'Someone', roles, person: null };
}

describe('itAdminGuard', () => {
  const status = signal<ViewerStatus>('loading');
  const viewer = signal<Viewer | null>(null);

  beforeEach(() => {
    status.set('loading');
    viewer.set(null);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: ViewerState, useValue: jasmine.createSpyObj<ViewerState>('ViewerState', [], { viewer: viewer.asReadonly(), status: status.asReadonly() }) },
      ],
    });
  });

  const runGuard = (guard: typeof itAdminGuard) =>
    TestBed.runInInjectionContext(() => guard({} as ActivatedRouteSnapshot, {} as RouterStateSnapshot)) as Promise<boolean | UrlTree>;
  const run = () => runGuard(itAdminGuard);
  const url = (decision: boolean | UrlTree) => TestBed.inject(Router).serializeUrl(decision as UrlTree);

  it('lets parliament IT in once the sign-in is known', async () => {
    const decision = run();
    viewer.set(viewerWith(['IT_ADMIN']));
    status.set('signed-in');
    TestBed.tick();
    expect(await decision).toBeTrue();
  });

  it('sends everyone else to the start page', async () => {
    viewer.set(viewerWith(['CLERK', 'MEMBER']));
    status.set('signed-in');
    const decision = await run();
    expect(TestBed.inject(Router).serializeUrl(decision as UrlTree)).toBe('/');
  });

  it('lets clerks and the chair into the sittings only, and sends each to the first section they may use', async () => {
    viewer.set(viewerWith(['CLERK']));
    status.set('signed-in');
    expect(await runGuard(sectionGuard('sittings'))).toBeTrue();
    expect(url(await runGuard(sectionGuard('roster')))).toBe('/');
    expect(url(await runGuard(firstSectionGuard))).toBe('/admin/sittings');

    viewer.set(viewerWith(['MEMBER', 'CHAIR']));
    expect(await runGuard(sectionGuard('sittings'))).toBeTrue();
    expect(url(await runGuard(sectionGuard('log')))).toBe('/');

    viewer.set(viewerWith(['IT_ADMIN']));
    expect(url(await runGuard(firstSectionGuard))).toBe('/admin/parliament');

    viewer.set(viewerWith(['MEMBER']));
    expect(url(await runGuard(firstSectionGuard))).toBe('/');
  });

  it('names the sections of the nav by role', () => {
    expect(sectionsFor(['IT_ADMIN'])).toEqual(['parliament', 'roster', 'booths', 'sittings', 'log']);
    expect(sectionsFor(['CLERK'])).toEqual(['sittings']);
    expect(sectionsFor(['CHAIR', 'MEMBER'])).toEqual(['sittings']);
    expect(sectionsFor(['MODERATOR', 'MEMBER', 'INTERPRETER'])).toEqual([]);
  });
});
