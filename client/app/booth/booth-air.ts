import type { BoothState } from '../media/arrangements-state';

export interface Interpreter {
  readonly id: string;
  readonly name: string;
}

/** What "hand over" does from where one stands: go on air, hand the air to the partner, or take it from them. */
export type HandOverAction =
  | { readonly kind: 'go-on-air' }
  /** On air with nobody to hand over to. */
  | { readonly kind: 'alone' }
  | { readonly kind: 'hand-over'; readonly to: Interpreter }
  | { readonly kind: 'take-over'; readonly from: Interpreter };

/** The booth's interpreters besides me, with their names. */
export function partnersIn(booth: BoothState, meId: string): Interpreter[] {
  return booth.interpreters
    .filter((interpreter) => interpreter.id !== meId)
    .map((interpreter) => ({ id: interpreter.id, name: `${interpreter.givenName} ${interpreter.familyName}` }));
}

/** The one action of the hand-over button, as the server's handOverBooth will carry it out. */
export function handOverAction(booth: BoothState, meId: string): HandOverAction {
  const onAir = booth.onAir?.id ?? null;
  const partners = partnersIn(booth, meId);
  if (onAir === meId) {
    const to = partners[0];
    return to === undefined ? { kind: 'alone' } : { kind: 'hand-over', to };
  }
  const from = partners.find((partner) => partner.id === onAir);
  return from === undefined ? { kind: 'go-on-air' } : { kind: 'take-over', from };
}
