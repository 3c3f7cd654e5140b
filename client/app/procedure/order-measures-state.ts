import { Injectable, effect, inject, signal, untracked } from '@angular/core';
import { GraphqlClient } from '../shared/graphql-client';
import { orderMeasuresQuery, type OrderMeasuresFragment } from './order-measures.generated';
import { ProcedureState } from './procedure-state';

export type OrderMeasures = OrderMeasuresFragment;

/**
 * The order measures of the loaded sitting, read again with every change of its record (the
 * procedure's seq): the chair's panel and the member's notice both show them.
 */
@Injectable({ providedIn: 'root' })
export class OrderMeasuresState {
  private readonly graphql = inject(GraphqlClient);
  private readonly procedure = inject(ProcedureState);
  private readonly measuresSignal = signal<OrderMeasures | null>(null);
  private readonly failedSignal = signal(false);
  /** The newest load wins: an older answer arriving late is dropped. */
  private loads = 0;

  readonly measures = this.measuresSignal.asReadonly();
  readonly failed = this.failedSignal.asReadonly();

  constructor() {
    effect(() => {
      const sittingId = this.procedure.sittingId();
      this.procedure.seq();
      if (sittingId !== null) {
        untracked(() => void this.load(sittingId));
      }
    });
  }

  private async load(sittingId: string): Promise<void> {
    const load = ++this.loads;
    try {
      const { sitting } = await this.graphql.request(orderMeasuresQuery, { sittingId });
      if (load === this.loads) {
        this.measuresSignal.set(sitting?.procedure.orderMeasures ?? null);
        this.failedSignal.set(false);
      }
    } catch {
      if (load === this.loads) {
        this.failedSignal.set(true);
      }
    }
  }
}
