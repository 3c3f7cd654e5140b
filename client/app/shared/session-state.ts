import { Injectable, signal } from '@angular/core';

/**
 * Whether the server still knows this browser. Both GraphQL transports mark the session lost when
 * the server answers UNAUTHENTICATED; the shell then shows the sign-in page. Signing in is a full
 * page load, so the flag never needs to go back.
 */
@Injectable({ providedIn: 'root' })
export class SessionState {
  private readonly lostSignal = signal(false);

  readonly lost = this.lostSignal.asReadonly();

  markLost(): void {
    this.lostSignal.set(true);
  }
}
