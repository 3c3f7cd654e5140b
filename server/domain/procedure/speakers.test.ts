import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../errors';
import { bundestag2025, municipalCouncil } from '../rulebook/presets';
import { Chamber, chair, ruleOf as rule, sittingContext } from './spec-support';
import { speakerQueue } from './views';

function debate(rulebook = bundestag2025): Chamber {
  const c = new Chamber(sittingContext(rulebook)).open();
  c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
  return c;
}

const ids = (c: Chamber) => speakerQueue(c.state, c.sitting, undefined, c.now).map((q) => q.person.personId);

describe('requesting the floor', () => {
  it('a member present asks for the floor on the current item', () => {
    const c = debate();
    const [e] = c.decide('j.thiel', { kind: 'speaker.request', personId: 'j.thiel', requestKind: 'speech', stance: 'pro', addressesRequestId: null });
    expect(e).toEqual({
      kind: 'speaker.requested',
      requestId: expect.any(String),
      agendaItemId: 'item-2',
      person: { personId: 'j.thiel', name: 'Johanna Thiel', factionId: 'grn', factionShortName: 'GRN' },
      requestKind: 'speech',
      stance: 'pro',
      addressesRequestId: null,
      addedBy: null,
    });
  });

  it('needs an open sitting, a called item and the member to be present', () => {
    const c = new Chamber();
    const ask = { kind: 'speaker.request', personId: 'j.thiel', requestKind: 'speech', stance: null, addressesRequestId: null } as const;
    expect(rule(() => c.decide('j.thiel', ask))).toBe('sitting.not_open');
    c.open(['j.brandt']);
    expect(rule(() => c.decide('j.brandt', { ...ask, personId: 'j.brandt' }))).toBe('agenda.no_current_item');
    c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
    expect(rule(() => c.decide('j.thiel', ask))).toBe('attendance.not_present');
    // The chair may put an absent member down.
    expect(c.decide(chair, ask)).toHaveLength(1);
  });

  it('members ask for themselves only; the chair adds anyone who may speak and is named as adder', () => {
    const c = debate();
    const ask = (personId: string) => ({ kind: 'speaker.request', personId, requestKind: 'speech', stance: null, addressesRequestId: null }) as const;
    expect(rule(() => c.decide('j.brandt', ask('l.vogel')))).toBe('forbidden.not_self');
    expect(rule(() => c.decide('minister', ask('minister')))).toBe('forbidden.guest_added_by_chair');
    expect(rule(() => c.decide(chair, ask('interpreter.en1')))).toBe('forbidden.cannot_speak');
    expect(rule(() => c.decide(chair, ask('clerk')))).toBe('forbidden.cannot_speak');
    expect(rule(() => c.decide('clerk', ask('clerk')))).toBe('forbidden.cannot_speak');
    expect(c.decide(chair, ask('minister'))[0]).toMatchObject({ addedBy: chair, person: { personId: 'minister', factionId: null } });
    expect(c.decide('moderator', ask('l.vogel'))[0]).toMatchObject({ addedBy: 'moderator' });
    expect(() => c.decide(chair, ask('ghost'))).toThrow(NotFoundError);
  });

  it('one pending speech per person and item; the rulebook’s maximum of speeches counts those held', () => {
    const c = debate(municipalCouncil); // at most 2 speeches per item
    c.request('j.brandt');
    expect(rule(() => c.request('j.brandt'))).toBe('speaker.duplicate_request');
    expect(rule(() => c.decide(chair, { kind: 'speaker.request', personId: 'j.brandt', requestKind: 'speech', stance: null, addressesRequestId: null }))).toBe(
      'speaker.duplicate_request',
    );
    c.run(chair, { kind: 'floor.next' });
    c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    c.run(chair, { kind: 'floor.end' });
    expect(rule(() => c.request('j.brandt'))).toBe('speaker.max_speeches');
    // On another item the count starts again.
    c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-3' });
    expect(() => c.request('j.brandt')).not.toThrow();
  });

  it('a closed list takes no more speeches from members; the chair still adds; reopening lets members in again', () => {
    const c = debate();
    expect(rule(() => c.decide('j.brandt', { kind: 'speaker_list.close' }))).toBe('forbidden.chair_only');
    expect(c.run(chair, { kind: 'speaker_list.close' })).toEqual([{ kind: 'speaker_list.closed', agendaItemId: 'item-2' }]);
    expect(c.decide(chair, { kind: 'speaker_list.close' })).toEqual([]);
    expect(rule(() => c.request('j.brandt'))).toBe('speaker.list_closed');
    expect(c.decide(chair, { kind: 'speaker.request', personId: 'j.brandt', requestKind: 'speech', stance: null, addressesRequestId: null })).toHaveLength(1);
    expect(c.run(chair, { kind: 'speaker_list.reopen' })).toEqual([{ kind: 'speaker_list.reopened', agendaItemId: 'item-2' }]);
    expect(c.decide(chair, { kind: 'speaker_list.reopen' })).toEqual([]);
    expect(() => c.request('j.brandt')).not.toThrow();
  });

  it('rejects malformed requests', () => {
    const c = debate();
    expect(() =>
      c.decide('j.brandt', { kind: 'speaker.request', personId: 'j.brandt', requestKind: 'speech', stance: 'maybe' as never, addressesRequestId: null }),
    ).toThrow(InputError);
    expect(() =>
      c.decide('j.brandt', { kind: 'speaker.request', personId: 'j.brandt', requestKind: 'song' as never, stance: null, addressesRequestId: null }),
    ).toThrow(InputError);
    expect(() => c.decide('j.brandt', { kind: 'speaker.request', personId: 'j.brandt', requestKind: 'speech', stance: null, addressesRequestId: 'x' })).toThrow(
      InputError,
    );
  });
});

describe('interjection questions and short interventions', () => {
  it('an interjection is asked of the running speech, by someone else, once', () => {
    const c = debate();
    expect(rule(() => c.request('f.kuhn', 'interjection'))).toBe('speaker.no_running_speech');
    c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    const speechRequest = c.state.floor!.requestId;
    expect(rule(() => c.request('j.brandt', 'interjection'))).toBe('speaker.self_address');
    const [e] = c.run('f.kuhn', { kind: 'speaker.request', personId: 'f.kuhn', requestKind: 'interjection', stance: null, addressesRequestId: null });
    expect(e).toMatchObject({ requestKind: 'interjection', addressesRequestId: speechRequest });
    expect(rule(() => c.request('f.kuhn', 'interjection'))).toBe('speaker.duplicate_request');
    expect(
      rule(() => c.decide('m.jung', { kind: 'speaker.request', personId: 'm.jung', requestKind: 'interjection', stance: null, addressesRequestId: 'other' })),
    ).toBe('speaker.not_current_speech');
    // Interjections are not in the speaker list.
    expect(ids(c)).toEqual([]);
  });

  it('interjections and short interventions follow the rulebook switches', () => {
    const c = debate(municipalCouncil);
    c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    expect(rule(() => c.request('f.kuhn', 'interjection'))).toBe('speaker.interjections_disabled');
    c.run(chair, { kind: 'floor.end' });
    expect(rule(() => c.request('f.kuhn', 'short_intervention'))).toBe('speaker.short_interventions_disabled');
  });

  it('a short intervention replies to a finished speech of someone else and goes first in the list', () => {
    const c = debate();
    expect(rule(() => c.request('f.kuhn', 'short_intervention'))).toBe('speaker.no_finished_speech');
    c.request('j.brandt');
    c.request('a.ernst');
    c.run(chair, { kind: 'floor.next' });
    const brandtSpeech = c.state.floor!.requestId;
    expect(rule(() => c.request('f.kuhn', 'short_intervention'))).toBe('speaker.no_finished_speech'); // still running
    c.advance(120);
    c.run(chair, { kind: 'floor.end' });
    expect(rule(() => c.request('j.brandt', 'short_intervention'))).toBe('speaker.self_address');
    c.request('f.kuhn', 'short_intervention');
    expect(c.state.requests[c.lastRequestId()]?.addressesRequestId).toBe(brandtSpeech);
    expect(rule(() => c.request('f.kuhn', 'short_intervention'))).toBe('speaker.duplicate_request');
    expect(ids(c)).toEqual(['f.kuhn', 'a.ernst']);
  });
});

describe('managing the list', () => {
  it('members withdraw their own pending requests; the chair removes', () => {
    const c = debate();
    const mine = c.request('j.brandt');
    expect(rule(() => c.decide('l.vogel', { kind: 'speaker.withdraw', requestId: mine }))).toBe('forbidden.not_own_request');
    expect(rule(() => c.decide(chair, { kind: 'speaker.withdraw', requestId: mine }))).toBe('forbidden.not_own_request');
    expect(c.run('j.brandt', { kind: 'speaker.withdraw', requestId: mine })).toEqual([{ kind: 'speaker.withdrawn', requestId: mine }]);
    expect(rule(() => c.decide('j.brandt', { kind: 'speaker.withdraw', requestId: mine }))).toBe('speaker.not_pending');
    const other = c.request('l.vogel');
    expect(rule(() => c.decide('j.brandt', { kind: 'speaker.remove', requestId: other }))).toBe('forbidden.chair_only');
    expect(c.run(chair, { kind: 'speaker.remove', requestId: other })).toEqual([{ kind: 'speaker.removed', requestId: other }]);
    expect(c.state.requests[other]?.status).toBe('removed');
    expect(() => c.decide(chair, { kind: 'speaker.remove', requestId: 'nope' })).toThrow(NotFoundError);
    expect(ids(c)).toEqual([]);
  });

  it('reorder takes exactly the pending requests of the item', () => {
    const c = debate();
    const a = c.request('j.brandt');
    const b = c.request('f.kuhn');
    const d = c.request('j.thiel');
    expect(rule(() => c.decide('j.brandt', { kind: 'speaker.reorder', order: [d, b, a] }))).toBe('forbidden.chair_only');
    for (const order of [
      [d, b],
      [d, b, a, a],
      [d, b, 'x'],
      [d, b, a, 'x'],
    ]) {
      expect(rule(() => c.decide(chair, { kind: 'speaker.reorder', order }))).toBe('speaker.reorder_mismatch');
    }
    expect(c.run(chair, { kind: 'speaker.reorder', order: [d, b, a] })).toEqual([{ kind: 'speaker.reordered', agendaItemId: 'item-2', order: [d, b, a] }]);
    expect(ids(c)).toEqual(['j.thiel', 'f.kuhn', 'j.brandt']);
  });
});
