/**
 * Folds a sitting's record into the parts of its protocol (protocol.ts assembles them). Every time on
 * the floor comes from the procedure's own fold, stepped alongside: a floor's end and its speaking
 * time, an interjection's start and end are read from what `evolve` made of the entry, so the
 * protocol and the live clocks cannot disagree. What only the protocol tells (who was heard on a
 * point of order, a vote's names and labels, the sections) is kept here.
 */
import type { PersonRef, ProcedureEvent } from '../procedure/events';
import { floorTime, wholeSeconds } from '../procedure/clocks';
import { msBetween } from '../procedure/lookup';
import { outcomeOf, withoutFalseFactions } from '../counting/outcome';
import { evolve, initialState, type FinishedFloor, type FinishedInterjection, type ProcedureState } from '../procedure/state';
import type { SittingPhase, Stance } from '../procedure/vocabulary';
import type { StoredEntry } from '../record';
import type {
  Actor,
  Proceeding,
  Protocol,
  ProtocolAgendaAmendment,
  ProtocolCorrection,
  ProtocolInput,
  ProtocolMinutesNote,
  ProtocolPresidency,
  ProtocolFloor,
  ProtocolInterjection,
  ProtocolPointOfOrder,
  ProtocolSection,
  ProtocolVote,
} from './protocol';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Floor = Mutable<Omit<ProtocolFloor, 'interjections'>> & { interjections: ProtocolInterjection[] };
type PointFloor = Mutable<ProtocolPointOfOrder['floors'][number]>;
type Point = Mutable<Omit<ProtocolPointOfOrder, 'floors' | 'corrections'>> & { floors: PointFloor[]; corrections: ProtocolCorrection[] };
type Note = Mutable<Omit<ProtocolMinutesNote, 'corrections'>> & { corrections: ProtocolCorrection[] };
type Approval = NonNullable<Protocol['approval']>;
type Vote = Mutable<ProtocolVote> & {
  eligible: readonly PersonRef[];
  cast: { voter: PersonRef | null; pseudonym: string | null; tokenHash?: string | null; optionId: string }[];
};
type Section = { agendaItem: ProtocolSection['agendaItem']; calledAt: string | null; proceedings: Proceeding[] };
type Request = {
  person: PersonRef;
  requestKind: string;
  stance: Stance | null;
  addressesRequestId: string | null;
  addedBy: string | null;
  at: string;
  floor: Floor | null;
};

export const byName = (a: PersonRef, b: PersonRef): number => a.name.localeCompare(b.name, 'de') || a.personId.localeCompare(b.personId);

/** Tolerant like evolve: an entry that does not fit (an unknown id, a floor not current) is skipped. */
export class ProtocolFold {
  phase: SittingPhase = 'scheduled';
  openedAt: string | null = null;
  closedAt: string | null = null;
  rulebook: Protocol['rulebook'] = null;
  statutoryMembers: number | null = null;
  /** The procedure's state after the last entry: the same fold the live views read. */
  private state: ProcedureState = initialState;
  private categories = new Map<string, { de: string; en: string }>();
  readonly sections: Section[] = [{ agendaItem: null, calledAt: null, proceedings: [] }];
  readonly suspensions: Mutable<Extract<Proceeding, { kind: 'suspension' }>>[] = [];
  readonly attendance = new Map<string, { person: PersonRef; firstJoinedAt: string; presentAtEnd: boolean }>();
  private readonly people = new Map<string, PersonRef>();
  private readonly requests = new Map<string, Request>();
  /** The protocol's floors in grant order, and by floor id (points of order's floors too, for their ends). */
  private readonly floors: Floor[] = [];
  private readonly floorsById = new Map<string, Floor | PointFloor>();
  private readonly points = new Map<string, Point>();
  private readonly votes = new Map<string, Vote>();
  /** A counted doubt of the quorum with no vote open applies to the next vote opened. */
  private quorumInDoubt = false;
  readonly presidency: Mutable<ProtocolPresidency>[] = [];
  readonly corrections: ProtocolCorrection[] = [];
  approval: Approval | null = null;
  readonly lapsedApprovals: (Approval & { lapsedAt: string })[] = [];
  /** What a correction may replace, by the seq of the entry that wrote it. */
  private readonly corrigible = new Map<number, { hash: string; text: () => string; set: (text: string, c: ProtocolCorrection) => void }>();
  /** Today's roster (names the record gives only by id). */
  private readonly roster: ReadonlyMap<string, PersonRef>;

  constructor(roster?: ProtocolInput['roster']) {
    const factions = new Map((roster?.factions ?? []).map((f) => [f.id, f.shortName]));
    this.roster = new Map(
      (roster?.people ?? []).map((p) => [
        p.personId,
        { personId: p.personId, name: p.name, factionId: p.factionId, factionShortName: p.factionId === null ? null : (factions.get(p.factionId) ?? null) },
      ]),
    );
  }

  private get section(): Section {
    return this.sections.at(-1)!;
  }

  /** Who acted, by name: as the record last named them, else as the roster names them today. */
  private actor(personId: string | null): Actor | null {
    return personId === null ? null : { personId, name: this.people.get(personId)?.name ?? this.roster.get(personId)?.name ?? null };
  }

  private personRefOf(personId: string): PersonRef {
    return this.people.get(personId) ?? this.roster.get(personId) ?? { personId, name: '', factionId: null, factionShortName: null };
  }

  /** A text a later entry may correct (a note, a point's text, a decision's note), by its entry's seq and hash. */
  private corrigibleText(entry: StoredEntry, text: () => string, set: (text: string, c: ProtocolCorrection) => void): void {
    this.corrigible.set(entry.seq, { hash: entry.hash, text, set });
  }

  /** Attendance with everyone who presided, joined or not (the President need not join to preside). */
  attendanceWithPresidency(): { person: PersonRef; firstJoinedAt: string; presentAtEnd: boolean; presiding: boolean }[] {
    const out = new Map([...this.attendance].map(([id, a]) => [id, { ...a, presiding: false }]));
    for (const p of this.presidency) {
      const a = out.get(p.person.personId);
      if (a) a.presiding = true;
      // Not joined: the record does not say they left, so they are not marked as having left early.
      else out.set(p.person.personId, { person: this.personRefOf(p.person.personId), firstJoinedAt: p.from, presentAtEnd: true, presiding: true });
    }
    return [...out.values()];
  }

  private presides(personId: string | null, at: string): void {
    const person = this.actor(personId);
    if (!person) return;
    const last = this.presidency.at(-1);
    if (last && last.to === null) last.to = at;
    this.presidency.push({ person, from: at, to: null });
  }

  private see(person: PersonRef): void {
    this.people.set(person.personId, person);
  }

  apply(entry: StoredEntry): void {
    const before = this.state;
    this.state = evolve(before, entry);
    this.record(entry);
    this.time(before, this.state);
  }

  /** What the entry adds to the protocol's sections, votes and points; times on the floor come from `time`. */
  private record(entry: StoredEntry): void {
    const e: ProcedureEvent = entry.event;
    const at = entry.at;
    switch (e.kind) {
      case 'sitting.opened':
        this.phase = 'open';
        this.openedAt ??= at;
        this.rulebook = { preset: e.rulebook.preset, name: e.rulebook.name };
        this.statutoryMembers = e.statutoryMembers;
        this.categories = new Map(e.rulebook.pointsOfOrder.categories.map((c) => [c.id, { de: c.label.de, en: c.label.en }]));
        // Whoever opens presides, until a President or Vice-President takes the chair.
        if (this.presidency.length === 0) this.presides(entry.actorId, at);
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
          s.durationSeconds = wholeSeconds(msBetween(s.at, at));
        }
        return;
      }
      case 'sitting.closed': {
        this.phase = 'closed';
        this.closedAt = at;
        const last = this.presidency.at(-1);
        if (last && last.to === null) last.to = at;
        return;
      }
      case 'presidency.taken': {
        this.see(e.person);
        this.presides(e.person.personId, at);
        this.section.proceedings.push({ kind: 'presidency', at, person: { personId: e.person.personId, name: e.person.name } });
        return;
      }
      case 'minutes.noted': {
        const note: Note = {
          kind: 'minutes_note',
          seq: entry.seq,
          noteId: e.noteId,
          noteKind: e.noteKind,
          text: e.text,
          moment: e.moment,
          at,
          by: this.actor(entry.actorId),
          corrections: [],
        };
        this.corrigibleText(
          entry,
          () => note.text,
          (text, c) => {
            note.text = text;
            note.corrections.push(c);
          },
        );
        this.section.proceedings.push(note);
        return;
      }
      case 'protocol.corrected': {
        const target = this.corrigible.get(e.target.seq);
        if (!target) return;
        const correction: ProtocolCorrection = { seq: entry.seq, at, by: this.actor(entry.actorId), target: e.target, previous: target.text(), text: e.text };
        target.set(e.text, correction);
        this.corrections.push(correction);
        if (this.approval) {
          this.lapsedApprovals.push({ ...this.approval, lapsedAt: at });
          this.approval = null;
        }
        return;
      }
      case 'protocol.approved':
        this.see(e.by);
        this.approval = { seq: e.seq, head: e.head, at, by: { personId: e.by.personId, name: e.by.name } };
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
      case 'agenda.amended':
        this.section.proceedings.push(this.amendment(e, at, entry.actorId));
        return;
      case 'agenda.order_policy_set':
        this.section.proceedings.push({ kind: 'order_policy', at, policy: e.policy });
        return;
      case 'agenda.speaking_time_allotted':
        this.section.proceedings.push({
          kind: 'speaking_time',
          at,
          debateSeconds: e.debateSeconds,
          perFaction: Object.entries(e.perFaction).map(([factionId, s]) => ({
            factionId: factionId === '' ? null : factionId,
            factionShortName: null,
            seconds: s,
          })),
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
        if (e.floorKind === 'point_of_order') return this.grantPointFloor(e.floorId, e.requestId, e.person, at);
        return this.grantFloor(e, at);
      case 'floor.extended':
      case 'floor.ended':
      case 'interjection.accepted':
      case 'interjection.ended':
        return; // times on the floor: read from the procedure's fold (see `time`)
      case 'interjection.declined': {
        const r = this.requests.get(e.requestId);
        const floor = r?.floor ?? this.current();
        if (r && floor)
          floor.interjections.push({
            requestId: e.requestId,
            person: r.person,
            askedAt: r.at,
            outcome: 'declined',
            startedAt: null,
            endedAt: null,
            durationSeconds: null,
          });
        return;
      }
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
          corrections: [],
          floors: [],
          decision: null,
        };
        this.corrigibleText(
          entry,
          () => point.text,
          (text, c) => {
            point.text = text;
            point.corrections.push(c);
          },
        );
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
        const decision = { decision: e.decision, note: e.note, voteId: e.voteId, at, by: this.actor(entry.actorId) };
        point.decision = decision;
        if (e.note !== null)
          this.corrigibleText(
            entry,
            () => decision.note ?? '',
            (text, c) => {
              point.decision = { ...decision, note: text };
              decision.note = text;
              point.corrections.push(c);
            },
          );
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
        vote.cast.push(
          vote.voteKind === 'named'
            ? { voter: e.voter, pseudonym: null, optionId: e.optionId }
            : vote.voteKind === 'secret'
              ? { voter: null, pseudonym: null, tokenHash: e.tokenHash ?? null, optionId: e.optionId }
              : { voter: null, pseudonym: e.pseudonym, optionId: e.optionId },
        );
        vote.ballotsCast += 1;
        return;
      }
      case 'vote.closed':
        return this.closeVote(e, at, entry.actorId);
      case 'chamber.muted_all':
      case 'chamber.mute_all_lifted':
        // Microphone control, not a proceeding: it stays in the record, not in the protocol.
        return;
      case 'order.called_to_point':
      case 'order.called_to_order':
      case 'order.floor_withdrawn':
      case 'order.muted':
      case 'order.unmuted':
      case 'order.excluded':
      case 'order.exclusion_carried':
      case 'order.objection_recorded':
      case 'order.objection_decided':
        this.see(e.person);
        this.section.proceedings.push(orderMeasure(e, at, this.actor(entry.actorId)));
        return;
      case 'roster.changed':
        this.section.proceedings.push({ kind: 'roster_change', at, person: e.person, before: e.before, after: e.after, by: this.actor(entry.actorId) });
        return;
      case 'lobby.asked':
      case 'lobby.admitted':
      case 'lobby.declined':
      case 'lobby.admission_ended':
      case 'participant.removed':
        this.section.proceedings.push(this.admission(e, this.state, at, entry.actorId));
        return;
      case 'quorum.counted': {
        this.section.proceedings.push({ kind: 'quorum_count', at, present: e.present, required: e.required, quorate: e.quorate, voteId: e.voteId });
        const vote = e.voteId === null ? undefined : this.votes.get(e.voteId);
        if (vote) vote.quorumChallenged = true;
        else this.quorumInDoubt = true;
        return;
      }
      case 'vote.cancelled': {
        const vote = this.votes.get(e.voteId);
        if (!vote || vote.status !== 'open') return;
        vote.status = 'cancelled';
        vote.outcome = 'cancelled';
        vote.cancelled = { at, reason: e.reason, actor: this.actor(entry.actorId) };
        return;
      }
      default: {
        const unknown: never = e;
        void unknown;
      }
    }
  }

  /**
   * Times on the floor, as the procedure's fold has them after the entry: an interjection put or
   * ended, a floor extended or finished (by its end, a new grant, or the close of the sitting).
   */
  private time(before: ProcedureState, after: ProcedureState): void {
    const running = after.floor?.interjection;
    if (running && running !== before.floor?.interjection) this.interjectionPut(after.floor.floorId, running.requestId, running.startedAt);
    for (const i of after.interjections.slice(before.interjections.length)) this.interjectionEnded(i);
    if (after.floor && after.floor !== before.floor) this.extended(after.floor.floorId, after.floor.limitSeconds, after.floor.extensionSeconds);
    for (const f of after.floors.slice(before.floors.length)) this.floorFinished(f);
  }

  /** A line of the lobby: the name as the entry (or the lobby's books) has it. */
  private admission(
    e: Extract<ProcedureEvent, { kind: 'lobby.asked' | 'lobby.admitted' | 'lobby.declined' | 'lobby.admission_ended' | 'participant.removed' }>,
    state: ProcedureState,
    at: string,
    actorId: string | null,
  ): Proceeding {
    const base = { kind: 'admission' as const, at, role: null, substituteFor: null, forItem: false, reason: null, by: this.actor(actorId) };
    const known = (id: string) => (Object.hasOwn(state.admissions, id) ? state.admissions[id]?.entrant.name : undefined) ?? id;
    switch (e.kind) {
      case 'lobby.asked':
        return { ...base, change: 'asked', name: e.entrant.name, by: null };
      case 'lobby.admitted':
        return { ...base, change: 'admitted', name: e.entrant.name, role: e.role, substituteFor: e.substituteFor, forItem: e.agendaItemId !== null };
      case 'lobby.declined':
        return { ...base, change: 'declined', name: known(e.entrantId), reason: e.reason };
      case 'lobby.admission_ended':
        return { ...base, change: 'ended', name: known(e.entrantId), forItem: true, by: null };
      case 'participant.removed':
        return { ...base, change: 'removed', name: e.name, reason: e.reason };
    }
  }

  /** The amendment at its place, its decision named as the record has it (the point's category and when it was decided, where the record tells). */
  private amendment(e: Extract<ProcedureEvent, { kind: 'agenda.amended' }>, at: string, actorId: string | null): ProtocolAgendaAmendment {
    const a = e.authority;
    if (a.kind === 'point_of_order') this.see(a.mover);
    const authority: ProtocolAgendaAmendment['authority'] =
      a.kind === 'point_of_order'
        ? {
            kind: 'point_of_order',
            pointId: a.pointId,
            reference: a.reference,
            mover: a.mover,
            category: { id: a.category, label: this.categories.get(a.category) ?? null },
            decidedAt: this.points.get(a.pointId)?.decision?.at ?? null,
          }
        : { kind: 'vote', voteId: a.voteId, reference: a.reference, decidedAt: this.votes.get(a.voteId)?.closed?.at ?? null };
    return { kind: 'agenda_amendment', at, change: e.change, authority, by: this.actor(actorId) };
  }

  /** The speech holding the floor now, if the protocol lists it (a point of order's floor is listed under its point). */
  private current(): Floor | null {
    const id = this.state.floor?.floorId;
    const f = id === undefined ? undefined : this.floorsById.get(id);
    return f && 'kind' in f ? f : null;
  }

  private protocolFloor(floorId: string): Floor | null {
    const f = this.floorsById.get(floorId);
    return f && 'kind' in f ? f : null;
  }

  private interjectionPut(floorId: string, requestId: string, startedAt: string): void {
    const floor = this.protocolFloor(floorId);
    const r = this.requests.get(requestId);
    if (!floor || !r) return;
    floor.interjections.push({ requestId, person: r.person, askedAt: r.at, outcome: 'accepted', startedAt, endedAt: null, durationSeconds: null });
  }

  private interjectionEnded(i: FinishedInterjection): void {
    const floor = this.protocolFloor(i.floorId);
    const k = floor ? floor.interjections.findLastIndex((x) => x.requestId === i.requestId && x.outcome === 'accepted' && x.endedAt === null) : -1;
    if (!floor || k < 0) return;
    floor.interjections[k] = { ...floor.interjections[k]!, endedAt: i.endedAt, durationSeconds: wholeSeconds(i.ms) };
  }

  private extended(floorId: string, limitSeconds: number | null, extensionSeconds: number): void {
    const floor = this.protocolFloor(floorId);
    if (!floor) return;
    floor.extendedSeconds = extensionSeconds;
    floor.limitSeconds = limitSeconds === null ? null : limitSeconds + extensionSeconds;
  }

  private floorFinished(f: FinishedFloor): void {
    const floor = this.floorsById.get(f.floorId);
    if (!floor) return;
    floor.endedAt = f.endedAt;
    floor.durationSeconds = wholeSeconds(msBetween(f.startedAt, f.endedAt));
    if (!('kind' in floor)) return; // a point of order's floor: its duration is all the protocol shows
    this.extended(f.floorId, f.limitSeconds, f.extensionSeconds);
    floor.speakingSeconds = wholeSeconds(f.ms);
    floor.overrunSeconds = floor.limitSeconds === null ? null : Math.max(0, floor.speakingSeconds - floor.limitSeconds);
  }

  /** The floor an interjection or short intervention addresses: by its request, or by the floor id (a grant without request). */
  private addressed(address: string | null): Floor | null {
    if (address === null) return this.current();
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
    };
    this.floors.push(floor);
    this.floorsById.set(e.floorId, floor);
    this.section.proceedings.push(floor);
  }

  private grantPointFloor(floorId: string, pointId: string | null, person: PersonRef, at: string): void {
    const point = pointId ? this.points.get(pointId) : undefined;
    if (!point) return;
    const role = point.person.personId === person.personId ? 'mover' : 'against';
    const floor: PointFloor = { person, role, startedAt: at, endedAt: null, durationSeconds: null };
    point.floors.push(floor);
    this.floorsById.set(floorId, floor);
  }

  private openVote(e: Extract<ProcedureEvent, { kind: 'vote.opened' }>, at: string, actorId: string | null): void {
    const d = e.definition;
    if (this.votes.has(d.voteId)) return;
    e.eligible.forEach((p) => this.see(p));
    const quorumChallenged = this.quorumInDoubt;
    this.quorumInDoubt = false;
    const vote: Vote = {
      kind: 'vote',
      voteId: d.voteId,
      title: d.title,
      voteKind: d.kind,
      majority: d.majority,
      options: d.options,
      statutoryMembers: d.statutoryMembers,
      ...(d.election ? { election: d.election } : {}),
      forPointId: null,
      openedAt: at,
      openedBy: this.actor(actorId),
      closesAt: e.closesAt,
      eligibleCount: e.eligible.length,
      quorateAtOpening: e.quorate,
      quorumChallenged,
      outcome: null,
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
    const withLabels = (counts: readonly { optionId: string; count: number }[]) =>
      counts.map((c) => ({ optionId: c.optionId, label: label(c.optionId), count: c.count }));
    const r = e.result;
    const recount = new Map<string, number>();
    for (const c of vote.cast) recount.set(c.optionId, (recount.get(c.optionId) ?? 0) + 1);
    const announced = new Map(r.counts.map((c) => [c.optionId, c.count]));
    // A show of hands has no ballots to recount: its counts are the chair's, as entered.
    const hands = vote.voteKind === 'show_of_hands' && vote.cast.length === 0;
    const recountMatches = hands || [...new Set([...recount.keys(), ...announced.keys()])].every((id) => (recount.get(id) ?? 0) === (announced.get(id) ?? 0));
    if (e.enteredBy) this.see(e.enteredBy);
    vote.status = 'closed';
    vote.outcome = outcomeOf('closed', r);
    vote.closed = { at, by: e.closedBy, actor: this.actor(actorId) };
    vote.result = {
      passed: r.passed,
      reason: r.reason,
      reasonCode: r.reasonCode,
      counts: withLabels(r.counts),
      perFaction: withoutFalseFactions(vote.voteKind, r).perFaction.map((f) => ({
        factionId: f.factionId,
        factionShortName: this.factionShortName(f.factionId),
        counts: withLabels(f.counts),
      })),
      eligible: r.eligible,
      cast: r.cast,
      turnoutPercent: r.eligible > 0 ? Math.round((r.cast / r.eligible) * 1000) / 10 : null,
      quorate: r.quorate,
      ...(r.elected === undefined ? {} : { elected: [...r.elected] }),
      ...(r.election === undefined ? {} : { election: r.election }),
      recountMatches,
    };
    if (vote.voteKind === 'named') {
      const votes = vote.cast.flatMap((c) => (c.voter ? [{ voter: c.voter, optionId: c.optionId }] : [])).sort((x, y) => byName(x.voter, y.voter));
      const voted = new Set(votes.map((v) => v.voter.personId));
      vote.ballots = { kind: 'named', votes, notVoted: vote.eligible.filter((p) => !voted.has(p.personId)).sort(byName) };
    } else if (vote.voteKind === 'secret') {
      const votes = vote.cast.flatMap((c) => (c.tokenHash ? [{ tokenHash: c.tokenHash, optionId: c.optionId }] : []));
      vote.ballots = { kind: 'secret', votes: votes.sort((x, y) => (x.tokenHash < y.tokenHash ? -1 : x.tokenHash > y.tokenHash ? 1 : 0)) };
    } else if (vote.voteKind === 'pseudonymous') {
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

  /** The public shape of a proceeding: the fold's working fields dropped. */
  publish(p: Proceeding): Proceeding {
    if (p.kind === 'floor') return { ...p, interjections: [...p.interjections] };
    if (p.kind === 'vote') {
      const { eligible: _eligible, cast: _cast, ...vote } = p as Vote;
      return vote;
    }
    if (p.kind === 'point_of_order') return { ...p, floors: p.floors.map((f) => ({ ...f })), corrections: [...p.corrections] };
    if (p.kind === 'minutes_note') return { ...p, corrections: [...p.corrections] };
    return { ...p };
  }

  /** Counted floor time from the procedure's fold: each total rounded once (wholeSeconds), as the live clocks would. */
  speakingTime(): Protocol['speakingTime'] {
    const { perPerson, perFaction } = floorTime(this.state);
    return {
      perFaction: [...perFaction.values()]
        .map((g) => ({ factionId: g.factionId, factionShortName: g.factionShortName, floors: g.floors, seconds: wholeSeconds(g.ms) }))
        .sort((x, y) => y.seconds - x.seconds || (x.factionShortName ?? '~').localeCompare(y.factionShortName ?? '~')),
      perPerson: [...perPerson.values()]
        .map((p) => ({ person: p.person, floors: p.floors, seconds: wholeSeconds(p.ms) }))
        .sort((x, y) => y.seconds - x.seconds || byName(x.person, y.person)),
    };
  }
}

/** An order measure's line in the protocol. */
function orderMeasure(e: Extract<ProcedureEvent, { kind: `order.${string}` }>, at: string, by: Actor | null): Proceeding {
  const line = { kind: 'order_measure' as const, at, person: e.person, by, reason: null, sittingDays: null, upheld: null };
  switch (e.kind) {
    case 'order.called_to_point':
      return { ...line, measure: 'call_to_point', reason: e.reason };
    case 'order.called_to_order':
      return { ...line, measure: 'call_to_order', reason: e.reason };
    case 'order.floor_withdrawn':
      return { ...line, measure: 'floor_withdrawn', reason: e.reason };
    case 'order.muted':
      return { ...line, measure: 'muted' };
    case 'order.unmuted':
      return { ...line, measure: 'unmuted' };
    case 'order.excluded':
      return { ...line, measure: 'excluded', reason: e.reason, sittingDays: e.sittingDays };
    case 'order.exclusion_carried':
      return { ...line, measure: 'exclusion_carried', sittingDays: e.remaining };
    case 'order.objection_recorded':
      return { ...line, measure: 'objection_recorded', reason: e.text };
    case 'order.objection_decided':
      return { ...line, measure: 'objection_decided', reason: e.note, upheld: e.upheld };
    default: {
      const unknown: never = e;
      return unknown;
    }
  }
}
