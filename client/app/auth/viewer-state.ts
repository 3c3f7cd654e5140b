import { Injectable, computed, inject, signal } from '@angular/core';
import { GraphqlClient } from '../shared/graphql-client';
import { SessionState } from '../shared/session-state';
import { viewerQuery, type ViewerResult } from './viewer.generated';

/** The signed-in user as the server describes them. */
export type Viewer = NonNullable<ViewerResult['me']>;

/** Where the app stands with the sign-in: `failed` means the server could not be asked. */
export type ViewerStatus = 'loading' | 'signed-in' | 'signed-out' | 'failed';

/** Who is using the app. The shell shows the sign-in page unless this says `signed-in`. */
@Injectable({ providedIn: 'root' })
export class ViewerState {
  private readonly graphql = inject(GraphqlClient);
  private readonly session = inject(SessionState);

  private readonly viewerSignal = signal<Viewer | null>(null);
  private readonly loadStatusSignal = signal<ViewerStatus>('loading');
  private readonly errorSignal = signal<unknown>(null);

  readonly viewer = this.viewerSignal.asReadonly();
  readonly error = this.errorSignal.asReadonly();
  /** True when the user was signed in and the server has since forgotten the session. */
  readonly sessionEnded = this.session.lost;
  readonly status = computed<ViewerStatus>(() => (this.session.lost() ? 'signed-out' : this.loadStatusSignal()));

  /** Asks the server who this is (`me` is null for a browser without a session). */
  async load(): Promise<void> {
    this.loadStatusSignal.set('loading');
    this.errorSignal.set(null);
    try {
      const { me } = await this.graphql.request(viewerQuery, {});
      this.viewerSignal.set(me);
      this.loadStatusSignal.set(me === null ? 'signed-out' : 'signed-in');
    } catch (error: unknown) {
      this.viewerSignal.set(null);
      this.errorSignal.set(error);
      this.loadStatusSignal.set('failed');
    }
  }
}
