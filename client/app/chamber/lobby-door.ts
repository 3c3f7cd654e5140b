import { Injectable, computed, signal } from '@angular/core';
import type { MyAdmissionResult } from './lobby-wait.generated';

export type MyAdmission = NonNullable<NonNullable<MyAdmissionResult['sitting']>['myAdmission']>;

/**
 * Where the signed-in person stands at the door of the loaded sitting (the lobby): on the roster, waiting,
 * admitted, declined, removed. The chamber starts its media only for those who may be inside.
 */
@Injectable({ providedIn: 'root' })
export class LobbyDoor {
  private readonly state = signal<{ readonly sittingId: string; readonly admission: MyAdmission | null } | null>(null);

  readonly admission = computed(() => this.state()?.admission ?? null);

  /** Not yet known counts as outside: a media socket refused once is not retried, so it waits for the answer. */
  mayEnter(sittingId: string): boolean {
    const s = this.state();
    if (s === null || s.sittingId !== sittingId || s.admission === null) return false;
    return s.admission.status === 'ON_ROSTER' || s.admission.status === 'ADMITTED';
  }

  set(sittingId: string, admission: MyAdmission | null): void {
    this.state.set({ sittingId, admission });
  }
}
