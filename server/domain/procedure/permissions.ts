/**
 * Who may do what inside procedure, and the guards every area shares. Permission failures are
 * RuleViolations whose rule starts with `forbidden.`; state failures name the area (`sitting.not_open`).
 */
import { NotFoundError, RuleViolation } from '../errors';
import type { Rulebook } from '../rulebook';
import { isChairTeam as chairTeamOf, maySpeakOnFloor } from '@contract/roles';
import type { Actor, DecideContext, SittingContext } from './commands';
import type { PersonRef } from './events';
import type { ProcedureState } from './state';
import { exclusionOf } from './evolve-order';

export type SittingPerson = SittingContext['people'] extends ReadonlyMap<string, infer P> ? P : never;

/** The chair's team: the president, vice-presidents (role chair) and moderators. */
export function isChairTeam(actor: Actor): boolean {
  return chairTeamOf(actor.roles);
}

export function requireChair(actor: Actor, what: string): void {
  if (!isChairTeam(actor)) throw new RuleViolation('forbidden.chair_only', `only the chair's team may ${what}`);
}

/** The actor acts for `personId`: themselves, or the chair's team for anyone. Returns how. */
export function requireSelfOrChair(actor: Actor, personId: string, what: string): 'self' | 'chair' {
  if (actor.personId !== null && actor.personId === personId) return 'self';
  if (isChairTeam(actor)) return 'chair';
  throw new RuleViolation('forbidden.not_self', `only the person themselves or the chair's team may ${what}`);
}

/** Members of the parliament vote and count for quorum only with voting rights; guests, interpreters and clerks never. */
export function isVotingMember(person: Pick<SittingPerson, 'roles' | 'votingRights'>): boolean {
  return person.votingRights && person.roles.includes('member');
}

/** Members, the chair's team and podium guests may hold the floor; interpreters, clerks and IT never. */
export function canSpeak(person: Pick<SittingPerson, 'roles'>): boolean {
  return maySpeakOnFloor(person.roles);
}

export function requireOpen(state: ProcedureState, what: string): void {
  if (state.phase !== 'open') throw new RuleViolation('sitting.not_open', `the sitting is ${state.phase}; ${what} needs an open sitting`);
}

export function requireNotClosed(state: ProcedureState, what: string): void {
  if (state.phase === 'closed') throw new RuleViolation('sitting.closed', `the sitting is closed; ${what} is no longer possible`);
}

/** The rules in force: frozen into the record at opening, else those that would apply. */
export function rulesOf(state: ProcedureState, ctx: DecideContext): Rulebook {
  return state.rulebook ?? ctx.sitting.rulebook;
}

export function statutoryOf(state: ProcedureState, ctx: DecideContext): number {
  return state.statutoryMembers ?? ctx.sitting.statutoryMembers;
}

export function personOf(sitting: SittingContext, personId: string): SittingPerson {
  const person = sitting.people.get(personId);
  if (!person) throw new NotFoundError('person', personId);
  return person;
}

/** The person as the record keeps them: name and faction as they are today. */
export function personRef(sitting: SittingContext, person: Pick<SittingPerson, 'id' | 'name' | 'factionId'>): PersonRef {
  const faction = person.factionId === null ? undefined : sitting.factions.find((f) => f.id === person.factionId);
  return { personId: person.id, name: person.name, factionId: person.factionId, factionShortName: faction?.shortName ?? null };
}

/** The acting person, who must be known: self-service commands need a signed-in person. */
export function actingPerson(ctx: DecideContext, what: string): SittingPerson {
  const id = ctx.actor.personId;
  if (id === null) throw new RuleViolation('forbidden.no_person', `${what} needs a signed-in person of this parliament`);
  return personOf(ctx.sitting, id);
}

export function requirePresent(state: ProcedureState, personId: string, what: string): void {
  if (!Object.hasOwn(state.present, personId)) throw new RuleViolation('attendance.not_present', `${what} needs the person to have joined the sitting`);
}

/** Present members with voting rights, by today's roster. */
export function presentVotingMembers(state: ProcedureState, sitting: SittingContext): PersonRef[] {
  const out: PersonRef[] = [];
  for (const { person } of Object.values(state.present)) {
    const p = sitting.people.get(person.personId);
    if (p && isVotingMember(p)) out.push(person);
  }
  return out;
}

/** Quotas charge members (independents to the pool ""); podium guests speak outside the factions' time. */
export function membersOnly(sitting: SittingContext): (person: PersonRef) => boolean {
  return (person) => {
    const p = sitting.people.get(person.personId);
    return p ? p.roles.includes('member') : true;
  };
}

/** Refuses what an excluded person would do in the sitting (join, ask to speak, be given the floor, vote). */
export function requireNotExcluded(state: ProcedureState, personId: string, what: string): void {
  const x = exclusionOf(state, personId);
  if (x) throw new RuleViolation('order.excluded', `${x.person.name} is excluded from the sitting (${x.sittingDays} sitting days); ${what} is refused`);
}
