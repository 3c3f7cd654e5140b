import { InjectionToken, inject } from '@angular/core';
import { ArrangementsState } from './arrangements-state';

/**
 * Whether this server carries the sitting's audio and video at all. A deployment (or a test)
 * without media workers has no /media socket; opening one anyway fails with a console error on
 * every retry. The API says it as `Chamber.mediaAvailable`, fetched with the chamber's
 * arrangements; specs hand in a stand-in.
 */
export const mediaAvailable = new InjectionToken<(sittingId: string) => Promise<boolean>>('media available', {
  providedIn: 'root',
  factory: () => {
    const arrangements = inject(ArrangementsState);
    return (sittingId) => arrangements.mediaAvailable(sittingId);
  },
});
