import { inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { Router, type CanActivateFn } from '@angular/router';
import { filter, firstValueFrom } from 'rxjs';
import { ViewerState, type Viewer } from '../auth/viewer-state';
import type { Role } from '../shared/graphql-schema.generated';

/** The back office's sections and who may use each (the server refuses the API calls of anyone else anyway). */
export const adminSections = [
  { path: 'parliament', roles: ['IT_ADMIN'] },
  { path: 'roster', roles: ['IT_ADMIN'] },
  { path: 'booths', roles: ['IT_ADMIN'] },
  { path: 'sittings', roles: ['IT_ADMIN', 'CLERK', 'CHAIR'] },
  { path: 'log', roles: ['IT_ADMIN'] },
] as const satisfies readonly { path: string; roles: readonly Role[] }[];

export type AdminSection = (typeof adminSections)[number]['path'];

/** The sections someone with these roles may use, in the order of the nav. */
export function sectionsFor(roles: readonly Role[]): AdminSection[] {
  return adminSections.filter((s) => s.roles.some((r) => roles.includes(r))).map((s) => s.path);
}

/** Waits for the shell's question "who is this" when the page is opened directly. */
async function knownViewer(): Promise<Viewer | null> {
  const viewerState = inject(ViewerState);
  await firstValueFrom(toObservable(viewerState.status).pipe(filter((s) => s !== 'loading')));
  return viewerState.viewer();
}

/** Lets in whoever holds one of `roles`; anyone else is sent to the start page. */
export function backOfficeGuard(roles: readonly Role[]): CanActivateFn {
  return async () => {
    const router = inject(Router);
    const viewer = await knownViewer();
    return viewer?.roles.some((r) => roles.includes(r)) ? true : router.parseUrl('/');
  };
}

/** The back office as a whole: anyone who may use one of its sections. */
export const backOfficeUserGuard: CanActivateFn = backOfficeGuard([...new Set(adminSections.flatMap((s) => s.roles))]);

/** Parliament IT's sections. */
export const itAdminGuard: CanActivateFn = backOfficeGuard(['IT_ADMIN']);

/** /admin itself: the first section the user may use (parliament IT: the parliament; clerks and the chair: sittings). */
export const firstSectionGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const viewer = await knownViewer();
  const first = sectionsFor(viewer?.roles ?? [])[0];
  return router.parseUrl(first ? `/admin/${first}` : '/');
};

/** A section's guard, by its path in adminSections. */
export const sectionGuard = (path: AdminSection): CanActivateFn => backOfficeGuard(adminSections.find((s) => s.path === path)?.roles ?? []);
