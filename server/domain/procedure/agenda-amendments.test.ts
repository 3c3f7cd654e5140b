import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../errors';
import type { AgendaAuthority, AgendaChange } from './commands';
import { agendaAuthorities, amendedAgenda } from './agenda-amendments';
import { Chamber, chair, draft, ruleOf as rule } from './spec-support';
import { fold } from './state';

const amend = (change: AgendaChange, authority: AgendaAuthority) => ({ kind: 'agenda.amend', change, authority }) as const;
const order = (c: Chamber) => [...c.sitting.agenda].sort((a, b) => a.position - b.position).map((i) => i.id);

/** An open sitting in which d.peters' point of order "move item 3 before item 2" was accepted. */
function accepted(text = 'Move item 3 before item 2'): { c: Chamber; point: AgendaAuthority } {
  const c = new Chamber().open();
  c.run('d.peters', { kind: 'point_of_order.raise', category: 'agenda', text });
  const pointId = Object.keys(c.state.points).at(-1)!;
  c.run(chair, { kind: 'point_of_order.decide', pointId, decision: 'accepted', note: null, voteDraftId: null });
  return { c, point: { kind: 'point_of_order', pointId } };
}

/** A vote on `title`, closed with every present member voting `option`. */
function voted(c: Chamber, id: string, option: 'yes' | 'no', title = 'Take item 5 off the agenda'): AgendaAuthority {
  c.run(chair, { kind: 'vote.open', draft: draft({ id, title, agendaItemId: null, majority: 'simple', kind: 'named' }) });
  for (const personId of Object.keys(c.state.present)) c.run(personId, { kind: 'vote.cast', voteId: id, optionId: option, pseudonym: null });
  if (c.state.votes[id]?.status === 'open') c.run(chair, { kind: 'vote.close', voteId: id, by: 'chair' });
  return { kind: 'vote', voteId: id };
}

describe('changing the agenda of an open sitting', () => {
  it('carries out an accepted point of order: item 3 moves before item 2, the entry names the point', () => {
    const { c, point } = accepted();
    const events = c.run(chair, amend({ kind: 'move', agendaItemId: 'item-3', position: 2 }, point));
    expect(events).toEqual([
      {
        kind: 'agenda.amended',
        change: { kind: 'move', agendaItemId: 'item-3', title: 'Question time: energy prices', from: 3, to: 2 },
        order: ['item-1', 'item-3', 'item-2', 'item-4', 'item-5', 'item-6'],
        authority: {
          kind: 'point_of_order',
          pointId: (point as { pointId: string }).pointId,
          reference: 'Move item 3 before item 2',
          category: 'agenda',
          mover: expect.objectContaining({ personId: 'd.peters' }),
        },
      },
    ]);
    expect(order(c)).toEqual(['item-1', 'item-3', 'item-2', 'item-4', 'item-5', 'item-6']);
    expect(c.state.amendments).toEqual([expect.objectContaining({ seq: c.entries.length, actorId: chair, order: order(c) })]);
    expect(fold(c.entries)).toEqual(c.state);
  });

  it('inserts a new item at a place, with an id of its own; the next command finds it', () => {
    const { c, point } = accepted('Add the urgent motion on flood relief as item 2');
    const [event] = c.run(
      chair,
      amend({ kind: 'insert', position: 2, title: '  Flood relief (urgent motion)  ', itemKind: 'debate', description: null }, point),
    );
    expect(event).toMatchObject({
      kind: 'agenda.amended',
      change: { kind: 'insert', agendaItemId: expect.any(String), title: 'Flood relief (urgent motion)', itemKind: 'debate', description: null, position: 2 },
    });
    const id = event?.kind === 'agenda.amended' ? event.change.agendaItemId : '';
    expect(order(c)).toEqual(['item-1', id, 'item-2', 'item-3', 'item-4', 'item-5', 'item-6']);
    expect(c.run(chair, { kind: 'agenda.call', agendaItemId: id })[0]).toMatchObject({ kind: 'agenda.item_called', agendaItemId: id, position: 2 });
    // At the end (one past the last position) too.
    c.run(chair, amend({ kind: 'insert', position: 8, title: 'Closing', itemKind: 'procedure', description: 'Date of the next sitting' }, point));
    expect(c.sitting.agenda.find((i) => i.position === 8)?.title).toBe('Closing');
  });

  it('removes an item not dealt with on a vote that passed; a called or voted item stays', () => {
    const c = new Chamber().open();
    c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
    const vote = voted(c, 'vote-off', 'yes');
    c.run(chair, amend({ kind: 'remove', agendaItemId: 'item-5' }, vote));
    expect(order(c)).toEqual(['item-1', 'item-2', 'item-3', 'item-4', 'item-6']);
    expect(c.state.amendments.at(-1)).toMatchObject({
      change: { kind: 'remove', agendaItemId: 'item-5', title: 'Election of a member of the Court of Audit', position: 5 },
      authority: { kind: 'vote', voteId: 'vote-off', reference: 'Take item 5 off the agenda' },
    });
    // The current item, an item called before, an item voted on.
    expect(rule(() => c.decide(chair, amend({ kind: 'remove', agendaItemId: 'item-2' }, vote)))).toBe('agenda.item_dealt_with');
    c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-3' });
    expect(rule(() => c.decide(chair, amend({ kind: 'remove', agendaItemId: 'item-2' }, vote)))).toBe('agenda.item_dealt_with');
    c.run(chair, { kind: 'vote.open', draft: draft({ id: 'vote-on-4', agendaItemId: 'item-4' }) });
    c.run(chair, { kind: 'vote.cancel', voteId: 'vote-on-4', reason: 'wrong draft' });
    expect(rule(() => c.decide(chair, amend({ kind: 'remove', agendaItemId: 'item-4' }, vote)))).toBe('agenda.item_dealt_with');
    // Moving a called item is not removing it.
    expect(c.decide(chair, amend({ kind: 'move', agendaItemId: 'item-2', position: 1 }, vote))).toHaveLength(1);
  });

  it('corrects a title; the same title again, or a move to where the item is, changes nothing', () => {
    const { c, point } = accepted();
    c.run(chair, amend({ kind: 'retitle', agendaItemId: 'item-6', title: 'Any other business, date of the next sitting' }, point));
    expect(c.state.amendments.at(-1)?.change).toEqual({
      kind: 'retitle',
      agendaItemId: 'item-6',
      position: 6,
      previousTitle: 'Any other business',
      title: 'Any other business, date of the next sitting',
    });
    expect(c.decide(chair, amend({ kind: 'retitle', agendaItemId: 'item-6', title: 'Any other business, date of the next sitting' }, point))).toEqual([]);
    expect(c.decide(chair, amend({ kind: 'move', agendaItemId: 'item-2', position: 2 }, point))).toEqual([]);
  });

  it('one decision may take several amendments; each names it, and the views count them', () => {
    const { c, point } = accepted('Take item 5 off and put the flood relief motion in its place');
    c.run(chair, amend({ kind: 'remove', agendaItemId: 'item-5' }, point));
    c.run(chair, amend({ kind: 'insert', position: 5, title: 'Flood relief', itemKind: 'debate', description: null }, point));
    c.advance(60);
    voted(c, 'vote-late', 'yes', 'Sit until midnight');
    const views = agendaAuthorities(c.state);
    expect(views.map((v) => [v.kind, v.id, v.amendedIn.length])).toEqual([
      ['vote', 'vote-late', 0],
      ['point_of_order', (point as { pointId: string }).pointId, 2],
    ]);
    expect(views[1]).toMatchObject({
      reference: 'Take item 5 off and put the flood relief motion in its place',
      category: 'agenda',
      mover: { personId: 'd.peters' },
    });
    expect(views[0]?.decidedAt).toBe(c.state.votes['vote-late']?.closedAt);
  });
});

describe('what allows no change of the agenda', () => {
  it('refuses a point of order that was not accepted, and points in every other state', () => {
    const c = new Chamber().open();
    const raise = (personId: string, text: string) => {
      c.run(personId, { kind: 'point_of_order.raise', category: 'agenda', text });
      return Object.keys(c.state.points).at(-1)!;
    };
    const move = (pointId: string) => amend({ kind: 'move', agendaItemId: 'item-3', position: 2 }, { kind: 'point_of_order', pointId });
    const pending = raise('d.peters', 'Move item 3 up');
    expect(rule(() => c.decide(chair, move(pending)))).toBe('agenda.point_not_accepted');
    for (const decision of ['rejected', 'noted'] as const) {
      const p = raise(decision === 'rejected' ? 'h.lange' : 'j.brandt', `Move item 3 up (${decision})`);
      c.run(chair, { kind: 'point_of_order.decide', pointId: p, decision, note: null, voteDraftId: null });
      expect(rule(() => c.decide(chair, move(p)))).toBe('agenda.point_not_accepted');
    }
    c.run(chair, { kind: 'point_of_order.decide', pointId: pending, decision: 'put_to_vote', note: null, voteDraftId: null });
    expect(rule(() => c.decide(chair, move(pending)))).toBe('agenda.point_not_accepted');
    const withdrawn = raise('f.kuhn', 'Move item 3 up, please');
    c.run('f.kuhn', { kind: 'point_of_order.withdraw', pointId: withdrawn });
    expect(rule(() => c.decide(chair, move(withdrawn)))).toBe('agenda.point_not_accepted');
    // The vote it was put to stands for it once it has passed.
    const voteId = c.state.points[pending]!.voteId!;
    expect(rule(() => c.decide(chair, amend({ kind: 'move', agendaItemId: 'item-3', position: 2 }, { kind: 'vote', voteId })))).toBe('agenda.vote_not_passed');
    const secret = c.state.votes[voteId]?.definition.kind === 'pseudonymous';
    for (const personId of Object.keys(c.state.present))
      c.run(personId, { kind: 'vote.cast', voteId, optionId: 'yes', pseudonym: secret ? `p-${personId}` : null });
    expect(c.decide(chair, amend({ kind: 'move', agendaItemId: 'item-3', position: 2 }, { kind: 'vote', voteId }))).toHaveLength(1);
  });

  it('refuses a vote that failed, is open or was cancelled', () => {
    const c = new Chamber().open();
    const failed = voted(c, 'vote-no', 'no');
    const move = (authority: AgendaAuthority) => amend({ kind: 'move', agendaItemId: 'item-3', position: 2 }, authority);
    expect(rule(() => c.decide(chair, move(failed)))).toBe('agenda.vote_not_passed');
    c.run(chair, { kind: 'vote.open', draft: draft({ id: 'vote-open' }) });
    expect(rule(() => c.decide(chair, move({ kind: 'vote', voteId: 'vote-open' })))).toBe('agenda.vote_not_passed');
    c.run(chair, { kind: 'vote.cancel', voteId: 'vote-open', reason: 'mistake' });
    expect(rule(() => c.decide(chair, move({ kind: 'vote', voteId: 'vote-open' })))).toBe('agenda.vote_not_passed');
  });

  it('takes no election as a decision on the agenda, even one that elected', () => {
    const c = new Chamber().open();
    const options = [
      { id: 'o1', label: 'Anna Berg', meaning: 'yes' as const },
      { id: 'o2', label: 'Carl Dorn', meaning: 'yes' as const },
    ];
    c.run(chair, { kind: 'vote.open', draft: draft({ id: 'vote-e', title: 'Election of the President', options, election: { seats: 1 } }) });
    for (const personId of Object.keys(c.state.present)) c.run(personId, { kind: 'vote.cast', voteId: 'vote-e', optionId: 'o1', pseudonym: null });
    if (c.state.votes['vote-e']?.status === 'open') c.run(chair, { kind: 'vote.close', voteId: 'vote-e', by: 'chair' });
    expect(c.state.votes['vote-e']?.result).toMatchObject({ passed: true, elected: ['o1'] });
    expect(agendaAuthorities(c.state)).toEqual([]);
    expect(rule(() => c.decide(chair, amend({ kind: 'move', agendaItemId: 'item-3', position: 2 }, { kind: 'vote', voteId: 'vote-e' })))).toBe(
      'agenda.vote_not_passed',
    );
  });

  it('refuses unknown decisions and items (a point of another sitting is unknown here), and places off the agenda', () => {
    const { c, point } = accepted();
    expect(() => c.decide(chair, amend({ kind: 'move', agendaItemId: 'item-3', position: 2 }, { kind: 'point_of_order', pointId: 'elsewhere' }))).toThrow(
      NotFoundError,
    );
    expect(() => c.decide(chair, amend({ kind: 'move', agendaItemId: 'item-3', position: 2 }, { kind: 'vote', voteId: 'nope' }))).toThrow(NotFoundError);
    expect(() => c.decide(chair, amend({ kind: 'move', agendaItemId: 'item-9', position: 2 }, point))).toThrow(NotFoundError);
    expect(() => c.decide(chair, amend({ kind: 'remove', agendaItemId: '__proto__' }, point))).toThrow(NotFoundError);
    expect(() => c.decide(chair, amend({ kind: 'move', agendaItemId: 'item-3', position: 2 }, { kind: 'point_of_order', pointId: 'constructor' }))).toThrow(
      NotFoundError,
    );
    for (const position of [0, 7, -1]) {
      expect(rule(() => c.decide(chair, amend({ kind: 'move', agendaItemId: 'item-3', position }, point)))).toBe('agenda.position_out_of_range');
    }
    expect(rule(() => c.decide(chair, amend({ kind: 'insert', position: 8, title: 'x', itemKind: 'other', description: null }, point)))).toBe(
      'agenda.position_out_of_range',
    );
    expect(() => c.decide(chair, amend({ kind: 'move', agendaItemId: 'item-3', position: 1.5 }, point))).toThrow(InputError);
  });

  it('refuses empty, long and unknown-kind items, and text the record should not hold', () => {
    const { c, point } = accepted();
    const insert = (title: string, itemKind = 'debate', description: string | null = null) =>
      amend({ kind: 'insert', position: 1, title, itemKind: itemKind as 'debate', description }, point);
    expect(() => c.decide(chair, insert('   '))).toThrow(InputError);
    expect(() => c.decide(chair, insert('x'.repeat(301)))).toThrow(InputError);
    expect(c.decide(chair, insert('x'.repeat(300)))).toHaveLength(1);
    expect(() => c.decide(chair, insert('Item', 'party'))).toThrow(InputError);
    expect(() => c.decide(chair, insert('Item', 'debate', 'd'.repeat(5001)))).toThrow(InputError);
    expect(() => c.decide(chair, insert('bell \u0007 title'))).toThrow(InputError);
    expect(() => c.decide(chair, amend({ kind: 'retitle', agendaItemId: 'item-2', title: '' }, point))).toThrow(InputError);
  });

  it('only the chair’s team changes the agenda, and only while the sitting is open', () => {
    const { c, point } = accepted();
    const move = amend({ kind: 'move', agendaItemId: 'item-3', position: 2 }, point);
    for (const who of ['d.peters', 'clerk', 'it.admin', null]) expect(rule(() => c.decide(who, move))).toBe('forbidden.chair_only');
    expect(c.decide('moderator', move)).toHaveLength(1);
    c.run(chair, { kind: 'sitting.suspend', reason: null, breakMinutes: 10 });
    expect(rule(() => c.decide(chair, move))).toBe('sitting.not_open');
    c.run(chair, { kind: 'sitting.resume' });
    c.run(chair, { kind: 'sitting.close' });
    expect(rule(() => c.decide(chair, move))).toBe('sitting.not_open');
    expect(rule(() => new Chamber().decide(chair, move))).toBe('sitting.not_open');
  });
});

describe('the agenda the next decision sees', () => {
  it('follows the entry: order, an inserted item, a title; an entry naming unknown ids drops them', () => {
    const agenda = [
      { id: 'a', position: 1, title: 'A' },
      { id: 'b', position: 2, title: 'B' },
    ];
    const authority = { kind: 'vote', voteId: 'v', reference: 'V' } as const;
    expect(
      amendedAgenda(agenda, {
        kind: 'agenda.amended',
        change: { kind: 'insert', agendaItemId: 'n', title: 'N', itemKind: 'other', description: null, position: 1 },
        order: ['n', 'a', 'b'],
        authority,
      }),
    ).toEqual([
      { id: 'n', position: 1, title: 'N' },
      { id: 'a', position: 2, title: 'A' },
      { id: 'b', position: 3, title: 'B' },
    ]);
    expect(
      amendedAgenda(agenda, {
        kind: 'agenda.amended',
        change: { kind: 'retitle', agendaItemId: 'b', position: 2, previousTitle: 'B', title: 'Bee' },
        order: ['b', 'ghost', 'a'],
        authority,
      }),
    ).toEqual([
      { id: 'b', position: 1, title: 'Bee' },
      { id: 'a', position: 2, title: 'A' },
    ]);
  });
});
