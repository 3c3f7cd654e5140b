import { Injectable, inject, signal } from '@angular/core';
import { GraphqlClient } from '../shared/graphql-client';
import { parliamentQuery } from './parliament.generated';

/** What the frame around every page needs: the parliament's name. */
@Injectable({ providedIn: 'root' })
export class ShellState {
  private readonly graphql = inject(GraphqlClient);

  private readonly parliamentNameSignal = signal<string | null>(null);
  private readonly errorSignal = signal<unknown>(null);

  readonly parliamentName = this.parliamentNameSignal.asReadonly();
  readonly error = this.errorSignal.asReadonly();

  async loadParliament(): Promise<void> {
    this.errorSignal.set(null);
    try {
      const { parliament } = await this.graphql.request(parliamentQuery, {});
      // null: not set up yet (a fresh production database); the frame then says Plenum.
      this.parliamentNameSignal.set(parliament?.name ?? null);
    } catch (error: unknown) {
      this.errorSignal.set(error);
    }
  }
}
