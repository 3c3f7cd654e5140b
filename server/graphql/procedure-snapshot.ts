import type { ProcedureState } from '../domain/procedure/state';
import type { SittingContext } from '../domain/procedure/commands';

/** What SittingProcedure's fields are resolved from: one consistent read of a sitting's procedure. */
export interface ProcedureSnapshot {
  readonly sittingId: string;
  readonly state: ProcedureState;
  readonly seq: number;
  readonly context: SittingContext;
  readonly now: Date;
}
