/**
 * Interpretation booths and who staffs them, as parliament IT keeps them. Pure: no I/O.
 *
 * What the rest of the house expects of booths, and these rules keep:
 * - the media carries one channel per spoken language (`interpretation:<language>`) and the
 *   broadcast one audio rendition per spoken booth beside the floor's, so a spoken booth's language
 *   is unique and never the floor language;
 * - the media carries one sign channel (`sign`, no language) and the program one sign inset, so a
 *   parliament has at most one sign-language booth (a second would put two interpreters in one channel);
 * - arrangements (booth id → who is on air, booth id → relay language) and people.booth_id refer to
 *   a booth by its id, so the id never changes once given;
 * - the media takes a participant's booth when they join, and a booth on air or relayed in an open
 *   or suspended sitting is live: it keeps its language and kind, and stays, until it is off air.
 *
 * Language tags are compared without regard to case, as BCP 47 says (en = EN).
 */
import { RuleViolation } from './errors';
import type { Arrangements } from './arrangements';
import type { Booth, Role } from './parliament';

export type BoothFields = Omit<Booth, 'id'>;

export const sameLanguage = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Whether a booth may stand beside the others (`others` without the booth itself), with the floor
 * in `floorLanguage`. Throws the first rule it breaks.
 */
export function checkBooth(booth: BoothFields, others: readonly Booth[], floorLanguage: string): void {
  if (booth.kind === 'spoken') {
    if (sameLanguage(booth.language, floorLanguage))
      throw new RuleViolation('booth.floor_language', `${booth.language} is the floor language: the floor is heard as it is, not interpreted into it`);
    const taken = others.find((b) => b.kind === 'spoken' && sameLanguage(b.language, booth.language));
    if (taken) throw new RuleViolation('booth.language_taken', `booth ${taken.id} (${taken.name}) interprets into ${taken.language} already`);
  } else {
    const sign = others.find((b) => b.kind === 'sign');
    if (sign) throw new RuleViolation('booth.one_sign_booth', `booth ${sign.id} (${sign.name}) is the sign-language booth already: there is one sign channel`);
  }
}

/** Every booth of a set against the others: for a whole set given at once (the fixtures). */
export function checkBoothSet(booths: readonly Booth[], floorLanguage: string): void {
  booths.forEach((b, i) => checkBooth(b, booths.slice(0, i), floorLanguage));
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * A new booth's id: a readable slug of its language (`en`, `de-ch`; `sign-gsg` for sign), numbered
 * when taken (`en-2`). Given once and never changed: arrangements and people refer to it.
 */
export function newBoothId(booth: Pick<BoothFields, 'kind' | 'language'>, takenIds: Iterable<string>): string {
  const taken = new Set([...takenIds].map((id) => id.toLowerCase()));
  const base = (booth.kind === 'sign' ? `sign-${slug(booth.language)}` : slug(booth.language)) || 'booth';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A sitting that is open or suspended, with its arrangements: where booths are live. */
export interface LiveSitting {
  readonly sittingId: string;
  readonly arrangements: Arrangements;
}

/** Why a booth is live in an open or suspended sitting (someone on air, or another booth relays it), or null. */
export function boothLive(booth: Booth, live: readonly LiveSitting[]): { readonly sittingId: string; readonly why: 'on_air' | 'relayed' } | null {
  for (const { sittingId, arrangements } of live) {
    if (arrangements.onAir[booth.id] !== undefined) return { sittingId, why: 'on_air' };
    if (booth.kind === 'spoken' && Object.entries(arrangements.relays).some(([id, language]) => id !== booth.id && sameLanguage(language, booth.language)))
      return { sittingId, why: 'relayed' };
  }
  return null;
}

function refuseWhileLive(booth: Booth, live: readonly LiveSitting[], what: string): void {
  const l = boothLive(booth, live);
  if (l)
    throw new RuleViolation(
      'booth.on_air',
      `booth ${booth.id} is ${l.why === 'on_air' ? 'on air' : 'relayed by another booth'} in sitting ${l.sittingId}: ${what} once it is off air or the sitting is closed`,
    );
}

/** A change of a booth: its name any time; its language and kind not while it is live (the media and the broadcast follow them). */
export function checkBoothChange(before: Booth, after: Booth, live: readonly LiveSitting[]): void {
  // Any difference, case included: the media's channel is named by the language as written.
  if (before.kind !== after.kind || before.language !== after.language) refuseWhileLive(before, live, 'change its language or kind');
}

/**
 * Removing a booth: not while it is live, and not while interpreters are assigned to it. Taking them
 * off is a change of its own, logged per person, that IT makes on purpose: a removal never leaves an
 * interpreter without a booth unnoticed.
 */
export function checkBoothRemoval(booth: Booth, assigned: readonly { readonly id: string }[], live: readonly LiveSitting[]): void {
  refuseWhileLive(booth, live, 'remove it');
  if (assigned.length > 0)
    throw new RuleViolation(
      'booth.has_interpreters',
      `booth ${booth.id} has ${assigned.length} interpreter${assigned.length === 1 ? '' : 's'} assigned: take them off first`,
    );
}

/** A person as staffing looks at them. */
export interface StaffCandidate {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly boothId: string | null;
  /** The last day of their membership (YYYY-MM-DD, inclusive), or null. */
  readonly memberTo: string | null;
}

/**
 * Whether a person's membership has ended by `today` (YYYY-MM-DD). An ending counts from the day it
 * is entered (ending someone takes their rights that day, as the roster import and endPerson do); an
 * end date still to come leaves them working until then.
 */
export function hasEnded(memberTo: string | null, today: string): boolean {
  return memberTo !== null && memberTo <= today;
}

/** Whether a person can be put in a booth: an interpreter whose membership has not ended. */
export function isAssignable(p: Pick<StaffCandidate, 'roles' | 'memberTo'>, today: string): boolean {
  return p.roles.includes('interpreter') && !hasEnded(p.memberTo, today);
}

/**
 * Assigning a person to a booth (`boothId`) or taking them off (null). Only interpreters whose
 * membership has not ended are put in a booth; anyone can be taken off. Someone on air in an open or
 * suspended sitting keeps their booth until they have handed over: the media would otherwise go on
 * carrying them in the booth they left.
 */
export function checkAssignment(person: StaffCandidate, boothId: string | null, live: readonly LiveSitting[], today: string): void {
  if (boothId !== null) {
    if (!person.roles.includes('interpreter'))
      throw new RuleViolation('booth.not_interpreter', `${person.name} does not have the interpreter role: only interpreters staff a booth`);
    if (hasEnded(person.memberTo, today))
      throw new RuleViolation('booth.person_ended', `${person.name}'s membership ended on ${person.memberTo}: they cannot be put in a booth`);
  }
  if (person.boothId === null || person.boothId === boothId) return;
  for (const { sittingId, arrangements } of live) {
    if (arrangements.onAir[person.boothId] === person.id)
      throw new RuleViolation(
        'booth.interpreter_on_air',
        `${person.name} is on air in booth ${person.boothId} in sitting ${sittingId}: they hand over before they leave the booth`,
      );
  }
}
