import type { Routes } from '@angular/router';

/** The roster page, for the /admin shell to mount (e.g. `{ path: 'roster', children: rosterRoutes }`). */
export const rosterRoutes: Routes = [{ path: '', loadComponent: () => import('./roster-page').then((m) => m.RosterPage) }];
