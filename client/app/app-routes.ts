import type { Routes } from '@angular/router';

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
    path: 'sittings/:id/chamber',
    title: 'Chamber · Plenum',
    loadComponent: () => import('./chamber/chamber-page').then((m) => m.ChamberPage),
  },
  {
    path: 'sittings/:id/booth',
    title: 'Interpreter booth · Plenum',
    loadComponent: () => import('./booth/booth-page').then((m) => m.BoothPage),
  },
  {
    path: '**',
    title: 'Page not found · Plenum',
    loadComponent: () => import('./shell/not-found-page').then((m) => m.NotFoundPage),
  },
];
