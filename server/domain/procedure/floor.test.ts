import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../errors';
import type { Rulebook } from '../rulebook';
import { bundestag2025, europeanParliament, municipalCouncil } from '../rulebook/presets';
import { Chamber, chair, ruleOf as rule, sittingContext } from './spec-support';
import { floorView, quotaView } from './views';

function debate(rulebook: Rulebook = bundestag2025): Chamber {
  const c = new Chamber(sittingContext(rulebook)).open();
  c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
  return c;
}
const noQuota: Rulebook = {
  ...bundestag2025,
  speakingTime: { ...bundestag2025.speakingTime, debateSeconds: null },
  speech: { ...bundestag2025.speech, limits: { speech: 420, interjection: 60, short_intervention: 120 } },
};

describe('floor.next', () => {
  it('gives the floor to the first in order, limited by the faction’s remaining time (Bundestag: no fixed limit)', () => {
    const c = debate();
    const id = c.request('j.brandt');
    const sda = c.state.items['item-2']!.allotment!.perFaction.sda!;
    const events = c.run(chair, { kind: 'floor.next' });
    expect(events).toEqual([
      {
        kind: 'floor.granted',
        floorId: expect.any(String),
        agendaItemId: 'item-2',
        person: expect.objectContaining({ personId: 'j.brandt' }),
        floorKind: 'speech',
        requestId: id,
        limitSeconds: sda,
      },
    ]);
    expect(c.state.requests[id]?.status).toBe('heard');
  });

  it('ends the running speech first, then grants: one speech holds the floor', () => {
    const c = debate(noQuota);
    c.request('j.brandt');
    c.request('f.kuhn');
    c.run(chair, { kind: 'floor.next' });
    const first = c.state.floor!.floorId;
    c.advance(90);
    expect(c.run(chair, { kind: 'floor.next' }).map((e) => e.kind)).toEqual(['floor.ended', 'floor.granted']);
    expect(c.state.floor?.person.personId).toBe('f.kuhn');
    expect(c.state.floors).toEqual([expect.objectContaining({ floorId: first, ms: 90_000, limitSeconds: 420 })]);
    expect(rule(() => c.decide(chair, { kind: 'floor.next' }))).toBe('speaker.list_empty');
  });

  it('is the chair’s, in an open sitting', () => {
    const c = debate();
    c.request('j.brandt');
    expect(rule(() => c.decide('j.brandt', { kind: 'floor.next' }))).toBe('forbidden.chair_only');
    c.run(chair, { kind: 'sitting.suspend', reason: null, breakMinutes: null });
    expect(rule(() => c.decide(chair, { kind: 'floor.next' }))).toBe('sitting.not_open');
  });
});

describe('floor.grant, extend, end', () => {
  it('grants a pending request of the current item, with the chair’s limit if given', () => {
    const c = debate(noQuota);
    const a = c.request('j.brandt');
    const b = c.request('f.kuhn');
    expect(c.run(chair, { kind: 'floor.grant', requestId: b, personId: null, limitSeconds: 600 })[0]).toMatchObject({
      requestId: b,
      limitSeconds: 600,
      floorKind: 'speech',
    });
    expect(rule(() => c.decide(chair, { kind: 'floor.grant', requestId: b, personId: null, limitSeconds: null }))).toBe('speaker.not_pending');
    expect(() => c.decide(chair, { kind: 'floor.grant', requestId: a, personId: 'l.vogel', limitSeconds: null })).toThrow(InputError);
    expect(() => c.decide(chair, { kind: 'floor.grant', requestId: a, personId: null, limitSeconds: 0 })).toThrow(InputError);
    expect(() => c.decide(chair, { kind: 'floor.grant', requestId: null, personId: null, limitSeconds: null })).toThrow(InputError);
    expect(() => c.decide(chair, { kind: 'floor.grant', requestId: 'nope', personId: null, limitSeconds: null })).toThrow(NotFoundError);
    c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-3' });
    expect(rule(() => c.decide(chair, { kind: 'floor.grant', requestId: a, personId: null, limitSeconds: null }))).toBe('speaker.not_current_item');
  });

  it('grants anyone who may speak without a request (podium guests too), never interpreters or clerks', () => {
    const c = debate(noQuota);
    expect(c.decide(chair, { kind: 'floor.grant', requestId: null, personId: 'minister', limitSeconds: null })).toEqual([
      {
        kind: 'floor.granted',
        floorId: expect.any(String),
        agendaItemId: 'item-2',
        person: expect.objectContaining({ personId: 'minister', factionId: null }),
        floorKind: 'chair_grant',
        requestId: null,
        limitSeconds: 420,
      },
    ]);
    expect(rule(() => c.decide(chair, { kind: 'floor.grant', requestId: null, personId: 'interpreter.fr1', limitSeconds: null }))).toBe(
      'forbidden.cannot_speak',
    );
    expect(rule(() => c.decide(chair, { kind: 'floor.grant', requestId: null, personId: 'clerk', limitSeconds: null }))).toBe('forbidden.cannot_speak');
  });

  it('extends and ends the speech on the floor', () => {
    const c = debate(noQuota);
    expect(rule(() => c.decide(chair, { kind: 'floor.extend', seconds: 60 }))).toBe('floor.empty');
    expect(rule(() => c.decide(chair, { kind: 'floor.end' }))).toBe('floor.empty');
    c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    const floorId = c.state.floor!.floorId;
    expect(rule(() => c.decide('j.brandt', { kind: 'floor.extend', seconds: 60 }))).toBe('forbidden.chair_only');
    expect(() => c.decide(chair, { kind: 'floor.extend', seconds: 0 })).toThrow(InputError);
    expect(c.run(chair, { kind: 'floor.extend', seconds: 60 })).toEqual([{ kind: 'floor.extended', floorId, seconds: 60 }]);
    c.run(chair, { kind: 'floor.extend', seconds: 30 });
    c.advance(500);
    expect(floorView(c.state, c.now)).toMatchObject({ limitSeconds: 510, extensionSeconds: 90, elapsedSeconds: 500, overrunSeconds: 0 });
    c.advance(20);
    expect(floorView(c.state, c.now)).toMatchObject({ elapsedSeconds: 520, overrunSeconds: 10 });
    expect(c.run(chair, { kind: 'floor.end' })).toEqual([{ kind: 'floor.ended', floorId }]);
    expect(floorView(c.state, c.now)).toBeNull();
  });

  it('a speech without a limit cannot be extended', () => {
    const c = debate({ ...noQuota, speech: { ...noQuota.speech, limits: { ...noQuota.speech.limits, speech: null } } });
    c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    expect(rule(() => c.decide(chair, { kind: 'floor.extend', seconds: 60 }))).toBe('floor.no_limit');
  });
});

describe('speaking-time quotas on the floor', () => {
  it('caps a speech at the faction’s remaining time and refuses a faction with none left, unless the chair sets a limit', () => {
    const c = debate(municipalCouncil); // 5 minutes a speech
    c.run(chair, { kind: 'agenda.allot_speaking_time', agendaItemId: 'item-2', debateSeconds: 1470 }); // LNK: 6/49 → 180 s
    const lnk = quotaView(c.state, 'item-2', c.now, c.sitting)!.find((l) => l.factionId === 'lnk')!;
    expect(lnk).toEqual({ factionId: 'lnk', allotted: 180, used: 0, remaining: 180 });
    c.request('d.peters');
    expect(c.run(chair, { kind: 'floor.next' })[0]).toMatchObject({ limitSeconds: 180 });
    c.advance(200); // 20 s over
    c.run(chair, { kind: 'floor.end' });
    expect(quotaView(c.state, 'item-2', c.now, c.sitting)!.find((l) => l.factionId === 'lnk')).toEqual({
      factionId: 'lnk',
      allotted: 180,
      used: 200,
      remaining: -20,
    });
    c.request('h.lange');
    expect(rule(() => c.decide(chair, { kind: 'floor.next' }))).toBe('speaker.quota_exhausted');
    expect(c.decide(chair, { kind: 'floor.grant', requestId: c.lastRequestId(), personId: null, limitSeconds: 60 })[0]).toMatchObject({ limitSeconds: 60 });
  });

  it('podium guests, points of order and short interventions do not use faction time', () => {
    const c = debate(noQuota);
    c.run(chair, { kind: 'agenda.allot_speaking_time', agendaItemId: 'item-2', debateSeconds: 3600 });
    c.run(chair, { kind: 'floor.grant', requestId: null, personId: 'minister', limitSeconds: null });
    c.advance(300);
    c.run(chair, { kind: 'floor.end' });
    const lines = quotaView(c.state, 'item-2', c.now, c.sitting)!;
    expect(lines.every((l) => l.used === 0)).toBe(true);
    // Without the roster the view cannot tell a guest from an independent: charged to the pool "".
    expect(quotaView(c.state, 'item-2', c.now)!.find((l) => l.factionId === '')?.used).toBe(300);
  });
});

describe('interjection questions', () => {
  function speaking(rulebook: Rulebook = noQuota) {
    const c = debate(rulebook);
    c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    const q = c.request('f.kuhn', 'interjection');
    return { c, q };
  }

  it('the speaker or the chair accepts; the question holds the floor beside the speech and its time is not the speaker’s', () => {
    const { c, q } = speaking();
    const floorId = c.state.floor!.floorId;
    expect(rule(() => c.decide('l.vogel', { kind: 'interjection.accept', requestId: q }))).toBe('forbidden.speaker_or_chair');
    expect(rule(() => c.decide('f.kuhn', { kind: 'interjection.accept', requestId: q }))).toBe('forbidden.speaker_or_chair');
    c.advance(100);
    expect(c.run('j.brandt', { kind: 'interjection.accept', requestId: q })).toEqual([{ kind: 'interjection.accepted', requestId: q, floorId }]);
    c.advance(40);
    expect(floorView(c.state, c.now)).toMatchObject({
      elapsedSeconds: 100,
      interjection: { requestId: q, person: expect.objectContaining({ personId: 'f.kuhn' }), elapsedSeconds: 40, limitSeconds: 60, overrunSeconds: 0 },
    });
    const other = c.request('m.jung', 'interjection');
    expect(rule(() => c.decide(chair, { kind: 'interjection.accept', requestId: other }))).toBe('interjection.in_progress');
    expect(rule(() => c.decide('f.kuhn', { kind: 'interjection.end' }))).toBe('forbidden.speaker_or_chair');
    expect(c.run(chair, { kind: 'interjection.end' })).toEqual([{ kind: 'interjection.ended', requestId: q }]);
    expect(rule(() => c.decide(chair, { kind: 'interjection.end' }))).toBe('interjection.none');
    c.advance(60);
    expect(floorView(c.state, c.now)).toMatchObject({ elapsedSeconds: 160, interjection: null });
    expect(c.state.interjections).toEqual([expect.objectContaining({ requestId: q, ms: 40_000, floorId })]);
  });

  it('declined or withdrawn questions never take the floor; ending the speech ends an accepted one and lets waiting ones lapse', () => {
    const { c, q } = speaking();
    expect(c.run('j.brandt', { kind: 'interjection.decline', requestId: q })).toEqual([{ kind: 'interjection.declined', requestId: q }]);
    expect(rule(() => c.decide('j.brandt', { kind: 'interjection.accept', requestId: q }))).toBe('speaker.not_pending');
    const r = c.request('m.jung', 'interjection');
    const s = c.request('l.graf', 'interjection');
    c.run(chair, { kind: 'interjection.accept', requestId: r });
    const floorId = c.state.floor!.floorId;
    expect(c.run(chair, { kind: 'floor.end' })).toEqual([
      { kind: 'interjection.ended', requestId: r },
      { kind: 'floor.ended', floorId },
    ]);
    expect(c.state.requests[r]?.status).toBe('heard');
    expect(c.state.requests[s]?.status).toBe('lapsed');
    expect(rule(() => c.decide(chair, { kind: 'interjection.accept', requestId: s }))).toBe('speaker.not_pending');
  });

  it('an interjection question is accepted, never granted the floor; only questions are accepted', () => {
    const { c, q } = speaking();
    expect(rule(() => c.decide(chair, { kind: 'floor.grant', requestId: q, personId: null, limitSeconds: null }))).toBe('speaker.not_granted');
    const speech = c.request('l.vogel');
    expect(rule(() => c.decide(chair, { kind: 'interjection.accept', requestId: speech }))).toBe('speaker.not_interjection');
    expect(() => c.decide(chair, { kind: 'interjection.decline', requestId: 'nope' })).toThrow(NotFoundError);
  });
});

describe('short interventions and the answer', () => {
  it('the intervention has its limit; the addressed speaker may answer once, by request id or by person', () => {
    const c = debate(); // Bundestag 2025: 2 minutes, answer 2 minutes
    const speech = c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    c.advance(300);
    c.run(chair, { kind: 'floor.end' });
    const si = c.request('f.kuhn', 'short_intervention');
    expect(c.run(chair, { kind: 'floor.next' })[0]).toMatchObject({ floorKind: 'short_intervention', requestId: si, limitSeconds: 120 });
    c.advance(100);
    const answer = c.run(chair, { kind: 'floor.grant', requestId: si, personId: null, limitSeconds: null });
    expect(answer.map((e) => e.kind)).toEqual(['floor.ended', 'floor.granted']);
    expect(answer[1]).toMatchObject({
      floorKind: 'short_intervention',
      requestId: si,
      limitSeconds: 120,
      person: expect.objectContaining({ personId: 'j.brandt' }),
    });
    expect(floorView(c.state, c.now)).toMatchObject({ answer: true, kind: 'short_intervention' });
    expect(c.state.requests[si]?.answered).toBe(true);
    expect(rule(() => c.decide(chair, { kind: 'floor.grant', requestId: si, personId: null, limitSeconds: null }))).toBe('speaker.already_answered');
    expect(c.state.requests[speech]?.status).toBe('heard');
  });

  it('granting the floor to the addressed speaker right after the intervention is the answer', () => {
    const c = debate();
    c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    c.run(chair, { kind: 'floor.end' });
    const si = c.request('f.kuhn', 'short_intervention');
    c.run(chair, { kind: 'floor.next' });
    // While the intervention runs: it ends, the answer begins.
    expect(c.decide(chair, { kind: 'floor.grant', requestId: null, personId: 'j.brandt', limitSeconds: null })).toEqual([
      { kind: 'floor.ended', floorId: c.state.floor!.floorId },
      expect.objectContaining({ floorKind: 'short_intervention', requestId: si, limitSeconds: 120 }),
    ]);
    c.run(chair, { kind: 'floor.end' });
    expect(c.decide(chair, { kind: 'floor.grant', requestId: null, personId: 'j.brandt', limitSeconds: null })).toEqual([
      expect.objectContaining({ floorKind: 'short_intervention', requestId: si, limitSeconds: 120 }),
    ]);
    // Someone else is an ordinary grant by the chair.
    expect(c.decide(chair, { kind: 'floor.grant', requestId: null, personId: 'l.vogel', limitSeconds: null })[0]).toMatchObject({ floorKind: 'chair_grant' });
  });
});

describe('points of order on the floor', () => {
  it('go before every speech with their own limit; the debate goes on only after the decision', () => {
    const c = debate();
    const speech = c.request('j.brandt');
    c.run('d.peters', { kind: 'point_of_order.raise', category: 'closure_of_debate', text: 'Move to close the debate' });
    const pointId = c.state.points[Object.keys(c.state.points)[0]!]!.pointId;
    expect(rule(() => c.decide(chair, { kind: 'floor.grant', requestId: speech, personId: null, limitSeconds: null }))).toBe('point_of_order.pending');
    expect(c.run(chair, { kind: 'floor.next' })[0]).toMatchObject({
      floorKind: 'point_of_order',
      requestId: pointId,
      limitSeconds: 180,
      person: expect.objectContaining({ personId: 'd.peters' }),
    });
    expect(rule(() => c.decide(chair, { kind: 'floor.next' }))).toBe('point_of_order.undecided');
    c.run(chair, { kind: 'point_of_order.decide', pointId, decision: 'rejected', note: null, voteDraftId: null });
    expect(c.run(chair, { kind: 'floor.next' })[0]).toMatchObject({ floorKind: 'speech', requestId: speech });
  });

  it('one speaker against, where the rules hear one (council, EP); never in the Bundestag preset', () => {
    for (const rulebook of [municipalCouncil, europeanParliament]) {
      const c = debate(rulebook);
      const category = rulebook.pointsOfOrder.categories[0]!.id;
      c.run('d.peters', { kind: 'point_of_order.raise', category, text: 'Close the debate' });
      const pointId = Object.keys(c.state.points)[0]!;
      expect(rule(() => c.decide(chair, { kind: 'floor.grant', requestId: pointId, personId: 'j.brandt', limitSeconds: null }))).toBe(
        'point_of_order.not_heard',
      );
      c.run(chair, { kind: 'floor.next' });
      expect(rule(() => c.decide(chair, { kind: 'floor.grant', requestId: pointId, personId: 'minister', limitSeconds: null }))).toBe('forbidden.cannot_speak');
      expect(c.run(chair, { kind: 'floor.grant', requestId: pointId, personId: 'j.brandt', limitSeconds: null })[1]).toMatchObject({
        floorKind: 'point_of_order',
        requestId: pointId,
        limitSeconds: rulebook.pointsOfOrder.limitSeconds,
        person: expect.objectContaining({ personId: 'j.brandt' }),
      });
      expect(rule(() => c.decide(chair, { kind: 'floor.grant', requestId: pointId, personId: 'l.vogel', limitSeconds: null }))).toBe(
        'point_of_order.counter_heard',
      );
    }
    const bt = debate();
    bt.run('d.peters', { kind: 'point_of_order.raise', category: 'closure_of_debate', text: 'Close the debate' });
    const pointId = Object.keys(bt.state.points)[0]!;
    bt.run(chair, { kind: 'floor.next' });
    expect(rule(() => bt.decide(chair, { kind: 'floor.grant', requestId: pointId, personId: 'j.brandt', limitSeconds: null }))).toBe(
      'point_of_order.no_counter_speech',
    );
  });
});

describe('chamber.mute_all', () => {
  it('is the chair’s, recorded once, and lifted by the chair or the next grant of the floor', () => {
    const c = debate(noQuota);
    c.request('j.brandt');
    expect(rule(() => c.decide('j.brandt', { kind: 'chamber.mute_all' }))).toBe('forbidden.chair_only');
    expect(c.run(chair, { kind: 'chamber.mute_all' })).toEqual([{ kind: 'chamber.muted_all', clocksStop: true }]);
    expect(c.state.mutedAll).toBe(true);
    expect(c.run(chair, { kind: 'chamber.mute_all' })).toEqual([]);
    expect(c.run(chair, { kind: 'chamber.lift_mute_all' })).toEqual([{ kind: 'chamber.mute_all_lifted' }]);
    expect(c.state.mutedAll).toBe(false);
    c.run(chair, { kind: 'chamber.mute_all' });
    c.run(chair, { kind: 'floor.next' });
    expect(c.state.mutedAll).toBe(false);
    c.run(chair, { kind: 'sitting.close' });
    expect(rule(() => c.decide(chair, { kind: 'chamber.mute_all' }))).toBe('sitting.closed');
  });
});
