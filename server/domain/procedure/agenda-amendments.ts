/**
 * Changing the agenda of an open sitting is procedure (issue 13). Before the sitting opens, the
 * clerk or the chair edit the agenda freely (back office). Once it is open, the house decides a
 * change (a point of order the chair accepts, or a vote that passes) and the chair's team carries
 * it out here: move an item, insert one, remove one not yet dealt with, or correct a title. The
 * record entry names the decision; the protocol prints it where it happened.
 *
 * The agenda itself is the sitting's agenda_items table, read through the context: the engine
 * writes the entry and the table in one transaction, and hands the next decision of the same batch
 * the agenda as amended (`amendedAgenda`).
 *
 * Choices:
 *  - Open only, not suspended: a change of the agenda happens before the house, as the decision
 *    that allows it did (decisions need an open sitting too). A decision taken before a break is
 *    carried out before suspending or right after resuming.
 *  - A decision may be carried out by more than one amendment: "take item 5 off and put the
 *    motion on instead" is one decision and two changes. The domain cannot read a decision's text
 *    to check that the change is the one decided, so a "once only" rule would block such decisions
 *    without stopping a wrong change; instead every amendment names its decision in the record and
 *    the protocol, where it can be checked, and the views show each decision's amendments.
 *  - Removal is refused for an item called in this sitting (the current one included) or voted on:
 *    the record refers to it. Moving any item, or correcting its title, is not.
 */
import { InputError, NotFoundError, RuleViolation } from '../errors';
import { outcomeOf } from '../counting/outcome';
import { insertAt, moveTo, remove } from '../agenda';
import { agendaItemKinds } from '../parliament';
import { textLimits } from '../text';
import type { AgendaAuthority, AgendaChange, DecideContext, ProcedureCommand, SittingContext } from './commands';
import type { AmendedChange, AmendmentAuthority, PersonRef, ProcedureEvent } from './events';
import type { ProcedureState, VoteState } from './state';
import { itemOf, own } from './lookup';
import { requireChair, requireOpen } from './permissions';

type Of<K extends ProcedureCommand['kind']> = Extract<ProcedureCommand, { kind: K }>;
type Agenda = SittingContext['agenda'];
type AgendaEntry = Agenda[number];

/** The agenda in its order (position 1 first). */
export function agendaInOrder(agenda: Agenda): AgendaEntry[] {
  return [...agenda].sort((a, b) => a.position - b.position);
}

export function amendAgenda(state: ProcedureState, cmd: Of<'agenda.amend'>, ctx: DecideContext): ProcedureEvent[] {
  requireChair(ctx.actor, 'change the agenda');
  requireOpen(state, 'changing the agenda');
  const authority = authorityOf(state, cmd.authority);
  const agenda = agendaInOrder(ctx.sitting.agenda);
  const order = agenda.map((i) => i.id);
  const amended = (change: AmendedChange, next: readonly string[]): ProcedureEvent[] => [{ kind: 'agenda.amended', change, order: [...next], authority }];
  const change: AgendaChange = cmd.change;
  switch (change.kind) {
    case 'move': {
      const item = itemIn(agenda, change.agendaItemId);
      requirePosition(change.position, order.length);
      const from = order.indexOf(item.id) + 1;
      if (from === change.position) return []; // already there: a repeat changes nothing
      return amended({ kind: 'move', agendaItemId: item.id, title: item.title, from, to: change.position }, moveTo(order, item.id, change.position));
    }
    case 'insert': {
      requirePosition(change.position, order.length + 1);
      const title = titleOf(change.title);
      if (!agendaItemKinds.includes(change.itemKind)) {
        throw new InputError([{ path: ['change', 'itemKind'], message: `unknown kind of agenda item ${String(change.itemKind)}` }]);
      }
      const description = change.description?.trim() || null;
      if (description !== null && description.length > textLimits.agendaDescription) {
        throw new InputError([{ path: ['change', 'description'], message: `a description has at most ${textLimits.agendaDescription} characters` }]);
      }
      const id = ctx.newId();
      return amended(
        { kind: 'insert', agendaItemId: id, title, itemKind: change.itemKind, description, position: change.position },
        insertAt(order, id, change.position),
      );
    }
    case 'remove': {
      const item = itemIn(agenda, change.agendaItemId);
      requireNotDealtWith(state, item);
      return amended({ kind: 'remove', agendaItemId: item.id, title: item.title, position: order.indexOf(item.id) + 1 }, remove(order, item.id));
    }
    case 'retitle': {
      const item = itemIn(agenda, change.agendaItemId);
      const title = titleOf(change.title);
      if (title === item.title) return [];
      return amended({ kind: 'retitle', agendaItemId: item.id, position: order.indexOf(item.id) + 1, previousTitle: item.title, title }, order);
    }
    default: {
      const unknown: never = change;
      throw new InputError([{ path: ['change', 'kind'], message: `unknown change ${JSON.stringify((unknown as { kind?: unknown }).kind)}` }]);
    }
  }
}

/** The decision named, as the record refers to it: an accepted point of order or a vote that passed, of this sitting. */
function authorityOf(state: ProcedureState, authority: AgendaAuthority): AmendmentAuthority {
  switch (authority.kind) {
    case 'point_of_order': {
      // Points of order of other sittings are not in this sitting's state: not found, like any unknown id.
      const point = own(state.points, authority.pointId);
      if (!point) throw new NotFoundError('pointOfOrder', authority.pointId);
      if (point.status !== 'decided' || point.decision !== 'accepted') {
        const why = point.decision === 'put_to_vote' ? 'it was put to a vote: name that vote' : `it is ${point.decision ?? point.status}`;
        throw new RuleViolation('agenda.point_not_accepted', `only an accepted point of order allows a change of the agenda; ${why}`);
      }
      return { kind: 'point_of_order', pointId: point.pointId, reference: point.text, category: point.category, mover: point.person };
    }
    case 'vote': {
      const vote = own(state.votes, authority.voteId);
      if (!vote) throw new NotFoundError('vote', authority.voteId);
      if (!adoptedMotion(vote)) {
        const why = vote.definition.election ? 'it was an election' : vote.status === 'closed' ? 'it did not pass' : `it is ${vote.status}`;
        throw new RuleViolation('agenda.vote_not_passed', `only a vote that passed allows a change of the agenda; ${why}`);
      }
      return { kind: 'vote', voteId: vote.voteId, reference: vote.definition.title };
    }
    default: {
      const unknown: never = authority;
      throw new InputError([{ path: ['authority', 'kind'], message: `unknown authority ${JSON.stringify((unknown as { kind?: unknown }).kind)}` }]);
    }
  }
}

function itemIn(agenda: readonly AgendaEntry[], agendaItemId: string): AgendaEntry {
  const item = agenda.find((i) => i.id === agendaItemId);
  if (!item) throw new NotFoundError('agendaItem', agendaItemId);
  return item;
}

/** A place from 1 to `last`; a whole number, or the input is malformed. */
function requirePosition(position: number, last: number): void {
  if (!Number.isInteger(position)) throw new InputError([{ path: ['change', 'position'], message: 'a position is a whole number' }]);
  if (position < 1 || position > last) {
    throw new RuleViolation('agenda.position_out_of_range', `the agenda has positions 1 to ${last}; there is no position ${position}`);
  }
}

function titleOf(raw: string): string {
  const title = raw.trim();
  if (title.length === 0 || title.length > textLimits.agendaTitle) {
    throw new InputError([{ path: ['change', 'title'], message: `an agenda item has a title of 1 to ${textLimits.agendaTitle} characters` }]);
  }
  return title;
}

/** Why an item must stay on the agenda: it is current, was called in this sitting or voted on (the record refers to it); null: it may go. */
export function dealtWith(state: ProcedureState, agendaItemId: string): 'current' | 'called' | 'voted' | null {
  if (state.currentItemId === agendaItemId) return 'current';
  if (itemOf(state, agendaItemId).calledAt !== null) return 'called';
  if (Object.values(state.votes).some((v) => v.definition.agendaItemId === agendaItemId)) return 'voted';
  return null;
}

function requireNotDealtWith(state: ProcedureState, item: AgendaEntry): void {
  const why = dealtWith(state, item.id);
  if (why === null) return;
  const message = { current: 'the item is the current one', called: 'the item has been called in this sitting', voted: 'a vote has been held on the item' }[
    why
  ];
  throw new RuleViolation('agenda.item_dealt_with', `${message}; it stays on the agenda`);
}

/**
 * The agenda after an amendment, as the next decision must see it: what the engine writes to the
 * agenda_items table in the same transaction, applied to the context it holds.
 */
export function amendedAgenda(agenda: Agenda, event: Extract<ProcedureEvent, { kind: 'agenda.amended' }>): Agenda {
  const byId = new Map(agenda.map((i) => [i.id, i]));
  const c = event.change;
  if (c.kind === 'insert') byId.set(c.agendaItemId, { id: c.agendaItemId, position: c.position, title: c.title });
  if (c.kind === 'retitle') {
    const item = byId.get(c.agendaItemId);
    if (item) byId.set(c.agendaItemId, { ...item, title: c.title });
  }
  return event.order
    .flatMap((id) => {
      const item = byId.get(id);
      return item ? [item] : [];
    })
    .map((item, i) => ({ ...item, position: i + 1 }));
}

/** The context with the agenda as amended by these events (others leave it as it is). */
export function contextAfter(sitting: SittingContext, events: readonly ProcedureEvent[]): SittingContext {
  let agenda = sitting.agenda;
  for (const e of events) if (e.kind === 'agenda.amended') agenda = amendedAgenda(agenda, e);
  return agenda === sitting.agenda ? sitting : { ...sitting, agenda };
}

/** A decision of this sitting that allows a change of the agenda, as the chair console offers it. */
export interface AgendaAuthorityView {
  readonly kind: AgendaAuthority['kind'];
  /** The point's or the vote's id. */
  readonly id: string;
  /** The point's text or the vote's title. */
  readonly reference: string;
  /** The mover of a point of order; null for a vote. */
  readonly mover: PersonRef | null;
  /** A point's category; null for a vote. */
  readonly category: string | null;
  readonly decidedAt: string | null;
  /** The amendments that have carried it out so far, in record order (seq). */
  readonly amendedIn: readonly number[];
}

/** A motion the house adopted; an election fills seats, it decides nothing about the agenda. */
function adoptedMotion(vote: VoteState): boolean {
  return outcomeOf(vote.status, vote.result) === 'adopted';
}

/** Accepted points of order and votes that passed, newest decision first, with what has been carried out on each. */
export function agendaAuthorities(state: ProcedureState): readonly AgendaAuthorityView[] {
  const uses = (kind: AgendaAuthority['kind'], id: string) =>
    state.amendments
      .filter((a) => a.authority.kind === kind && (a.authority.kind === 'vote' ? a.authority.voteId : a.authority.pointId) === id)
      .map((a) => a.seq);
  const points: AgendaAuthorityView[] = Object.values(state.points)
    .filter((p) => p.status === 'decided' && p.decision === 'accepted')
    .map((p) => ({
      kind: 'point_of_order',
      id: p.pointId,
      reference: p.text,
      mover: p.person,
      category: p.category,
      decidedAt: p.decidedAt,
      amendedIn: uses('point_of_order', p.pointId),
    }));
  const votes: AgendaAuthorityView[] = Object.values(state.votes)
    .filter(adoptedMotion)
    .map((v) => ({
      kind: 'vote',
      id: v.voteId,
      reference: v.definition.title,
      mover: null,
      category: null,
      decidedAt: v.closedAt,
      amendedIn: uses('vote', v.voteId),
    }));
  return [...points, ...votes].sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
}
