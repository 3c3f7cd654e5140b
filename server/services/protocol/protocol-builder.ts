/** Folds a sitting's record into the parts of its protocol (protocol.ts assembles them). */
import type { PersonRef, ProcedureEvent } from '../../domain/procedure/events';
import type { SittingPhase, Stance } from '../../domain/procedure/vocabulary';
import type { StoredEntry } from '../../domain/record';
import type { Actor, Proceeding, Protocol, ProtocolFloor, ProtocolInterjection, ProtocolPointOfOrder, ProtocolSection, ProtocolVote } from './protocol';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Floor = Mutable<Omit<ProtocolFloor, 'interjections'>> & { interjections: ProtocolInterjection[]; pausedMs: number };
type Point = Mutable<Omit<ProtocolPointOfOrder, 'floors'>> & { floors: Mutable<ProtocolPointOfOrder['floors'][number]>[] };
type Vote = Mutable<ProtocolVote> & { eligible: readonly PersonRef[]; cast: { voter: PersonRef | null; pseudonym: string | null; optionId: string }[] };
type Section = { agendaItem: ProtocolSection['agendaItem']; calledAt: string | null; proceedings: Proceeding[] };
type Request = { person: PersonRef; requestKind: string; stance: Stance | null; addressesRequestId: string | null; addedBy: string | null; at: string; floor: Floor | null };

const seconds = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);
export const byName = (a: PersonRef, b: PersonRef): number => a.name.localeCompare(b.name, 'de') || a.personId.localeCompare(b.personId);

/** Tolerant like evolve: an entry that does not fit (an unknown id, a floor not current) is skipped. */
export class ProtocolBuilder {
  phase: SittingPhase = 'scheduled';
  openedAt: string | null = null;
  closedAt: string | null = null;
  rulebook: Protocol['rulebook'] = null;
  statutoryMembers: number | null = null;
  private categories = new Map<string, { de: string; en: string }>();
  readonly sections: Section[] = [{ agendaItem: null, calledAt: null, proceedings: [] }];
  readonly suspensions: Mutable<Extract<Proceeding, { kind: 'suspension' }>>[] = [];
  readonly attendance = new Map<string, { person: PersonRef; firstJoinedAt: string; presentAtEnd: boolean }>();
  private readonly people = new Map<string, PersonRef>();
  private readonly requests = new Map<string, Request>();
  private readonly floors: Floor[] = [];
  private readonly points = new Map<string, Point>();
  private readonly votes = new Map<string, Vote>();
  private floor: Floor | null = null;
  private pointFloor: { point: Point; index: number; floorId: string } | null = null;
  private running: { floor: Floor; index: number; since: string } | null = null;

  private get section(): Section {
    return this.sections.at(-1)!;
  }

  private actor(personId: string | null): Actor | null {
    return personId === null ? null : { personId, name: this.people.get(personId)?.name ?? null };
  }

  private see(person: PersonRef): void {
    this.people.set(person.personId, person);
  }

  apply(entry: StoredEntry): void {
    const e: ProcedureEvent = entry.event;
    const at = entry.at;
    switch (e.kind) {
      case 'sitting.opened':
        this.phase = 'open';
        this.openedAt ??= at;
        this.rulebook = { preset: e.rulebook.preset, name: e.rulebook.name };
        this.statutoryMembers = e.statutoryMembers;
        this.categories = new Map(e.rulebook.pointsOfOrder.categories.map((c) => [c.id, { de: c.label.de, en: c.label.en }]));
        return;
      case 'sitting.suspended': {
        this.phase = 'suspended';
        const s = { kind: 'suspension' as const, at, reason: e.reason, resumesAt: e.resumesAt, resumedAt: null, durationSeconds: null };
        this.suspensions.push(s);
        this.section.proceedings.push(s);
        return;
      }
      case 'sitting.resumed': {
        this.phase = 'open';
        const s = this.suspensions.at(-1);
        if (s && s.resumedAt === null) {
          s.resumedAt = at;
          s.durationSeconds = seconds(s.at, at);
        }
        return;
      }
      case 'sitting.closed':
        this.endFloor(at);
        this.phase = 'closed';
        this.closedAt = at;
        return;
      case 'attendance.joined': {
        this.see(e.person);
        const a = this.attendance.get(e.person.personId);
        this.attendance.set(e.person.personId, { person: e.person, firstJoinedAt: a?.firstJoinedAt ?? at, presentAtEnd: true });
        return;
      }
      case 'attendance.left': {
        const a = this.attendance.get(e.personId);
        if (a) a.presentAtEnd = false;
        return;
      }
      case 'agenda.item_called':
        this.sections.push({ agendaItem: { id: e.agendaItemId, position: e.position, title: e.title }, calledAt: at, proceedings: [] });
        return;
      case 'agenda.order_policy_set':
        this.section.proceedings.push({ kind: 'order_policy', at, policy: e.policy });
        return;
      case 'agenda.speaking_time_allotted':
        this.section.proceedings.push({
          kind: 'speaking_time',
          at,
          debateSeconds: e.debateSeconds,
          perFaction: Object.entries(e.perFaction).map(([factionId, s]) => ({ factionId: factionId === '' ? null : factionId, factionShortName: null, seconds: s })),
        });
        return;
      case 'speaker.requested':
        this.see(e.person);
        if (!this.requests.has(e.requestId)) {
          this.requests.set(e.requestId, {
            person: e.person,
            requestKind: e.requestKind,
            stance: e.stance,
            addressesRequestId: e.addressesRequestId,
            addedBy: e.addedBy,
            at,
            floor: e.requestKind === 'interjection' ? this.addressed(e.addressesRequestId) : null,
          });
        }
        return;
      case 'speaker.withdrawn':
      case 'speaker.removed':
      case 'speaker.reordered':
        return; // the list's housekeeping: the protocol records who spoke, not who queued
      case 'speaker_list.closed':
      case 'speaker_list.reopened':
        this.section.proceedings.push({ kind: 'speaker_list', at, change: e.kind === 'speaker_list.closed' ? 'closed' : 'reopened' });
        return;
      case 'floor.granted':
        this.see(e.person);
        this.endFloor(at);
        if (e.floorKind === 'point_of_order') return this.grantPointFloor(e.floorId, e.requestId, e.person, at);
        return this.grantFloor(e, at);
      case 'floor.extended': {
        if (this.floor?.floorId === e.floorId && e.seconds > 0) {
          this.floor.extendedSeconds += e.seconds;
          if (this.floor.limitSeconds !== null) this.floor.limitSeconds += e.seconds;
        }
        return;
      }
      case 'floor.ended':
        if (this.floor?.floorId === e.floorId || this.pointFloor?.floorId === e.floorId) this.endFloor(at);
        return;
      case 'interjection.accepted': {
        const r = this.requests.get(e.requestId);
        const floor = this.floor?.floorId === e.floorId ? this.floor : null;
        if (!r || !floor || this.running) return;
        floor.interjections.push({ requestId: e.requestId, person: r.person, askedAt: r.at, outcome: 'accepted', startedAt: at, endedAt: null, durationSeconds: null });
        this.running = { floor, index: floor.interjections.length - 1, since: at };
        return;
      }
      case 'interjection.declined': {
        const r = this.requests.get(e.requestId);
        const floor = r?.floor ?? this.floor;
        if (r && floor) floor.interjections.push({ requestId: e.requestId, person: r.person, askedAt: r.at, outcome: 'declined', startedAt: null, endedAt: null, durationSeconds: null });
        return;
      }
      case 'interjection.ended':
        if (this.running && this.running.floor.interjections[this.running.index]?.requestId === e.requestId) this.endInterjection(at);
        return;
      case 'point_of_order.raised': {
        this.see(e.person);
        if (this.points.has(e.pointId)) return;
        const point: Point = {
          kind: 'point_of_order',
          pointId: e.pointId,
          person: e.person,
          category: { id: e.category, label: this.categories.get(e.category) ?? null },
          text: e.text,
          raisedAt: at,
          withdrawnAt: null,
          floors: [],
          decision: null,
        };
        this.points.set(e.pointId, point);
        this.section.proceedings.push(point);
        return;
      }
      case 'point_of_order.withdrawn': {
        const point = this.points.get(e.pointId);
        if (point && !point.decision) point.withdrawnAt = at;
        return;
      }
      case 'point_of_order.decided': {
        const point = this.points.get(e.pointId);
        if (!point) return;
        point.decision = { decision: e.decision, note: e.note, voteId: e.voteId, at, by: this.actor(entry.actorId) };
        const vote = e.voteId ? this.votes.get(e.voteId) : undefined;
        if (vote) vote.forPointId = e.pointId;
        return;
      }
      case 'vote.opened':
        return this.openVote(e, at, entry.actorId);
      case 'vote.named_demanded':
        // The protocol shows the outcome: the vote opens as named and lists the names.
        return;
      case 'ballot.cast': {
        const vote = this.votes.get(e.voteId);
        if (!vote || vote.status !== 'open') return;
        // Keep only what the vote's kind publishes: a name for a named vote, a pseudonym otherwise.
        vote.cast.push(vote.voteKind === 'named' ? { voter: e.voter, pseudonym: null, optionId: e.optionId } : { voter: null, pseudonym: e.pseudonym, optionId: e.optionId });
        vote.ballotsCast += 1;
        return;
      }
      case 'vote.closed':
        return this.closeVote(e, at, entry.actorId);
      case 'chamber.muted_all':
      case 'chamber.mute_all_lifted':
        // Microphone control, not a proceeding: it stays in the record, not in the protocol.
        return;
      case 'roster.changed':
        this.section.proceedings.push({ kind: 'roster_change', at, person: e.person, before: e.before, after: e.after, by: this.actor(entry.actorId) });
        return;
      case 'vote.cancelled': {
        const vote = this.votes.get(e.voteId);
        if (!vote || vote.status !== 'open') return;
        vote.status = 'cancelled';
        vote.cancelled = { at, reason: e.reason, actor: this.actor(entry.actorId) };
        return;
      }
      default: {
        const unknown: never = e;
        void unknown;
      }
    }
  }

  /** The floor an interjection or short intervention addresses: by its request, or by the floor id (a grant without request). */
  private addressed(address: string | null): Floor | null {
    if (address === null) return this.floor;
    for (let i = this.floors.length - 1; i >= 0; i--) {
      const f = this.floors[i]!;
      if (f.requestId === address || f.floorId === address) return f;
    }
    return null;
  }

  private grantFloor(e: Extract<ProcedureEvent, { kind: 'floor.granted' }>, at: string): void {
    const request = e.requestId ? this.requests.get(e.requestId) : undefined;
    const repliesTo = e.floorKind === 'short_intervention' && request ? (this.addressed(request.addressesRequestId)?.person ?? null) : null;
    const floor: Floor = {
      kind: 'floor',
      floorId: e.floorId,
      floorKind: e.floorKind as ProtocolFloor['floorKind'],
      person: e.person,
      stance: request?.stance ?? null,
      requestId: e.requestId,
      addedByChair: request ? request.addedBy !== null : false,
      repliesTo,
      startedAt: at,
      endedAt: null,
      durationSeconds: null,
      speakingSeconds: null,
      limitSeconds: e.limitSeconds,
      extendedSeconds: 0,
      overrunSeconds: null,
      interjections: [],
      pausedMs: 0,
    };
    this.floor = floor;
    this.floors.push(floor);
    this.section.proceedings.push(floor);
  }

  private grantPointFloor(floorId: string, pointId: string | null, person: PersonRef, at: string): void {
    const point = pointId ? this.points.get(pointId) : undefined;
    if (!point) return;
    const role = point.person.personId === person.personId ? 'mover' : 'against';
    point.floors.push({ person, role, startedAt: at, endedAt: null, durationSeconds: null });
    this.pointFloor = { point, index: point.floors.length - 1, floorId };
  }

  private endInterjection(at: string): void {
    if (!this.running) return;
    const { floor, index, since } = this.running;
    const i = floor.interjections[index]!;
    floor.interjections[index] = { ...i, endedAt: at, durationSeconds: seconds(since, at) };
    floor.pausedMs += Date.parse(at) - Date.parse(since);
    this.running = null;
  }

  /** Ends whatever holds the floor (an explicit end, a new grant, the close of the sitting). */
  private endFloor(at: string): void {
    if (this.pointFloor) {
      const f = this.pointFloor.point.floors[this.pointFloor.index]!;
      f.endedAt = at;
      f.durationSeconds = seconds(f.startedAt, at);
      this.pointFloor = null;
    }
    const floor = this.floor;
    if (!floor) return;
    this.endInterjection(at);
    floor.endedAt = at;
    floor.durationSeconds = seconds(floor.startedAt, at);
    floor.speakingSeconds = Math.round(Math.max(0, Date.parse(at) - Date.parse(floor.startedAt) - floor.pausedMs) / 1000);
    floor.overrunSeconds = floor.limitSeconds === null ? null : Math.max(0, floor.speakingSeconds - floor.limitSeconds);
    this.floor = null;
  }

  private openVote(e: Extract<ProcedureEvent, { kind: 'vote.opened' }>, at: string, actorId: string | null): void {
    const d = e.definition;
    if (this.votes.has(d.voteId)) return;
    e.eligible.forEach((p) => this.see(p));
    const vote: Vote = {
      kind: 'vote',
      voteId: d.voteId,
      title: d.title,
      voteKind: d.kind,
      majority: d.majority,
      options: d.options,
      statutoryMembers: d.statutoryMembers,
      forPointId: null,
      openedAt: at,
      openedBy: this.actor(actorId),
      closesAt: e.closesAt,
      eligibleCount: e.eligible.length,
      quorateAtOpening: e.quorate,
      status: 'open',
      ballotsCast: 0,
      closed: null,
      cancelled: null,
      result: null,
      ballots: null,
      eligible: e.eligible,
      cast: [],
    };
    this.votes.set(d.voteId, vote);
    this.section.proceedings.push(vote);
  }

  private closeVote(e: Extract<ProcedureEvent, { kind: 'vote.closed' }>, at: string, actorId: string | null): void {
    const vote = this.votes.get(e.voteId);
    if (!vote || vote.status !== 'open') return;
    const label = (optionId: string) => vote.options.find((o) => o.id === optionId)?.label ?? optionId;
    const withLabels = (counts: readonly { optionId: string; count: number }[]) => counts.map((c) => ({ optionId: c.optionId, label: label(c.optionId), count: c.count }));
    const r = e.result;
    const recount = new Map<string, number>();
    for (const c of vote.cast) recount.set(c.optionId, (recount.get(c.optionId) ?? 0) + 1);
    const announced = new Map(r.counts.map((c) => [c.optionId, c.count]));
    const recountMatches = [...new Set([...recount.keys(), ...announced.keys()])].every((id) => (recount.get(id) ?? 0) === (announced.get(id) ?? 0));
    vote.status = 'closed';
    vote.closed = { at, by: e.closedBy, actor: this.actor(actorId) };
    vote.result = {
      passed: r.passed,
      reason: r.reason,
      reasonCode: r.reasonCode,
      counts: withLabels(r.counts),
      perFaction: r.perFaction.map((f) => ({ factionId: f.factionId, factionShortName: this.factionShortName(f.factionId), counts: withLabels(f.counts) })),
      eligible: r.eligible,
      cast: r.cast,
      turnoutPercent: r.eligible > 0 ? Math.round((r.cast / r.eligible) * 1000) / 10 : null,
      quorate: r.quorate,
      recountMatches,
    };
    if (vote.voteKind === 'named') {
      const votes = vote.cast.flatMap((c) => (c.voter ? [{ voter: c.voter, optionId: c.optionId }] : [])).sort((x, y) => byName(x.voter, y.voter));
      const voted = new Set(votes.map((v) => v.voter.personId));
      vote.ballots = { kind: 'named', votes, notVoted: vote.eligible.filter((p) => !voted.has(p.personId)).sort(byName) };
    } else {
      const votes = vote.cast.flatMap((c) => (c.pseudonym !== null ? [{ pseudonym: c.pseudonym, optionId: c.optionId }] : []));
      vote.ballots = { kind: 'pseudonymous', votes: votes.sort((x, y) => (x.pseudonym < y.pseudonym ? -1 : x.pseudonym > y.pseudonym ? 1 : 0)) };
    }
  }

  factionShortName(factionId: string | null): string | null {
    if (factionId === null) return null;
    for (const p of this.people.values()) if (p.factionId === factionId && p.factionShortName) return p.factionShortName;
    return null;
  }

  /** Faction names for allotments (the record names factions in PersonRefs). A floor still held where the record ends stays open. */
  finish(): void {
    for (const s of this.sections) {
      for (const p of s.proceedings) {
        if (p.kind === 'speaking_time') {
          (p as Mutable<typeof p>).perFaction = p.perFaction.map((f) => ({ ...f, factionShortName: this.factionShortName(f.factionId) }));
        }
      }
    }
  }

  /** The public shape of a proceeding: the builder's working fields dropped. */
  publish(p: Proceeding): Proceeding {
    if (p.kind === 'floor') {
      const { pausedMs: _paused, ...floor } = p as Floor;
      return { ...floor, interjections: [...floor.interjections] };
    }
    if (p.kind === 'vote') {
      const { eligible: _eligible, cast: _cast, ...vote } = p as Vote;
      return vote;
    }
    if (p.kind === 'point_of_order') return { ...p, floors: [...p.floors] };
    return { ...p };
  }

  speakingTime(): Protocol['speakingTime'] {
    const perPerson = new Map<string, { person: PersonRef; floors: number; seconds: number }>();
    const perFaction = new Map<string, { factionId: string | null; factionShortName: string | null; floors: number; seconds: number }>();
    for (const f of this.floors) {
      if (f.speakingSeconds === null) continue;
      const p = perPerson.get(f.person.personId) ?? { person: f.person, floors: 0, seconds: 0 };
      perPerson.set(f.person.personId, { ...p, floors: p.floors + 1, seconds: p.seconds + f.speakingSeconds });
      const key = f.person.factionId ?? '';
      const g = perFaction.get(key) ?? { factionId: f.person.factionId, factionShortName: f.person.factionShortName, floors: 0, seconds: 0 };
      perFaction.set(key, { ...g, floors: g.floors + 1, seconds: g.seconds + f.speakingSeconds });
    }
    return {
      perFaction: [...perFaction.values()].sort((x, y) => y.seconds - x.seconds || (x.factionShortName ?? '~').localeCompare(y.factionShortName ?? '~')),
      perPerson: [...perPerson.values()].sort((x, y) => y.seconds - x.seconds || byName(x.person, y.person)),
    };
  }
}
