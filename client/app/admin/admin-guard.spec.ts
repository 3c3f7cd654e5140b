import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, type ActivatedRouteSnapshot, type RouterStateSnapshot, type UrlTree } from '@angular/router';
import { ViewerState, type Viewer, type ViewerStatus } from '../auth/viewer-state';
import { itAdminGuard } from './admin-guard';

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

  const run = () => TestBed.runInInjectionContext(() => itAdminGuard({} as ActivatedRouteSnapshot, {} as RouterStateSnapshot)) as Promise<boolean | UrlTree>;

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
});
