import type { Routes } from '@angular/router';

/**
 * The first path segments of pages anyone may open without signing in: the shell shows them
 * without checking the sign-in first.
 */
export const publicSections: ReadonlySet<string> = new Set(['watch']);

/** Whether a URL ('/watch/sitting-42?x#y') is one of a page open to everyone. */
export function isPublicUrl(url: string): boolean {
  const first = url.replace(/^\/+/, '').split(/[/?#;(]/, 1)[0] ?? '';
  return publicSections.has(first);
}

export const appRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Sittings · Plenum',
    loadComponent: () => import('./sitting/sitting-list-page').then((m) => m.SittingListPage),
  },
  {
    path: 'sittings/:id',
    title: 'Sitting · Plenum',
    loadComponent: () => import('./sitting/sitting-page').then((m) => m.SittingPage),
  },
  {
    path: 'sittings/:id/chair',
    title: 'Chair console · Plenum',
    loadComponent: () => import('./chair/chair-page').then((m) => m.ChairPage),
  },
  {
    path: 'sittings/:id/desk',
    title: 'Clerk’s desk · Plenum',
    loadComponent: () => import('./desk/desk-page').then((m) => m.DeskPage),
  },
  {
    path: 'sittings/:id/chamber',
    title: 'Chamber · Plenum',
    loadComponent: () => import('./chamber/chamber-page').then((m) => m.ChamberPage),
  },
  {
    path: 'sittings/:id/booth',
    title: 'Interpreter booth · Plenum',
    loadComponent: () => import('./booth/booth-page').then((m) => m.BoothPage),
  },
  { path: 'admin', loadChildren: () => import('./admin/admin-routes').then((m) => m.adminRoutes) },
  {
    // The public viewer: no sign-in (see publicSections).
    path: 'watch/:id',
    title: 'Live · Plenum',
    loadComponent: () => import('./watch/watch-page').then((m) => m.WatchPage),
  },
  {
    path: '**',
    title: 'Page not found · Plenum',
    loadComponent: () => import('./shell/not-found-page').then((m) => m.NotFoundPage),
  },
];
