import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';

/** How often the clocks on screen move on; twice a second keeps the seconds close to the server's. */
const tickMilliseconds = 500;

/**
 * The server's time as far as the browser can tell: the local clock, ticking, corrected by the offset
 * seen in the last procedure the server sent (`serverTime`). Speech clocks, vote and break countdowns
 * read `now()` so that a browser with a wrong clock still shows the chamber's time.
 */
@Injectable({ providedIn: 'root' })
export class ServerClock {
  private readonly localNowSignal = signal(Date.now());
  private readonly offsetSignal = signal(0);

  /** Milliseconds since the epoch on the server's clock. */
  readonly now = computed(() => this.localNowSignal() + this.offsetSignal());
  /** Server time minus local time, in milliseconds. */
  readonly offset = this.offsetSignal.asReadonly();

  constructor() {
    const timer = setInterval(() => this.localNowSignal.set(Date.now()), tickMilliseconds);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  /** Takes the server's time from a procedure just received. */
  sync(serverTime: string, receivedAt = Date.now()): void {
    const server = Date.parse(serverTime);
    if (!Number.isNaN(server)) {
      this.offsetSignal.set(server - receivedAt);
      this.localNowSignal.set(receivedAt);
    }
  }
}
