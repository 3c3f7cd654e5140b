import { describe, expect, it } from 'vitest';
import { bundestag2025 } from '../rulebook/presets';
import { Chamber, chair, draft, sittingContext } from './spec-support';
import { floorView, interjectionsView, rankSpeakers, sittingView, speakingTimeTotals, votesView } from './views';

const rulebook = { ...bundestag2025, speakingTime: { ...bundestag2025.speakingTime, debateSeconds: null } };

function debate(): Chamber {
  const c = new Chamber(sittingContext(rulebook)).open();
  c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
  return c;
}

describe('speaking-time totals', () => {
  it('sum each floor’s own time per person and faction; an interjection counts for who asked, not the speaker', () => {
    const c = debate();
    c.request('j.brandt');
    c.request('l.vogel');
    c.run(chair, { kind: 'floor.next' });
    c.advance(100);
    const q = c.request('f.kuhn', 'interjection');
    c.run('j.brandt', { kind: 'interjection.accept', requestId: q });
    c.advance(30);
    c.run('j.brandt', { kind: 'interjection.end' });
    c.advance(50);
    c.run(chair, { kind: 'floor.next' }); // Vogel: Brandt's floor ends at 180 s wall time, 150 s his
    c.advance(40);
    const totals = speakingTimeTotals(c.state, c.now);
    const seconds = Object.fromEntries(totals.perPerson.map((t) => [t.person.personId, t.seconds]));
    expect(seconds).toEqual({ 'j.brandt': 150, 'f.kuhn': 30, 'l.vogel': 40 });
    expect(Object.fromEntries(totals.perFaction.map((f) => [f.factionId, f.seconds]))).toEqual({ sda: 190, cvp: 30 });
    expect(totals.perPerson.find((t) => t.person.personId === 'l.vogel')).toMatchObject({ turns: 1, lastSpokeAt: null });
    // Per item: another item has nothing yet.
    expect(speakingTimeTotals(c.state, c.now, 'item-3').perPerson).toEqual([]);
  });

  it('ranks speakers for the chair: last, least, most', () => {
    const c = debate();
    for (const [p, s] of [
      ['j.brandt', 60],
      ['f.kuhn', 30],
      ['j.thiel', 90],
    ] as const) {
      c.run(chair, { kind: 'floor.grant', requestId: null, personId: p, limitSeconds: null });
      c.advance(s);
      c.run(chair, { kind: 'floor.end' });
      c.advance(1);
    }
    const totals = speakingTimeTotals(c.state, c.now).perPerson;
    expect(rankSpeakers(totals, 'most').map((t) => t.person.personId)).toEqual(['j.thiel', 'j.brandt', 'f.kuhn']);
    expect(rankSpeakers(totals, 'least').map((t) => t.person.personId)).toEqual(['f.kuhn', 'j.brandt', 'j.thiel']);
    expect(rankSpeakers(totals, 'last').map((t) => t.person.personId)).toEqual(['j.thiel', 'f.kuhn', 'j.brandt']);
  });
});

describe('floor and sitting views', () => {
  it('nobody on the floor: null; interjections waiting are listed beside the speech', () => {
    const c = debate();
    expect(floorView(c.state, c.now)).toBeNull();
    c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    c.advance(12);
    const q = c.request('f.kuhn', 'interjection');
    expect(floorView(c.state, c.now)).toMatchObject({
      person: { personId: 'j.brandt' },
      kind: 'speech',
      limitSeconds: null,
      elapsedSeconds: 12,
      overrunSeconds: 0,
      answer: false,
    });
    expect(interjectionsView(c.state)).toEqual([
      {
        requestId: q,
        person: expect.objectContaining({ personId: 'f.kuhn' }),
        addressesRequestId: c.state.floor!.requestId,
        requestedAt: c.now.toISOString(),
        status: 'pending',
      },
    ]);
  });

  it('the sitting view shows the phase, the break and the current item', () => {
    const c = debate();
    c.run(chair, { kind: 'sitting.suspend', reason: 'coffee', breakMinutes: 20 });
    expect(sittingView(c.state)).toMatchObject({
      phase: 'suspended',
      currentItemId: 'item-2',
      suspension: { reason: 'coffee', resumesAt: '2026-12-03T08:20:00.000Z' },
    });
  });
});

describe('the votes view', () => {
  it('is derived once per state and context, shared by every reader, and frozen against a reader changing it', () => {
    const c = new Chamber().open();
    c.run(chair, { kind: 'vote.open', draft: draft({ id: 'vote-1', kind: 'named' }) });
    const state = c.state;
    const first = votesView(state, c.sitting);
    expect(votesView(state, c.sitting)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // Another state (a ballot more) or another context gets its own view.
    c.run(Object.keys(state.present)[0]!, { kind: 'vote.cast', voteId: 'vote-1', optionId: 'yes', pseudonym: null });
    expect(votesView(c.state, c.sitting)).not.toBe(first);
    expect(votesView(c.state, c.sitting)[0]?.cast).toBe(1);
    expect(votesView(state, { ...c.sitting })).not.toBe(first);
    expect(votesView(state)).not.toBe(first);
  });
});
