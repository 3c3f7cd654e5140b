import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import type { ProcedureCommand } from './commands';
import { Chamber, chair, draft } from './spec-support';
import { fold } from './state';
import { floorView, pointsOfOrderQueue, speakerQueue, votesView } from './views';

describe('decide: a short debate, end to end', () => {
  it('a debate with a point of order and a named vote to a published result', () => {
    const c = new Chamber().open();
    c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
    c.request('j.brandt');
    c.request('f.kuhn');
    c.run(chair, { kind: 'floor.next' });
    expect(floorView(c.state, c.now)?.person.personId).toBe('j.brandt');
    c.advance(240);
    c.run('d.peters', { kind: 'point_of_order.raise', category: 'closure_of_debate', text: 'Move to close the debate' });
    // Next is the point of order, ahead of Kuhn.
    expect(c.run(chair, { kind: 'floor.next' }).map((e) => e.kind)).toEqual(['floor.ended', 'floor.granted']);
    expect(floorView(c.state, c.now)).toMatchObject({ kind: 'point_of_order', person: { personId: 'd.peters' }, limitSeconds: 180 });
    c.advance(60);
    const pointId = pointsOfOrderQueue(c.state)[0]!.pointId;
    c.run(chair, { kind: 'point_of_order.decide', pointId, decision: 'rejected', note: 'Every faction has not yet spoken', voteDraftId: null });
    expect(pointsOfOrderQueue(c.state)).toEqual([]);
    expect(speakerQueue(c.state, c.sitting).map((q) => q.person.personId)).toEqual(['f.kuhn']);
    c.run(chair, { kind: 'floor.next' });
    c.advance(200);
    c.run(chair, { kind: 'floor.end' });
    c.run(chair, { kind: 'vote.open', draft: draft({ durationSeconds: 60 }) });
    for (const [p, o] of [
      ['j.brandt', 'yes'],
      ['f.kuhn', 'no'],
      ['j.thiel', 'yes'],
      ['d.peters', 'abstain'],
    ] as const) {
      c.run(p, { kind: 'vote.cast', voteId: 'vote-1', optionId: o, pseudonym: null });
    }
    c.advance(60);
    c.run(null, { kind: 'vote.close', voteId: 'vote-1', by: 'expired' });
    const [vote] = votesView(c.state, c.sitting);
    expect(vote).toMatchObject({
      status: 'closed',
      closedBy: 'expired',
      eligible: 48,
      cast: 4,
      result: { passed: true, quorate: true, reasonCode: 'majority_reached' },
    });
    expect(vote?.ballots?.map((b) => b.voter?.personId)).toEqual(['j.brandt', 'f.kuhn', 'j.thiel', 'd.peters']);
    // The record alone gives the same state.
    expect(fold(c.entries)).toEqual(c.state);
  });

  it('an unknown command is bad input', () => {
    const c = new Chamber();
    expect(() => c.decide(chair, { kind: 'sitting.dissolve' } as unknown as ProcedureCommand)).toThrow(InputError);
  });
});
