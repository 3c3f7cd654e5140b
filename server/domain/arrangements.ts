/**
 * The chamber's arrangements besides procedure: which interpreter of a booth is on air and what
 * the booth interprets from (the floor or a relay channel), and the subrooms where factions
 * consult. Pure: `decideArrangement(state, command, ctx)` returns the new state or throws a
 * RuleViolation. The media layer applies the result; it never decides these itself.
 */
import { NotFoundError, RuleViolation } from './errors';
import type { Role } from './parliament';
import { isChairTeam as chairTeamOf } from '@contract/roles';
import type { SittingPhase } from './procedure/vocabulary';

export interface Subroom {
  readonly id: string;
  readonly name: string;
  /** A faction's consultation (members of that faction only); null: opened by the chair for any group. */
  readonly factionId: string | null;
  readonly openedBy: string;
  readonly members: readonly string[];
  readonly invited: readonly string[];
}

export interface Arrangements {
  /** booth id → the interpreter on air in it. */
  readonly onAir: Readonly<Record<string, string>>;
  /** booth id → the language it takes as relay instead of the floor. */
  readonly relays: Readonly<Record<string, string>>;
  readonly subrooms: readonly Subroom[];
}

export const NO_ARRANGEMENTS: Arrangements = Object.freeze({ onAir: {}, relays: {}, subrooms: [] });

export type ArrangementCommand =
  /** On air moves to the partner if the caller is on air; else the caller takes the air. */
  | { readonly kind: 'booth.hand_over' }
  /** null: interpret from the floor; else relay from that language's channel. */
  | { readonly kind: 'booth.set_source'; readonly relayLanguage: string | null }
  | { readonly kind: 'subroom.open'; readonly name: string; readonly invitees: readonly string[] }
  | { readonly kind: 'subroom.invite'; readonly subroomId: string; readonly invitees: readonly string[] }
  | { readonly kind: 'subroom.accept'; readonly subroomId: string }
  | { readonly kind: 'subroom.decline'; readonly subroomId: string }
  | { readonly kind: 'subroom.leave'; readonly subroomId: string }
  | { readonly kind: 'subroom.close'; readonly subroomId: string };

export interface ArrangementPerson {
  readonly id: string;
  readonly factionId: string | null;
  readonly roles: readonly Role[];
  readonly boothId: string | null;
}

export interface ChamberBooth {
  readonly id: string;
  readonly language: string;
  readonly kind: 'spoken' | 'sign';
}

export interface ChamberContext {
  /** The sitting's procedural phase: the chamber is arranged while it is open or suspended. */
  readonly phase: SittingPhase;
  readonly actor: ArrangementPerson;
  readonly people: ReadonlyMap<string, ArrangementPerson>;
  readonly booths: readonly ChamberBooth[];
  readonly newId: () => string;
}

const isChairTeam = (p: ArrangementPerson) => chairTeamOf(p.roles);
const isMember = (p: ArrangementPerson) => p.roles.includes('member');

export function decideArrangement(state: Arrangements, command: ArrangementCommand, ctx: ChamberContext): Arrangements {
  if (ctx.phase !== 'open' && ctx.phase !== 'suspended') throw new RuleViolation('sitting.not_open', 'the chamber is arranged while the sitting is open');
  switch (command.kind) {
    case 'booth.hand_over':
      return handOver(state, ctx);
    case 'booth.set_source':
      return setSource(state, command.relayLanguage, ctx);
    case 'subroom.open':
      return openSubroom(state, command.name, command.invitees, ctx);
    case 'subroom.invite':
      return invite(state, subroomOf(state, command.subroomId), command.invitees, ctx);
    case 'subroom.accept':
      return accept(state, subroomOf(state, command.subroomId), ctx);
    case 'subroom.decline': {
      const room = subroomOf(state, command.subroomId);
      if (!room.invited.includes(ctx.actor.id)) throw new RuleViolation('subroom.not_invited', 'you have no invitation to this subroom');
      return withSubroom(state, { ...room, invited: room.invited.filter((id) => id !== ctx.actor.id) });
    }
    case 'subroom.leave': {
      const room = subroomOf(state, command.subroomId);
      if (!room.members.includes(ctx.actor.id)) throw new RuleViolation('subroom.not_in', 'you are not in this subroom');
      return leaveRoom(state, room, ctx.actor.id);
    }
    case 'subroom.close': {
      const room = subroomOf(state, command.subroomId);
      if (room.openedBy !== ctx.actor.id && !isChairTeam(ctx.actor))
        throw new RuleViolation('forbidden.subroom_owner', "only who opened a subroom, or the chair's team, may close it");
      return { ...state, subrooms: state.subrooms.filter((r) => r.id !== room.id) };
    }
    default: {
      const never: never = command;
      throw new Error(`unknown chamber command ${JSON.stringify(never)}`);
    }
  }
}

/** The subroom a person sits in, if any. */
export function subroomOf(state: Arrangements, subroomId: string): Subroom {
  const room = state.subrooms.find((r) => r.id === subroomId);
  if (!room) throw new NotFoundError('subroom', subroomId);
  return room;
}

export function subroomOfPerson(state: Arrangements, personId: string): Subroom | undefined {
  return state.subrooms.find((r) => r.members.includes(personId));
}

function boothOf(ctx: ChamberContext): ChamberBooth {
  const booth = ctx.actor.roles.includes('interpreter') ? ctx.booths.find((b) => b.id === ctx.actor.boothId) : undefined;
  if (!booth) throw new RuleViolation('forbidden.not_interpreter', 'only an interpreter assigned to a booth may do this');
  return booth;
}

function handOver(state: Arrangements, ctx: ChamberContext): Arrangements {
  const booth = boothOf(ctx);
  const current = state.onAir[booth.id];
  let next = ctx.actor.id;
  if (current === ctx.actor.id) {
    const partners = [...ctx.people.values()].filter((p) => p.id !== ctx.actor.id && p.boothId === booth.id && p.roles.includes('interpreter'));
    const partner = partners[0];
    if (!partner) throw new RuleViolation('booth.no_partner', `booth ${booth.id} has no partner to hand over to`);
    next = partner.id;
  }
  return { ...state, onAir: { ...state.onAir, [booth.id]: next } };
}

function setSource(state: Arrangements, relayLanguage: string | null, ctx: ChamberContext): Arrangements {
  const booth = boothOf(ctx);
  const { [booth.id]: _old, ...relays } = state.relays;
  if (relayLanguage === null) return { ...state, relays };
  if (relayLanguage === booth.language) throw new RuleViolation('booth.relay_own_language', 'a booth cannot relay its own channel');
  if (!ctx.booths.some((b) => b.kind === 'spoken' && b.language === relayLanguage)) {
    throw new RuleViolation('booth.no_such_channel', `there is no ${relayLanguage} channel to relay from`);
  }
  return { ...state, relays: { ...relays, [booth.id]: relayLanguage } };
}

function openSubroom(state: Arrangements, name: string, invitees: readonly string[], ctx: ChamberContext): Arrangements {
  const chair = isChairTeam(ctx.actor);
  if (!isMember(ctx.actor) && !chair) throw new RuleViolation('forbidden.not_member', "only members and the chair's team open subrooms");
  const factionId = chair ? null : ctx.actor.factionId;
  if (!chair && factionId === null) throw new RuleViolation('subroom.no_faction', 'a member without a faction has no faction to consult');
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 80) throw new RuleViolation('subroom.bad_name', 'a subroom needs a name of 1 to 80 characters');
  const left = leaveAny(state, ctx.actor.id);
  const room: Subroom = { id: ctx.newId(), name: trimmed, factionId, openedBy: ctx.actor.id, members: [ctx.actor.id], invited: [] };
  return invite({ ...left, subrooms: [...left.subrooms, room] }, room, invitees, ctx);
}

function invite(state: Arrangements, room: Subroom, invitees: readonly string[], ctx: ChamberContext): Arrangements {
  if (!room.members.includes(ctx.actor.id) && !isChairTeam(ctx.actor)) throw new RuleViolation('subroom.not_in', 'only those in a subroom invite others to it');
  const fresh: string[] = [];
  for (const id of new Set(invitees)) {
    const person = ctx.people.get(id);
    if (!person) throw new NotFoundError('person', id);
    if (!isMember(person) && !isChairTeam(person)) throw new RuleViolation('subroom.not_member', `${id} is not a member and cannot join a subroom`);
    if (room.factionId !== null && person.factionId !== room.factionId)
      throw new RuleViolation('subroom.other_faction', `${id} is not of this subroom's faction`);
    if (!room.members.includes(id) && !room.invited.includes(id)) fresh.push(id);
  }
  return withSubroom(state, { ...room, invited: [...room.invited, ...fresh] });
}

function accept(state: Arrangements, room: Subroom, ctx: ChamberContext): Arrangements {
  if (room.members.includes(ctx.actor.id)) return state;
  if (!room.invited.includes(ctx.actor.id)) throw new RuleViolation('subroom.not_invited', 'you have no invitation to this subroom');
  const left = leaveAny(state, ctx.actor.id);
  const current = subroomOf(left, room.id);
  return withSubroom(left, { ...current, members: [...current.members, ctx.actor.id], invited: current.invited.filter((id) => id !== ctx.actor.id) });
}

/** A person is in one subroom at most: joining another leaves the first. */
function leaveAny(state: Arrangements, personId: string): Arrangements {
  const room = subroomOfPerson(state, personId);
  return room ? leaveRoom(state, room, personId) : state;
}

/** The last one out closes the subroom. */
function leaveRoom(state: Arrangements, room: Subroom, personId: string): Arrangements {
  const members = room.members.filter((id) => id !== personId);
  if (members.length === 0) return { ...state, subrooms: state.subrooms.filter((r) => r.id !== room.id) };
  return withSubroom(state, { ...room, members });
}

function withSubroom(state: Arrangements, room: Subroom): Arrangements {
  return { ...state, subrooms: state.subrooms.map((r) => (r.id === room.id ? room : r)) };
}
