import { Injectable } from '@angular/core';
import { ProcedureCommands } from '../procedure/procedure-commands';
import {
  callToOrderMutation,
  callToPointMutation,
  decideExclusionObjectionMutation,
  excludeMemberMutation,
  muteMemberMutation,
  recordExclusionObjectionMutation,
  unmuteMemberMutation,
  withdrawFloorMutation,
} from './order-measures.generated';

/** The chair's order measures: each answers with the procedure, shown at once. */
@Injectable()
export class OrderMeasureCommands extends ProcedureCommands<'order' | 'exclusions'> {
  callToPoint = (personId: string, reason: string | null) => this.send('order', callToPointMutation, { personId, reason });
  callToOrder = (personId: string, reason: string | null) => this.send('order', callToOrderMutation, { personId, reason });
  withdrawFloor = (reason: string | null) => this.send('order', withdrawFloorMutation, { reason });
  mute = (personId: string) => this.send('order', muteMemberMutation, { personId });
  unmute = (personId: string) => this.send('order', unmuteMemberMutation, { personId });
  exclude = (personId: string, sittingDays: number, reason: string | null) => this.send('order', excludeMemberMutation, { personId, sittingDays, reason });
  recordObjection = (exclusionId: string, text: string | null) => this.send('exclusions', recordExclusionObjectionMutation, { exclusionId, text });
  decideObjection = (exclusionId: string, upheld: boolean, note: string | null) =>
    this.send('exclusions', decideExclusionObjectionMutation, { exclusionId, upheld, note });
}
