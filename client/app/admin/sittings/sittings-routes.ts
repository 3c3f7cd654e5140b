import type { Routes } from '@angular/router';

/** The sittings and their agendas, for the /admin shell to mount (`{ path: 'sittings', children: sittingsRoutes }`). */
export const sittingsRoutes: Routes = [
  { path: '', loadComponent: () => import('./sittings-page').then((m) => m.SittingsPage) },
  { path: ':id', title: 'Agenda · Plenum', loadComponent: () => import('./agenda-page').then((m) => m.AgendaPage) },
];
