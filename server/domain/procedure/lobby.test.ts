import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import { Chamber, chair, ruleOf as rule } from './spec-support';
import type { Entrant } from './events';
import { mayEnter, waiting } from './lobby';

const press: Entrant = { entrantId: 'account:press', name: 'Eva Presse', personId: null };

function sitting(): Chamber {
  const c = new Chamber().open(['j.brandt', 'l.vogel']);
  c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
  return c;
}

describe('the lobby', () => {
  it('someone not on the roster asks to enter and waits; asking again changes nothing', () => {
    const c = sitting();
    expect(c.run(null, { kind: 'lobby.ask', entrant: press })).toEqual([{ kind: 'lobby.asked', entrant: press }]);
    expect(c.run(null, { kind: 'lobby.ask', entrant: press })).toEqual([]);
    expect(waiting(c.state).map((a) => a.entrant.name)).toEqual(['Eva Presse']);
    expect(mayEnter(c.state, press.entrantId, false)).toBe(false);
  });

  it('one asks for oneself only, and a roster person who may walk in needs no admission', () => {
    const c = sitting();
    expect(rule(() => c.run('j.brandt', { kind: 'lobby.ask', entrant: press }))).toBe('forbidden.not_self');
    const brandt: Entrant = { entrantId: 'j.brandt', name: 'Jonas Brandt', personId: 'j.brandt' };
    expect(rule(() => c.run('j.brandt', { kind: 'lobby.ask', entrant: brandt }))).toBe('lobby.not_needed');
  });

  it('the chair admits as press: the entrant may enter; members may not admit', () => {
    const c = sitting();
    c.run(null, { kind: 'lobby.ask', entrant: press });
    const admit = { kind: 'lobby.admit', entrantId: press.entrantId, role: 'press', substituteForId: null, currentItemOnly: false } as const;
    expect(rule(() => c.run('j.brandt', admit))).toBe('forbidden.chair_only');
    expect(c.run(chair, admit)).toEqual([{ kind: 'lobby.admitted', entrant: press, role: 'press', substituteFor: null, agendaItemId: null }]);
    expect(mayEnter(c.state, press.entrantId, false)).toBe(true);
    expect(waiting(c.state)).toEqual([]);
    expect(rule(() => c.run(chair, admit))).toBe('lobby.not_waiting');
  });

  it('declines with a reason; the reason is bounded', () => {
    const c = sitting();
    c.run(null, { kind: 'lobby.ask', entrant: press });
    expect(() => c.run(chair, { kind: 'lobby.decline', entrantId: press.entrantId, reason: 'x'.repeat(501) })).toThrow(InputError);
    expect(() => c.run(chair, { kind: 'lobby.decline', entrantId: press.entrantId, reason: 'bad\u0000' })).toThrow(InputError);
    expect(c.run(chair, { kind: 'lobby.decline', entrantId: press.entrantId, reason: '  no seats left ' })).toEqual([
      { kind: 'lobby.declined', entrantId: press.entrantId, reason: 'no seats left' },
    ]);
    expect(c.state.admissions[press.entrantId]?.status).toBe('declined');
    expect(mayEnter(c.state, press.entrantId, false)).toBe(false);
  });

  it('a substitute stands in for a named member, and votes no more than any guest', () => {
    const c = sitting();
    c.run(null, { kind: 'lobby.ask', entrant: press });
    expect(() => c.run(chair, { kind: 'lobby.admit', entrantId: press.entrantId, role: 'substitute', substituteForId: null, currentItemOnly: false })).toThrow(
      InputError,
    );
    const [admitted] = c.run(chair, { kind: 'lobby.admit', entrantId: press.entrantId, role: 'substitute', substituteForId: 'f.kuhn', currentItemOnly: false });
    expect(admitted).toMatchObject({ role: 'substitute', substituteFor: { personId: 'f.kuhn', name: 'Finn Kuhn' } });
    c.run(chair, {
      kind: 'vote.open',
      draft: {
        id: 'v1',
        agendaItemId: 'item-2',
        title: 'Referral',
        kind: 'named',
        options: [],
        abstention: true,
        majority: null,
        live: false,
        durationSeconds: null,
        autoCloseWhenAllVoted: false,
        category: null,
      },
    });
    expect(c.state.votes.v1?.eligible.map((p) => p.personId)).not.toContain(press.entrantId);
  });

  it('a podium guest admitted for one item leaves when the chair calls another', () => {
    const c = sitting();
    const minister: Entrant = { entrantId: 'account:minister', name: 'Dr. Ulrike Reinhardt', personId: null };
    c.run(null, { kind: 'lobby.ask', entrant: minister });
    expect(() => c.run(chair, { kind: 'lobby.admit', entrantId: minister.entrantId, role: 'press', substituteForId: null, currentItemOnly: true })).toThrow(
      InputError,
    );
    c.run(chair, { kind: 'lobby.admit', entrantId: minister.entrantId, role: 'podium_guest', substituteForId: null, currentItemOnly: true });
    expect(c.state.admissions[minister.entrantId]).toMatchObject({ status: 'admitted', agendaItemId: 'item-2' });
    const called = c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-3' });
    expect(called[0]).toEqual({ kind: 'lobby.admission_ended', entrantId: minister.entrantId, agendaItemId: 'item-2' });
    expect(mayEnter(c.state, minister.entrantId, false)).toBe(false);
  });

  it('removing a member ends their presence and floor; they return only when admitted again', () => {
    const c = sitting();
    const id = c.request('j.brandt');
    c.run(chair, { kind: 'floor.grant', requestId: id, personId: null, limitSeconds: null });
    const events = c.run(chair, { kind: 'participant.remove', participantId: 'j.brandt', reason: 'disorder' });
    expect(events.map((e) => e.kind)).toEqual(['floor.ended', 'participant.removed']);
    expect(c.state.present['j.brandt']).toBeUndefined();
    expect(c.state.floor).toBeNull();
    expect(rule(() => c.run('j.brandt', { kind: 'attendance.join', personId: 'j.brandt' }))).toBe('lobby.removed');
    // Removing again is a repeat.
    expect(c.run(chair, { kind: 'participant.remove', participantId: 'j.brandt', reason: null })).toEqual([]);
    const brandt: Entrant = { entrantId: 'j.brandt', name: 'Jonas Brandt', personId: 'j.brandt' };
    c.run('j.brandt', { kind: 'lobby.ask', entrant: brandt });
    c.run(chair, { kind: 'lobby.admit', entrantId: 'j.brandt', role: 'guest', substituteForId: null, currentItemOnly: false });
    expect(c.run('j.brandt', { kind: 'attendance.join', personId: 'j.brandt' }).map((e) => e.kind)).toEqual(['attendance.joined']);
  });

  it('a member removed while a vote is open casts no ballot', () => {
    const c = sitting();
    c.run(chair, {
      kind: 'vote.open',
      draft: {
        id: 'v1',
        agendaItemId: 'item-2',
        title: 'Referral',
        kind: 'named',
        options: [],
        abstention: true,
        majority: null,
        live: false,
        durationSeconds: null,
        autoCloseWhenAllVoted: false,
        category: null,
      },
    });
    const yes = c.state.votes.v1!.definition.options[0]!.id;
    c.run(chair, { kind: 'participant.remove', participantId: 'l.vogel', reason: null });
    expect(rule(() => c.run('l.vogel', { kind: 'vote.cast', voteId: 'v1', optionId: yes, pseudonym: null }))).toBe('lobby.removed');
    expect(c.run('j.brandt', { kind: 'vote.cast', voteId: 'v1', optionId: yes, pseudonym: null })).toHaveLength(1);
  });

  it('removing an admitted guest closes their admission; the chair does not remove themselves', () => {
    const c = sitting();
    c.run(null, { kind: 'lobby.ask', entrant: press });
    c.run(chair, { kind: 'lobby.admit', entrantId: press.entrantId, role: 'press', substituteForId: null, currentItemOnly: false });
    c.run(chair, { kind: 'participant.remove', participantId: press.entrantId, reason: null });
    expect(c.state.admissions[press.entrantId]?.status).toBe('removed');
    expect(mayEnter(c.state, press.entrantId, false)).toBe(false);
    expect(rule(() => c.run(chair, { kind: 'participant.remove', participantId: chair, reason: null }))).toBe('participant.self');
  });
});
