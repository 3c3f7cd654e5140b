/**
 * Plain data for the procedure specs: the demo parliament of fixtures/parliament.json (ids are the
 * usernames, agenda items are item-1…item-6) and a small driver that decides commands, stamps them
 * like the service would (seq, at, actor) and folds them. No I/O, no clock: time moves by `advance`.
 */
import parliament from '../../../fixtures/parliament.json';
import { RuleViolation } from '../errors';
import type { Rulebook } from '../rulebook';
import { bundestag2025 } from '../rulebook/presets';
import type { Actor, DecideContext, ProcedureCommand, SittingContext, VoteDraft } from './commands';
import type { ProcedureEvent, RecordedEvent } from './events';
import { decide } from './decide';
import { contextAfter } from './agenda-amendments';
import { evolve, initialState, type ProcedureState } from './state';

type Role = Actor['roles'][number];

export const t0 = new Date('2026-12-03T08:00:00.000Z');

export function sittingContext(rulebook: Rulebook = bundestag2025): SittingContext {
  const people = parliament.people.map((p) => ({
    id: p.username,
    name: `${p.givenName} ${p.familyName}`,
    factionId: p.factionId ?? null,
    votingRights: p.votingRights,
    roles: p.roles as Role[],
  }));
  return {
    sittingId: 'sitting-42',
    rulebook,
    statutoryMembers: parliament.parliament.statutoryMembers,
    factions: parliament.factions.map((f) => ({ id: f.id, shortName: f.shortName, seats: f.seats })),
    people: new Map(people.map((p) => [p.id, p])),
    agenda: parliament.sittings[0]!.agenda.map((item, i) => ({ id: `item-${i + 1}`, position: i + 1, title: item.title })),
  };
}

/** Members of a faction (or independents, factionId null) in fixture order. */
export function membersOf(sitting: SittingContext, factionId: string | null): string[] {
  return [...sitting.people.values()].filter((p) => p.factionId === factionId && p.roles.includes('member')).map((p) => p.id);
}

export function allMembers(sitting: SittingContext): string[] {
  return [...sitting.people.values()].filter((p) => p.roles.includes('member')).map((p) => p.id);
}

export const chair = 'a.keller';

export function draft(over: Partial<VoteDraft> = {}): VoteDraft {
  return {
    id: 'vote-1',
    agendaItemId: 'item-2',
    title: 'Budget Act 2027, first reading: referral',
    kind: 'named',
    options: [],
    abstention: true,
    majority: null,
    live: false,
    durationSeconds: null,
    autoCloseWhenAllVoted: false,
    category: null,
    ...over,
  };
}

export class Chamber {
  readonly entries: RecordedEvent[] = [];
  state: ProcedureState = initialState;
  now = t0;
  private ids = 0;
  /** What the next lots draw (0 ≤ n < bound each; when used up, 0): a test sets them to pick the lot's winner. */
  lots: number[] = [];

  /** The agenda follows the record's amendments, as the engine's context does. */
  constructor(public sitting: SittingContext = sittingContext()) {}

  actor(personId: string | null): Actor {
    return { personId, roles: personId === null ? [] : (this.sitting.people.get(personId)?.roles ?? []) };
  }

  ctx(personId: string | null): DecideContext {
    return {
      now: this.now,
      actor: this.actor(personId),
      sitting: this.sitting,
      newId: () => `id-${++this.ids}`,
      randomInt: (bound) => Math.min(this.lots.shift() ?? 0, bound - 1),
    };
  }

  /** What the command would append, without appending it. */
  decide(personId: string | null, command: ProcedureCommand): readonly ProcedureEvent[] {
    return decide(this.state, command, this.ctx(personId));
  }

  run(personId: string | null, command: ProcedureCommand): readonly ProcedureEvent[] {
    const events = this.decide(personId, command);
    this.append(personId, ...events);
    return events;
  }

  /** Appends events as they stand (given events of a scenario). */
  append(personId: string | null, ...events: ProcedureEvent[]): void {
    for (const event of events) {
      const actorId = event.kind === 'ballot.cast' && event.pseudonym !== null ? null : personId;
      const entry: RecordedEvent = { seq: this.entries.length + 1, at: this.now.toISOString(), actorId, event };
      this.entries.push(entry);
      this.state = evolve(this.state, entry);
      this.sitting = contextAfter(this.sitting, [event]);
    }
  }

  advance(seconds: number): void {
    this.now = new Date(this.now.getTime() + seconds * 1000);
  }

  /** Opens the sitting and lets people join (default: every member). */
  open(present: readonly string[] = allMembers(this.sitting)): this {
    this.run(chair, { kind: 'sitting.open' });
    for (const id of present) this.run(id, { kind: 'attendance.join', personId: id });
    return this;
  }

  /** The last request id appended. */
  lastRequestId(): string {
    const e = [...this.entries].reverse().find((x) => x.event.kind === 'speaker.requested')?.event;
    if (e?.kind !== 'speaker.requested') throw new Error('no request in the record');
    return e.requestId;
  }

  request(personId: string, requestKind: 'speech' | 'interjection' | 'short_intervention' = 'speech', stance: 'pro' | 'contra' | null = null): string {
    this.run(personId, { kind: 'speaker.request', personId, requestKind, stance, addressesRequestId: null });
    return this.lastRequestId();
  }
}

/** The rule a command breaks (its RuleViolation's code); fails if it breaks none. */
export function ruleOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return e.rule;
    throw e;
  }
  throw new Error('no rule violated');
}
