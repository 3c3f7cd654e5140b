import { describe, expect, it } from 'vitest';
import { Chamber, chair, ruleOf } from './spec-support';
import { InputError } from '../errors';

// The protocol's own commands: who takes the chair, the clerk's notes with their moment,
// corrections naming the entry they correct, and the chair's approval of the closed sitting's protocol.

describe('presidency', () => {
  it('whoever opened presides; a Vice-President takes the chair; moderators and members may not', () => {
    const c = new Chamber().open([]);
    expect(c.state.openedBy).toBe(chair);
    expect(c.decide(chair, { kind: 'presidency.take' })).toEqual([]);
    expect(ruleOf(() => c.decide('moderator', { kind: 'presidency.take' }))).toBe('forbidden.presiding_only');
    expect(ruleOf(() => c.decide('j.brandt', { kind: 'presidency.take' }))).toBe('forbidden.presiding_only');
    expect(c.run('c.sommer', { kind: 'presidency.take' })).toEqual([
      { kind: 'presidency.taken', person: { personId: 'c.sommer', name: 'Clara Sommer', factionId: 'cvp', factionShortName: 'CVP' } },
    ]);
    expect(c.state.presiding?.personId).toBe('c.sommer');
    expect(c.decide('c.sommer', { kind: 'presidency.take' })).toEqual([]);
    c.run(chair, { kind: 'sitting.close' });
    expect(ruleOf(() => c.decide(chair, { kind: 'presidency.take' }))).toBe('sitting.closed');
  });

  it('nobody presides over a sitting not yet opened', () => {
    expect(ruleOf(() => new Chamber().decide(chair, { kind: 'presidency.take' }))).toBe('sitting.not_open');
  });
});

describe('minutes notes', () => {
  it('clerks and the chair’s team note applause at its moment, during the speech on the floor', () => {
    const c = new Chamber().open(['j.brandt']);
    c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
    c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    c.advance(60);
    const moment = new Date(c.now.getTime() - 4_000).toISOString();
    const [e] = c.run('clerk', { kind: 'minutes.note', noteKind: 'applause', text: ' Beifall bei der SDA ', moment });
    expect(e).toMatchObject({ kind: 'minutes.noted', noteKind: 'applause', text: 'Beifall bei der SDA', moment, agendaItemId: 'item-2' });
    expect(e?.kind === 'minutes.noted' && e.floorId).toBe(c.state.floor?.floorId);
    expect(c.state.corrigible[String(c.entries.length)]).toEqual({ kind: 'minutes_note', text: 'Beifall bei der SDA' });
    // The moderator may; now is the default moment.
    const [m] = c.run('moderator', { kind: 'minutes.note', noteKind: 'call', text: 'Zurufe von der CVP', moment: null });
    expect(m?.kind === 'minutes.noted' && m.moment).toBe(c.now.toISOString());
  });

  it('refuses members, empty text, a moment in the future or more than 30 minutes back, and a sitting not underway', () => {
    const c = new Chamber();
    expect(ruleOf(() => c.decide('clerk', { kind: 'minutes.note', noteKind: 'applause', text: 'Beifall', moment: null }))).toBe('sitting.not_open');
    c.open([]);
    expect(ruleOf(() => c.decide('j.brandt', { kind: 'minutes.note', noteKind: 'applause', text: 'Beifall', moment: null }))).toBe(
      'forbidden.record_keepers_only',
    );
    expect(() => c.decide('clerk', { kind: 'minutes.note', noteKind: 'applause', text: '  ', moment: null })).toThrow(InputError);
    expect(() => c.decide('clerk', { kind: 'minutes.note', noteKind: 'applause', text: 'a\u0007b', moment: null })).toThrow(InputError);
    const future = new Date(c.now.getTime() + 60_000).toISOString();
    const old = new Date(c.now.getTime() - 31 * 60_000).toISOString();
    expect(ruleOf(() => c.decide('clerk', { kind: 'minutes.note', noteKind: 'other', text: 'Heiterkeit', moment: future }))).toBe(
      'minutes.moment_out_of_range',
    );
    expect(ruleOf(() => c.decide('clerk', { kind: 'minutes.note', noteKind: 'other', text: 'Heiterkeit', moment: old }))).toBe('minutes.moment_out_of_range');
    c.run(chair, { kind: 'sitting.close' });
    expect(ruleOf(() => c.decide('clerk', { kind: 'minutes.note', noteKind: 'applause', text: 'Beifall', moment: null }))).toBe('sitting.closed');
  });
});

describe('corrections and approval', () => {
  const hash = 'a'.repeat(64);

  function noted(): { c: Chamber; seq: number } {
    const c = new Chamber().open([]);
    c.run('clerk', { kind: 'minutes.note', noteKind: 'applause', text: 'Beifall bei der CVB', moment: null });
    return { c, seq: c.entries.length };
  }

  it('a correction names the entry it corrects and replaces its text; the same text again is no change', () => {
    const { c, seq } = noted();
    expect(c.run('clerk', { kind: 'protocol.correct', seq, hash, text: 'Beifall bei der CVP' })).toEqual([
      { kind: 'protocol.corrected', correctionId: expect.any(String), target: { seq, hash, kind: 'minutes_note' }, text: 'Beifall bei der CVP' },
    ]);
    expect(c.state.corrigible[String(seq)]?.text).toBe('Beifall bei der CVP');
    expect(c.decide('clerk', { kind: 'protocol.correct', seq, hash, text: 'Beifall bei der CVP' })).toEqual([]);
    // After the close too: the protocol is corrected after the sitting.
    c.run(chair, { kind: 'sitting.close' });
    expect(c.decide('clerk', { kind: 'protocol.correct', seq, hash, text: 'Beifall bei der CVP und der SDA' })).toHaveLength(1);
  });

  it('refuses entries without a text of the protocol, and members', () => {
    const { c, seq } = noted();
    expect(ruleOf(() => c.decide('clerk', { kind: 'protocol.correct', seq: 1, hash, text: 'x' }))).toBe('protocol.not_correctable');
    expect(ruleOf(() => c.decide('clerk', { kind: 'protocol.correct', seq: 999, hash, text: 'x' }))).toBe('protocol.not_correctable');
    expect(ruleOf(() => c.decide('j.brandt', { kind: 'protocol.correct', seq, hash, text: 'x' }))).toBe('forbidden.record_keepers_only');
  });

  it('corrects a point of order’s text', () => {
    const c = new Chamber().open(['j.brandt']);
    c.run('j.brandt', { kind: 'point_of_order.raise', category: 'referral_to_committee', text: 'Antrag auf Überweisnug' });
    const seq = c.entries.length;
    expect(c.run('clerk', { kind: 'protocol.correct', seq, hash, text: 'Antrag auf Überweisung' })[0]).toMatchObject({ target: { kind: 'point_of_order' } });
  });

  it('a chair approves the closed sitting’s protocol as read; a correction after it lapses the approval', () => {
    const { c, seq } = noted();
    expect(ruleOf(() => c.decide(chair, { kind: 'protocol.approve', seq: c.state.lastSeq, head: hash }))).toBe('protocol.sitting_not_closed');
    c.run(chair, { kind: 'sitting.close' });
    const head = { kind: 'protocol.approve' as const, seq: c.state.lastSeq, head: hash };
    expect(ruleOf(() => c.decide('moderator', head))).toBe('forbidden.presiding_only');
    expect(ruleOf(() => c.decide('clerk', head))).toBe('forbidden.presiding_only');
    expect(ruleOf(() => c.decide(chair, { ...head, seq: head.seq - 1 }))).toBe('protocol.record_moved_on');
    expect(c.run('o.busch', head)).toEqual([
      {
        kind: 'protocol.approved',
        seq: head.seq,
        head: hash,
        by: { personId: 'o.busch', name: 'Oskar Busch', factionId: 'grn', factionShortName: expect.any(String) },
      },
    ]);
    expect(c.state.approval).toMatchObject({ seq: head.seq, head: hash, by: { personId: 'o.busch' } });
    // The same approval again is no change.
    expect(c.decide('o.busch', head)).toEqual([]);
    c.run('clerk', { kind: 'protocol.correct', seq, hash, text: 'Beifall bei der CVP' });
    expect(c.state.approval).toBeNull();
    expect(c.decide(chair, { kind: 'protocol.approve', seq: c.state.lastSeq, head: 'b'.repeat(64) })).toHaveLength(1);
  });
});
