import type { Routes } from '@angular/router';
import { backOfficeUserGuard, firstSectionGuard, sectionGuard } from './admin-guard';
import { rosterRoutes } from './roster/roster-routes';
import { sittingsRoutes } from './sittings/sittings-routes';

/** /admin: the back office; each section for the roles adminSections names (its nav shows only those). */
export const adminRoutes: Routes = [
  {
    path: '',
    canActivate: [backOfficeUserGuard],
    loadComponent: () => import('./admin-shell').then((m) => m.AdminShell),
    children: [
      { path: '', pathMatch: 'full', canActivate: [firstSectionGuard], children: [] },
      {
        path: 'parliament',
        title: 'Parliament settings · Plenum',
        canActivate: [sectionGuard('parliament')],
        loadComponent: () => import('./parliament-settings-page').then((m) => m.ParliamentSettingsPage),
      },
      { path: 'roster', title: 'Roster · Plenum', canActivate: [sectionGuard('roster')], children: rosterRoutes },
      { path: 'sittings', title: 'Sittings · Plenum', canActivate: [sectionGuard('sittings')], children: sittingsRoutes },
      {
        path: 'booths',
        title: 'Booths · Plenum',
        canActivate: [sectionGuard('booths')],
        loadComponent: () => import('./booths/booths-page').then((m) => m.BoothsPage),
      },
      {
        path: 'log',
        title: 'Admin log · Plenum',
        canActivate: [sectionGuard('log')],
        loadComponent: () => import('./admin-log-page').then((m) => m.AdminLogPage),
      },
    ],
  },
];
