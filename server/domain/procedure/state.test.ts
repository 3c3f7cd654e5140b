import { describe, expect, it } from 'vitest';
import type { ProcedureEvent, RecordedEvent } from './events';
import { Chamber, chair, draft } from './spec-support';
import { evolve, fold, initialState } from './state';

/** A short sitting touching every area. */
function sampleSitting(): Chamber {
  const c = new Chamber().open();
  c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
  c.request('j.brandt');
  c.request('f.kuhn', 'speech', 'contra');
  c.run(chair, { kind: 'floor.next' });
  c.advance(30);
  const q = c.request('j.thiel', 'interjection');
  c.run('j.brandt', { kind: 'interjection.accept', requestId: q });
  c.advance(20);
  c.run(chair, { kind: 'interjection.end' });
  c.run('d.peters', { kind: 'point_of_order.raise', category: 'closure_of_debate', text: 'Close the debate' });
  c.run(chair, { kind: 'floor.next' });
  const pointId = Object.keys(c.state.points)[0]!;
  c.run(chair, { kind: 'point_of_order.decide', pointId, decision: 'rejected', note: null, voteDraftId: null });
  c.run(chair, { kind: 'floor.next' });
  c.advance(60);
  c.run(chair, { kind: 'floor.end' });
  c.run(chair, { kind: 'vote.open', draft: draft({ kind: 'pseudonymous' }) });
  c.run('j.brandt', { kind: 'vote.cast', voteId: 'vote-1', optionId: 'yes', pseudonym: 'p-1' });
  c.run(chair, { kind: 'vote.close', voteId: 'vote-1', by: 'chair' });
  c.run(chair, { kind: 'sitting.suspend', reason: 'lunch', breakMinutes: 45 });
  return c;
}

describe('the state is the fold of the record', () => {
  it('folding the record from the start gives the state built entry by entry', () => {
    const c = sampleSitting();
    expect(fold(c.entries)).toEqual(c.state);
    expect(c.state.lastSeq).toBe(c.entries.length);
    expect(c.state.lastAt).toBe(c.entries.at(-1)?.at);
  });

  it('the state is plain data: it survives JSON unchanged', () => {
    const c = sampleSitting();
    expect(JSON.parse(JSON.stringify(c.state))).toEqual(c.state);
  });

  it('evolve does not change the state it is given', () => {
    const c = sampleSitting();
    const before = JSON.stringify(c.state);
    evolve(c.state, { seq: 999, at: c.now.toISOString(), actorId: chair, event: { kind: 'sitting.resumed' } });
    expect(JSON.stringify(c.state)).toBe(before);
  });
});

describe('evolve is total', () => {
  const at = '2026-12-03T09:00:00.000Z';
  const entry = (seq: number, event: ProcedureEvent): RecordedEvent => ({ seq, at, actorId: null, event });

  it('entries that do not fit the state change nothing but the position in the record', () => {
    const strays: ProcedureEvent[] = [
      { kind: 'floor.ended', floorId: 'nope' },
      { kind: 'floor.extended', floorId: 'nope', seconds: 10 },
      { kind: 'interjection.accepted', requestId: 'nope', floorId: 'nope' },
      { kind: 'interjection.ended', requestId: 'nope' },
      { kind: 'interjection.declined', requestId: 'nope' },
      { kind: 'speaker.withdrawn', requestId: 'nope' },
      { kind: 'speaker.removed', requestId: 'nope' },
      { kind: 'point_of_order.withdrawn', pointId: 'nope' },
      { kind: 'point_of_order.decided', pointId: 'nope', decision: 'noted', note: null, voteId: null },
      { kind: 'ballot.cast', voteId: 'nope', optionId: 'yes', voter: null, pseudonym: 'p' },
      { kind: 'vote.cancelled', voteId: 'nope', reason: 'x' },
      { kind: 'attendance.left', personId: 'nope' },
      { kind: 'speaker.withdrawn', requestId: '__proto__' },
      { kind: 'attendance.left', personId: 'constructor' },
      { kind: 'vote.legalised', voteId: 'x' } as unknown as ProcedureEvent,
    ];
    strays.forEach((event, i) => {
      const next = evolve(initialState, entry(i + 1, event));
      expect(next).toEqual({ ...initialState, lastSeq: i + 1, lastAt: at });
    });
  });

  it('a ballot under a key already counted, or for a closed vote, is ignored; the first stands', () => {
    const c = sampleSitting();
    const vote = c.state.votes['vote-1']!;
    const after = evolve(c.state, entry(500, { kind: 'ballot.cast', voteId: 'vote-1', optionId: 'no', voter: null, pseudonym: 'p-9' }));
    expect(after.votes['vote-1']).toEqual(vote);
    const open = new Chamber().open();
    open.run(chair, { kind: 'vote.open', draft: draft() });
    const voter = { personId: 'j.brandt', name: 'Jonas Brandt', factionId: 'sda', factionShortName: 'SDA' };
    open.append('j.brandt', { kind: 'ballot.cast', voteId: 'vote-1', optionId: 'yes', voter, pseudonym: null });
    open.append('j.brandt', { kind: 'ballot.cast', voteId: 'vote-1', optionId: 'no', voter, pseudonym: null });
    expect(open.state.votes['vote-1']?.ballots.map((b) => b.optionId)).toEqual(['yes']);
  });

  it('a grant over a running speech ends it, even without floor.ended in the record', () => {
    const c = new Chamber().open();
    c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
    const person = { personId: 'j.brandt', name: 'Jonas Brandt', factionId: 'sda', factionShortName: 'SDA' };
    c.append(chair, { kind: 'floor.granted', floorId: 'f1', agendaItemId: 'item-2', person, floorKind: 'chair_grant', requestId: null, limitSeconds: null });
    c.advance(10);
    c.append(chair, { kind: 'floor.granted', floorId: 'f2', agendaItemId: 'item-2', person, floorKind: 'chair_grant', requestId: null, limitSeconds: null });
    expect(c.state.floors).toEqual([expect.objectContaining({ floorId: 'f1', ms: 10_000 })]);
    expect(c.state.floor?.floorId).toBe('f2');
  });

  it('ids that look like Object.prototype members are ordinary ids', () => {
    const c = new Chamber().open();
    const person = { personId: 'toString', name: 'T', factionId: null, factionShortName: null };
    c.append(chair, { kind: 'attendance.joined', person });
    c.append(chair, {
      kind: 'speaker.requested',
      requestId: '__proto__',
      agendaItemId: 'constructor',
      person,
      requestKind: 'speech',
      stance: null,
      addressesRequestId: null,
      addedBy: chair,
    });
    expect(Object.keys(c.state.present)).toContain('toString');
    expect(Object.getOwnPropertyNames(c.state.requests)).toContain('__proto__');
    expect(fold(c.entries)).toEqual(c.state);
  });
});
