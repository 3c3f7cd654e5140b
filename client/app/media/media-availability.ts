import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';

/**
 * Whether this server runs media at all. A deployment (or a test) without media workers has no
 * /media socket; opening one anyway fails with a console error on every retry.
 *
 * NOTE: read from /healthz (`checks.media.disabled`) until the API says it; anything unclear
 * counts as available, so a server that has media is never taken for one that has none.
 */
export const mediaAvailable = new InjectionToken<() => Promise<boolean>>('media available', {
  providedIn: 'root',
  factory: () => {
    const fetchFn = inject(DOCUMENT).defaultView?.fetch.bind(inject(DOCUMENT).defaultView);
    return async () => {
      try {
        const response = await fetchFn?.('/healthz', { cache: 'no-store', headers: { accept: 'application/json' } });
        const body: unknown = await response?.json();
        return !mediaDisabledIn(body);
      } catch {
        return true;
      }
    };
  },
});

/** True only when a /healthz body says in so many words that media are disabled. */
export function mediaDisabledIn(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) {
    return false;
  }
  const media = (body as { checks?: { media?: { disabled?: unknown } } }).checks?.media;
  return media?.disabled === true;
}
