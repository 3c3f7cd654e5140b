import type { Routes } from '@angular/router';
import { itAdminGuard } from './admin-guard';
import { rosterRoutes } from './roster/roster-routes';

/** /admin: the back office, for parliament IT. Only sections that exist are listed in its nav. */
export const adminRoutes: Routes = [
  {
    path: '',
    canActivate: [itAdminGuard],
    loadComponent: () => import('./admin-shell').then((m) => m.AdminShell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'parliament' },
      {
        path: 'parliament',
        title: 'Parliament settings · Plenum',
        loadComponent: () => import('./parliament-settings-page').then((m) => m.ParliamentSettingsPage),
      },
      { path: 'roster', title: 'Roster · Plenum', children: rosterRoutes },
      { path: 'booths', title: 'Booths · Plenum', loadComponent: () => import('./booths/booths-page').then((m) => m.BoothsPage) },
      {
        path: 'log',
        title: 'Admin log · Plenum',
        loadComponent: () => import('./admin-log-page').then((m) => m.AdminLogPage),
      },
    ],
  },
];
