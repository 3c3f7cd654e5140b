import { Injectable, inject, signal } from '@angular/core';
import { GraphqlClient } from '../shared/graphql-client';
import { TranslationState } from '../i18n/translation-state';
import { parliamentQuery } from './parliament.generated';

/** What the frame around every page needs: the parliament's name, and its time zone for every time shown. */
@Injectable({ providedIn: 'root' })
export class ShellState {
  private readonly graphql = inject(GraphqlClient);
  private readonly translation = inject(TranslationState);
  private loading: Promise<void> | null = null;

  private readonly parliamentNameSignal = signal<string | null>(null);
  private readonly errorSignal = signal<unknown>(null);

  readonly parliamentName = this.parliamentNameSignal.asReadonly();
  readonly error = this.errorSignal.asReadonly();

  /** Loads the parliament once (every page's frame asks); `again` after parliament IT has changed it. */
  loadParliament(again = false): Promise<void> {
    if (!this.loading || again) this.loading = this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    this.errorSignal.set(null);
    try {
      const { parliament } = await this.graphql.request(parliamentQuery, {});
      // null: not set up yet (a fresh production database); the frame then says Plenum.
      this.parliamentNameSignal.set(parliament?.name ?? null);
      this.translation.setTimeZone(parliament?.timeZone ?? null);
    } catch (error: unknown) {
      this.loading = null;
      this.errorSignal.set(error);
    }
  }
}
