import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../errors';
import { bundestag2025, municipalCouncil } from '../rulebook/presets';
import { Chamber, chair, draft, ruleOf as rule, sittingContext } from './spec-support';
import { decidedPoints, pointsOfOrderQueue } from './views';

function debate(rulebook = bundestag2025): Chamber {
  const c = new Chamber(sittingContext(rulebook)).open();
  c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
  return c;
}
const raise = (category: string, text: string) => ({ kind: 'point_of_order.raise', category, text }) as const;
const lastPoint = (c: Chamber) => pointsOfOrderQueue(c.state).at(-1)!.pointId;

describe('raising a point of order', () => {
  it('a member present raises one with a category of the rulebook and a short text', () => {
    const c = debate();
    expect(c.run('d.peters', raise('referral_to_committee', '  Refer to the budget committee  '))).toEqual([
      {
        kind: 'point_of_order.raised',
        pointId: expect.any(String),
        agendaItemId: 'item-2',
        person: { personId: 'd.peters', name: expect.any(String), factionId: 'lnk', factionShortName: 'LNK' },
        category: 'referral_to_committee',
        text: 'Refer to the budget committee',
      },
    ]);
    expect(pointsOfOrderQueue(c.state)).toEqual([
      expect.objectContaining({ category: 'referral_to_committee', heard: false, counterHeard: false, raisedAt: c.now.toISOString() }),
    ]);
  });

  it('refuses categories the rules do not know, empty or long texts, a second pending point', () => {
    const c = debate();
    expect(rule(() => c.decide('d.peters', raise('close_the_bar', 'x')))).toBe('point_of_order.unknown_category');
    expect(() => c.decide('d.peters', raise('closure_of_debate', '   '))).toThrow(InputError);
    expect(() => c.decide('d.peters', raise('closure_of_debate', 'x'.repeat(501)))).toThrow(InputError);
    expect(c.decide('d.peters', raise('closure_of_debate', 'x'.repeat(500)))).toHaveLength(1);
    c.run('d.peters', raise('closure_of_debate', 'Close it'));
    expect(rule(() => c.decide('d.peters', raise('adjournment_of_debate', 'Adjourn')))).toBe('point_of_order.already_raised');
  });

  it('only members present raise points of order, and only in an open sitting', () => {
    const c = new Chamber().open(['j.brandt']);
    expect(rule(() => c.decide('minister', raise('closure_of_debate', 'x')))).toBe('forbidden.not_member');
    expect(rule(() => c.decide('interpreter.en1', raise('closure_of_debate', 'x')))).toBe('forbidden.not_member');
    expect(rule(() => c.decide(null, raise('closure_of_debate', 'x')))).toBe('forbidden.no_person');
    expect(rule(() => c.decide('l.vogel', raise('closure_of_debate', 'x')))).toBe('attendance.not_present');
    // Without a called item the point concerns the sitting.
    expect(c.decide('j.brandt', raise('agenda', 'Change the agenda'))[0]).toMatchObject({ agendaItemId: null });
    c.run(chair, { kind: 'sitting.suspend', reason: null, breakMinutes: 5 });
    expect(rule(() => c.decide('j.brandt', raise('agenda', 'x')))).toBe('sitting.not_open');
  });

  it('the mover withdraws it before the decision; a point being heard yields the floor', () => {
    const c = debate();
    c.run('d.peters', raise('closure_of_debate', 'Close it'));
    const pointId = lastPoint(c);
    expect(rule(() => c.decide('h.lange', { kind: 'point_of_order.withdraw', pointId }))).toBe('forbidden.not_own_point');
    c.run(chair, { kind: 'floor.next' });
    const floorId = c.state.floor!.floorId;
    expect(c.run('d.peters', { kind: 'point_of_order.withdraw', pointId })).toEqual([
      { kind: 'floor.ended', floorId },
      { kind: 'point_of_order.withdrawn', pointId },
    ]);
    expect(pointsOfOrderQueue(c.state)).toEqual([]);
    expect(rule(() => c.decide('d.peters', { kind: 'point_of_order.withdraw', pointId }))).toBe('point_of_order.not_pending');
    expect(() => c.decide('d.peters', { kind: 'point_of_order.withdraw', pointId: 'nope' })).toThrow(NotFoundError);
  });
});

describe('deciding a point of order', () => {
  it('the chair decides (accepted, rejected, noted) with an optional note; the hearing ends', () => {
    const c = debate();
    c.run('d.peters', raise('closure_of_debate', 'Close it'));
    const pointId = lastPoint(c);
    c.run(chair, { kind: 'floor.next' });
    const floorId = c.state.floor!.floorId;
    const cmd = { kind: 'point_of_order.decide', pointId, decision: 'noted', note: ' noted for the minutes ', voteDraftId: null } as const;
    expect(rule(() => c.decide('j.brandt', cmd))).toBe('forbidden.chair_only');
    expect(c.run(chair, cmd)).toEqual([
      { kind: 'floor.ended', floorId },
      { kind: 'point_of_order.decided', pointId, decision: 'noted', note: 'noted for the minutes', voteId: null },
    ]);
    expect(c.state.points[pointId]).toMatchObject({ status: 'decided', decision: 'noted', heard: true });
    expect(decidedPoints(c.state)).toEqual([
      expect.objectContaining({ pointId, decision: 'noted', note: 'noted for the minutes', text: 'Close it', voteId: null, decidedAt: c.now.toISOString() }),
    ]);
    expect(pointsOfOrderQueue(c.state)).toEqual([]);
    expect(rule(() => c.decide(chair, cmd))).toBe('point_of_order.not_pending');
  });

  it('may be decided without a hearing; nonsense decisions and votes on other decisions are refused', () => {
    const c = debate();
    c.run('d.peters', raise('closure_of_debate', 'Close it'));
    const pointId = lastPoint(c);
    expect(() => c.decide(chair, { kind: 'point_of_order.decide', pointId, decision: 'ignored' as never, note: null, voteDraftId: null })).toThrow(InputError);
    expect(() => c.decide(chair, { kind: 'point_of_order.decide', pointId, decision: 'accepted', note: null, voteDraftId: 'vote-1' })).toThrow(InputError);
    expect(c.decide(chair, { kind: 'point_of_order.decide', pointId, decision: 'accepted', note: null, voteDraftId: null })).toEqual([
      { kind: 'point_of_order.decided', pointId, decision: 'accepted', note: null, voteId: null },
    ]);
  });

  it('put to a vote without a draft: a simple-majority yes/no vote titled after the point, opened at once', () => {
    const c = debate();
    c.run('d.peters', raise('referral_to_committee', 'Refer to the budget committee'));
    const pointId = lastPoint(c);
    const events = c.run(chair, { kind: 'point_of_order.decide', pointId, decision: 'put_to_vote', note: null, voteDraftId: null });
    expect(events.map((e) => e.kind)).toEqual(['point_of_order.decided', 'vote.opened']);
    const [decided, opened] = events;
    if (decided?.kind !== 'point_of_order.decided' || opened?.kind !== 'vote.opened') throw new Error('unexpected events');
    expect(decided.voteId).toBe(opened.definition.voteId);
    expect(opened.definition).toMatchObject({
      title: 'Point of order (Referral to a committee): Refer to the budget committee',
      // § 53 BTGO: no named vote on referral.
      kind: 'pseudonymous',
      majority: 'simple',
      agendaItemId: 'item-2',
      options: [
        { id: 'yes', label: 'Yes', meaning: 'yes' },
        { id: 'no', label: 'No', meaning: 'no' },
        { id: 'abstain', label: 'Abstain', meaning: 'abstain' },
      ],
    });
    expect(opened.eligible).toHaveLength(48); // every member present (one CVP seat is vacant)
    expect(c.state.points[pointId]).toMatchObject({ decision: 'put_to_vote', voteId: decided.voteId });
  });

  it('put to a vote with a prepared draft: the decision names the draft, which the service opens next', () => {
    const c = debate(municipalCouncil);
    c.run('d.peters', raise('named_vote', 'A named vote, please'));
    const pointId = lastPoint(c);
    expect(c.run(chair, { kind: 'point_of_order.decide', pointId, decision: 'put_to_vote', note: null, voteDraftId: 'draft-7' })).toEqual([
      { kind: 'point_of_order.decided', pointId, decision: 'put_to_vote', note: null, voteId: 'draft-7' },
    ]);
    expect(c.run(chair, { kind: 'vote.open', draft: draft({ id: 'draft-7' }) })[0]).toMatchObject({ kind: 'vote.opened', definition: { voteId: 'draft-7' } });
  });

  it('put to a vote is refused while another vote is open or when the draft was opened before', () => {
    const c = debate();
    c.run(chair, { kind: 'vote.open', draft: draft({ id: 'vote-1' }) });
    c.run('d.peters', raise('closure_of_debate', 'Close it'));
    const pointId = lastPoint(c);
    expect(rule(() => c.decide(chair, { kind: 'point_of_order.decide', pointId, decision: 'put_to_vote', note: null, voteDraftId: null }))).toBe(
      'vote.already_open',
    );
    c.run(chair, { kind: 'vote.cancel', voteId: 'vote-1', reason: 'wrong draft' });
    expect(rule(() => c.decide(chair, { kind: 'point_of_order.decide', pointId, decision: 'put_to_vote', note: null, voteDraftId: 'vote-1' }))).toBe(
      'vote.already_opened',
    );
  });
});
