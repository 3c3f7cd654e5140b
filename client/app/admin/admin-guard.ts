import { inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { Router, type CanActivateFn } from '@angular/router';
import { filter, firstValueFrom } from 'rxjs';
import { ViewerState } from '../auth/viewer-state';

/**
 * The back office is parliament IT's: anyone else is sent to the start page. Waits for the shell's
 * question "who is this" when the page is opened directly; the server refuses the API calls anyway.
 */
export const itAdminGuard: CanActivateFn = async () => {
  const viewerState = inject(ViewerState);
  const router = inject(Router);
  const status = toObservable(viewerState.status);
  await firstValueFrom(status.pipe(filter((s) => s !== 'loading')));
  return viewerState.viewer()?.roles.includes('IT_ADMIN') ? true : router.parseUrl('/');
};
