import { describe, expect, it } from 'vitest';
import { buildProtocol, protocolJson, type Proceeding, type Protocol, type ProtocolFloor, type ProtocolVote } from './protocol';
import { agenda, electionPseudonyms, people, RecordScript, rulebook, sampleRecord, sitting } from '../../../fixtures/sample-record';
import { GENESIS_HASH, verifyChain, type StoredEntry } from '../record';

const parliamentName = 'Landtag von Nordmark';

function protocolOf(entries: readonly StoredEntry[]): Protocol {
  return buildProtocol({ sitting, parliamentName, agenda, entries });
}

function all(p: Protocol): Proceeding[] {
  return p.sections.flatMap((s) => s.proceedings);
}

function floorOf(p: Protocol, floorId: string): ProtocolFloor {
  const f = all(p).find((x): x is ProtocolFloor => x.kind === 'floor' && x.floorId === floorId);
  if (!f) throw new Error(`no floor ${floorId}`);
  return f;
}

function voteOf(p: Protocol, voteId: string): ProtocolVote {
  const v = all(p).find((x): x is ProtocolVote => x.kind === 'vote' && x.voteId === voteId);
  if (!v) throw new Error(`no vote ${voteId}`);
  return v;
}

describe('buildProtocol from a realistic record', () => {
  const entries = sampleRecord().entries();
  const p = protocolOf(entries);

  it('has the header, opening, suspension and closing times, and the record head', () => {
    expect(p).toMatchObject({
      format: 'plenum.protocol/1',
      parliament: parliamentName,
      sitting,
      timeZone: 'Europe/Berlin',
      phase: 'closed',
      openedAt: '2026-12-03T08:00:00.000Z',
      closedAt: '2026-12-03T10:02:00.000Z',
      rulebook: { preset: 'municipal-council-nrw', name: 'Gemeinderat (GO NRW)' },
      statutoryMembers: 49,
    });
    expect(p.suspensions).toEqual([
      {
        kind: 'suspension',
        at: '2026-12-03T09:30:00.000Z',
        reason: 'Kaffeepause',
        resumesAt: '2026-12-03T09:45:00.000Z',
        resumedAt: '2026-12-03T09:47:00.000Z',
        durationSeconds: 1020,
      },
    ]);
    expect(p.record).toEqual({
      entries: entries.length,
      firstAt: entries[0]!.at,
      lastAt: '2026-12-03T10:02:00.000Z',
      head: entries.at(-1)!.hash,
      chain: { ok: true },
    });
  });

  it('lists the agenda as planned with the times items were called, and sections as called', () => {
    expect(p.agenda.map((a) => [a.position, a.calledAt])).toEqual([
      [1, ['2026-12-03T08:01:00.000Z']],
      [2, ['2026-12-03T08:05:00.000Z']],
      [3, []],
      [4, ['2026-12-03T09:50:00.000Z']],
    ]);
    // Nothing but attendance happened before item 1: no preamble section.
    expect(p.sections.map((s) => s.agendaItem?.position)).toEqual([1, 2, 4]);
    expect(p.sections[1]!.proceedings.map((x) => x.kind)).toEqual([
      'order_policy',
      'speaking_time',
      'floor',
      'floor',
      'floor',
      'point_of_order',
      'floor',
      'speaker_list',
      'vote',
      'vote',
      'suspension',
    ]);
    expect(p.sections[1]!.proceedings[1]).toMatchObject({
      kind: 'speaking_time',
      debateSeconds: 1800,
      perFaction: expect.arrayContaining([
        { factionId: 'sda', factionShortName: 'SDA', seconds: 600 },
        { factionId: null, factionShortName: null, seconds: 120 },
      ]),
    });
  });

  it('times speeches: duration, counted time without interjections, extensions, overrun', () => {
    expect(floorOf(p, 'f-1')).toMatchObject({
      floorKind: 'speech',
      person: people.brandt,
      stance: 'pro',
      startedAt: '2026-12-03T08:12:00.000Z',
      endedAt: '2026-12-03T08:18:30.000Z',
      durationSeconds: 390,
      speakingSeconds: 345,
      limitSeconds: 360,
      extendedSeconds: 60,
      overrunSeconds: 0,
      interjections: [
        {
          requestId: 'r-int-jaeger',
          person: people.jaeger,
          outcome: 'accepted',
          askedAt: '2026-12-03T08:13:30.000Z',
          startedAt: '2026-12-03T08:14:00.000Z',
          endedAt: '2026-12-03T08:14:45.000Z',
          durationSeconds: 45,
        },
        { requestId: 'r-int-peters', person: people.peters, outcome: 'declined', startedAt: null, endedAt: null, durationSeconds: null },
      ],
    });
    expect(floorOf(p, 'f-2')).toMatchObject({
      floorKind: 'short_intervention',
      person: people.ludwig,
      repliesTo: people.brandt,
      durationSeconds: 130,
      overrunSeconds: 10,
    });
    expect(floorOf(p, 'f-3')).toMatchObject({
      person: people.kuhn,
      stance: 'contra',
      durationSeconds: 380,
      speakingSeconds: 380,
      overrunSeconds: 80,
      addedByChair: false,
    });
    expect(floorOf(p, 'f-6')).toMatchObject({ person: people.minister, addedByChair: true, limitSeconds: null, overrunSeconds: null, durationSeconds: 510 });
  });

  it('records the point of order with category, text, who was heard and the decision', () => {
    const po = all(p).find((x) => x.kind === 'point_of_order');
    expect(po).toEqual({
      kind: 'point_of_order',
      pointId: 'po-1',
      person: people.busch,
      category: { id: 'closure_of_debate', label: { de: 'Schluss der Aussprache', en: 'Closure of the debate' } },
      text: 'Ich beantrage den Schluss der Aussprache.',
      raisedAt: '2026-12-03T08:25:00.000Z',
      withdrawnAt: null,
      corrections: [],
      floors: [
        { person: people.busch, role: 'mover', startedAt: '2026-12-03T08:28:00.000Z', endedAt: '2026-12-03T08:29:30.000Z', durationSeconds: 90 },
        { person: people.sommer, role: 'against', startedAt: '2026-12-03T08:29:40.000Z', endedAt: '2026-12-03T08:30:40.000Z', durationSeconds: 60 },
      ],
      decision: {
        decision: 'rejected',
        note: 'Noch nicht alle Fraktionen haben gesprochen.',
        voteId: null,
        at: '2026-12-03T08:31:00.000Z',
        by: { personId: 'p-keller', name: 'Anna Keller' },
      },
    });
  });

  it('gives a named vote its full result: per option, per faction, turnout, names, who did not vote', () => {
    const v = voteOf(p, 'v-bill');
    expect(v).toMatchObject({
      status: 'closed',
      voteKind: 'named',
      eligibleCount: 11,
      ballotsCast: 10,
      closed: { at: '2026-12-03T08:43:00.000Z', by: 'expired', actor: null },
    });
    expect(v.result).toMatchObject({
      passed: true,
      reasonCode: 'majority_reached',
      counts: [
        { optionId: 'yes', label: 'Yes', count: 6 },
        { optionId: 'no', label: 'No', count: 3 },
        { optionId: 'abstain', label: 'Abstain', count: 1 },
      ],
      eligible: 11,
      cast: 10,
      turnoutPercent: 90.9,
      quorate: true,
      recountMatches: true,
    });
    expect(v.result!.perFaction.map((f) => [f.factionShortName, f.counts.map((c) => c.count)])).toEqual([
      ['SDA', [3, 0, 0]],
      ['CVP', [0, 2, 1]],
      ['GRN', [2, 0, 0]],
      ['LIB', [0, 1, 0]],
      ['LNK', [1, 0, 0]],
      [null, [0, 0, 0]],
    ]);
    expect(v.ballots?.kind).toBe('named');
    if (v.ballots?.kind !== 'named') return;
    expect(v.ballots.votes.map((b) => `${b.voter.name}:${b.optionId}`)).toEqual([
      'Anna Keller:yes',
      'Clara Sommer:no',
      'David Peters:yes',
      'Finn Kuhn:no',
      'Ida Böhm:abstain',
      'Jakob Jäger:yes',
      'Jonas Brandt:yes',
      'Leonie Vogel:yes',
      'Nora Ludwig:no',
      'Oskar Busch:yes',
    ]);
    expect(v.ballots.notVoted).toEqual([people.noack]);
  });

  it('gives a pseudonymous vote its result under pseudonyms only, sorted, never linked to a member', () => {
    const v = voteOf(p, 'v-election');
    expect(v).toMatchObject({
      status: 'closed',
      voteKind: 'pseudonymous',
      ballotsCast: 11,
      result: { counts: [{ count: 7 }, { count: 3 }, { count: 1 }], recountMatches: true, turnoutPercent: 100 },
    });
    expect(v.ballots?.kind).toBe('pseudonymous');
    if (v.ballots?.kind !== 'pseudonymous') return;
    const pseudonyms = v.ballots.votes.map((b) => b.pseudonym);
    expect(new Set(pseudonyms)).toEqual(new Set(Object.values(electionPseudonyms)));
    expect(pseudonyms).toEqual([...pseudonyms].sort());
    expect(JSON.stringify(v.ballots)).not.toMatch(/personId|"name"|"voter"/);
    expect(v.closed).toEqual({ at: '2026-12-03T09:53:00.000Z', by: 'all_voted', actor: null });
  });

  it('links no pseudonym to a name anywhere in the protocol', () => {
    const names = new Set(Object.values(people).flatMap((m) => [m.name, m.personId]));
    const pseudonyms = new Set(Object.values(electionPseudonyms));
    // Every object in the JSON that mentions a pseudonym mentions no person, and the other way round.
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== 'object') return;
      const flat = Object.values(node).filter((x): x is string => typeof x === 'string');
      if (flat.some((x) => pseudonyms.has(x))) expect(flat.filter((x) => names.has(x))).toEqual([]);
      Object.values(node).forEach(visit);
    };
    visit(JSON.parse(protocolJson(p)));
    // And the ballot order of the record (which follows the order members voted in) is not the protocol's order.
    const inRecord = entries.flatMap((e) => (e.event.kind === 'ballot.cast' && e.event.pseudonym ? [e.event.pseudonym] : []));
    const v = voteOf(p, 'v-election');
    expect(v.ballots?.kind === 'pseudonymous' && v.ballots.votes.map((b) => b.pseudonym)).not.toEqual(inRecord);
  });

  /** A record that opens vote 'v' (the sample election's options) of this kind, Kuhn eligible. */
  const openedVote = (kind: 'named' | 'pseudonymous') =>
    new RecordScript().at('09:00:00', {
      kind: 'vote.opened',
      definition: { ...voteOf(p, 'v-election'), voteId: 'v', agendaItemId: null, kind, live: false, durationSeconds: null, autoCloseWhenAllVoted: false },
      eligible: [people.kuhn],
      closesAt: null,
      quorate: true,
    });

  it('drops a voter that a faulty record put on a pseudonymous ballot', () => {
    const s = openedVote('pseudonymous')
      .at('09:00:10', { kind: 'ballot.cast', voteId: 'v', optionId: 'no', voter: people.kuhn, pseudonym: 'moss-42' }, people.kuhn.personId)
      .at('09:01:00', {
        kind: 'vote.closed',
        voteId: 'v',
        closedBy: 'chair',
        result: {
          passed: false,
          reason: 'x',
          reasonCode: 'majority_missed',
          counts: [{ optionId: 'no', count: 1 }],
          perFaction: [],
          eligible: 1,
          cast: 1,
          quorate: true,
        },
      });
    const v = voteOf(protocolOf(s.entries()), 'v');
    expect(v.ballots).toEqual({ kind: 'pseudonymous', votes: [{ pseudonym: 'moss-42', optionId: 'no' }] });
  });

  it('prints no faction table for a pseudonymous vote, even where an older record computed one', () => {
    // The miscount once shipped: a CVP member's pseudonymous ballot counted under "no faction".
    const s = openedVote('pseudonymous')
      .at('09:00:10', { kind: 'ballot.cast', voteId: 'v', optionId: 'no', voter: null, pseudonym: 'moss-42' })
      .at('09:01:00', {
        kind: 'vote.closed',
        voteId: 'v',
        closedBy: 'chair',
        result: {
          passed: false,
          reason: 'x',
          reasonCode: 'no_quorum',
          counts: [{ optionId: 'no', count: 1 }],
          perFaction: [{ factionId: null, counts: [{ optionId: 'no', count: 1 }] }],
          eligible: 1,
          cast: 1,
          quorate: false,
        },
      });
    const v = voteOf(protocolOf(s.entries()), 'v');
    expect(v.result?.perFaction).toEqual([]);
    // And the vote decided nothing: not "rejected".
    expect(v.outcome).toBe('not_quorate');
  });

  it('records a doubted quorum where it was counted, and the vote it applied to', () => {
    const s = openedVote('named').at('09:00:30', { kind: 'quorum.counted', pointId: 'pt', present: 20, required: 25, quorate: false, voteId: 'v' });
    const entries = s.entries();
    const proceedings = all(protocolOf(entries));
    expect(proceedings.find((x) => x.kind === 'quorum_count')).toMatchObject({ present: 20, required: 25, quorate: false, voteId: 'v' });
    expect(voteOf(protocolOf(entries), 'v').quorumChallenged).toBe(true);
  });

  it('keeps a cancelled vote with its reason and no result', () => {
    expect(voteOf(p, 'v-wrong')).toMatchObject({
      status: 'cancelled',
      ballotsCast: 1,
      result: null,
      ballots: null,
      cancelled: { at: '2026-12-03T08:45:00.000Z', reason: 'Falsche Vorlage aufgerufen', actor: { personId: 'p-keller', name: 'Anna Keller' } },
    });
  });

  it('sums counted speaking time per faction and per person', () => {
    expect(p.speakingTime.perFaction.map((f) => [f.factionShortName, f.floors, f.seconds])).toEqual([
      [null, 1, 510],
      ['CVP', 1, 380],
      ['SDA', 1, 345],
      ['LIB', 1, 130],
    ]);
    expect(p.speakingTime.perPerson[0]).toEqual({ person: people.minister, floors: 1, seconds: 510 });
  });

  it('rounds each speaking-time figure once from its milliseconds, never summing rounded floors', () => {
    const at = (s: string) => `2026-12-03T09:00:${s}Z`;
    const actorId = people.keller.personId;
    const granted = (floorId: string) =>
      ({ kind: 'floor.granted', floorId, agendaItemId: null, person: people.brandt, floorKind: 'chair_grant', requestId: null, limitSeconds: 60 }) as const;
    const floor = (floorId: string, from: string, to: string) => [
      { at: at(from), actorId, event: granted(floorId) },
      { at: at(to), actorId, event: { kind: 'floor.ended' as const, floorId } },
    ];
    const opened = { at: at('00.000'), actorId, event: { kind: 'sitting.opened' as const, rulebook, statutoryMembers: 49 } };
    const q = protocolOf(RecordScript.of([opened, ...floor('a', '01.000', '02.400'), ...floor('b', '03.000', '04.400')]).entries());
    // Each floor held 1.4 s and prints as 1 s; the 2.8 s they add up to print as 3 s, as the live clocks' 2.8 s would round.
    expect([floorOf(q, 'a').speakingSeconds, floorOf(q, 'b').speakingSeconds]).toEqual([1, 1]);
    expect(q.speakingTime.perPerson).toEqual([{ person: people.brandt, floors: 2, seconds: 3 }]);
    const { factionId, factionShortName } = people.brandt;
    expect(q.speakingTime.perFaction).toEqual([{ factionId, factionShortName, floors: 2, seconds: 3 }]);
  });

  it('lists attendance by name, with who was still present at the end', () => {
    expect(p.attendance).toHaveLength(12);
    expect(p.attendance[0]).toMatchObject({ person: people.keller, firstJoinedAt: '2026-12-03T08:00:10.000Z', presentAtEnd: true });
    expect(p.attendance.find((a) => a.person.personId === 'p-reinhardt')?.presentAtEnd).toBe(false);
  });

  it('says when a ballot count does not add up to the announced result', () => {
    const s = sampleRecord().entries();
    const i = s.findIndex((e) => e.event.kind === 'ballot.cast' && e.event.voteId === 'v-bill');
    // Drop one ballot from the record (and rechain: this is about the tally, not the hashes).
    const rechained = RecordScript.of(s.filter((_, k) => k !== i)).entries();
    expect(verifyChain(rechained).ok).toBe(true);
    expect(voteOf(protocolOf(rechained), 'v-bill').result?.recountMatches).toBe(false);
  });

  it('reports a broken chain instead of hiding it', () => {
    const s = sampleRecord().entries();
    s[10] = { ...s[10]!, actorId: 'p-forger' };
    expect(protocolOf(s).record.chain).toMatchObject({ ok: false, seq: 11, problem: 'hash_mismatch' });
  });

  it('is provisional while the sitting is open, with a running floor and an open vote that publish nothing yet', () => {
    const s = new RecordScript()
      .at('09:00:00', { kind: 'sitting.opened', rulebook, statutoryMembers: 49 })
      .at('09:01:00', {
        kind: 'floor.granted',
        floorId: 'f',
        agendaItemId: null,
        person: people.vogel,
        floorKind: 'chair_grant',
        requestId: null,
        limitSeconds: 60,
      })
      .at('09:01:30', {
        kind: 'vote.opened',
        definition: { ...voteOf(p, 'v-bill'), voteId: 'v', agendaItemId: null, kind: 'named', live: true, durationSeconds: null, autoCloseWhenAllVoted: false },
        eligible: [people.vogel],
        closesAt: null,
        quorate: true,
      })
      .at('09:01:40', { kind: 'ballot.cast', voteId: 'v', optionId: 'yes', voter: people.vogel, pseudonym: null }, people.vogel.personId);
    const q = protocolOf(s.entries());
    expect(q.phase).toBe('open');
    expect(q.closedAt).toBeNull();
    expect(q.sections).toHaveLength(1);
    expect(q.sections[0]!.agendaItem).toBeNull();
    expect(floorOf(q, 'f')).toMatchObject({ floorKind: 'chair_grant', endedAt: null, durationSeconds: null, speakingSeconds: null });
    expect(voteOf(q, 'v')).toMatchObject({ status: 'open', ballotsCast: 1, result: null, ballots: null });
  });

  it('builds from an empty record', () => {
    const q = protocolOf([]);
    expect(q).toMatchObject({ phase: 'scheduled', openedAt: null, sections: [], record: { entries: 0, head: GENESIS_HASH, chain: { ok: true } } });
    expect(q.agenda.every((a) => a.calledAt.length === 0)).toBe(true);
  });

  it('exports JSON that reads back as the same protocol', () => {
    const json = protocolJson(p);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(p);
  });
});

describe('an amendment of the agenda in the protocol', () => {
  /** Item 3 moved before item 2 on an accepted point of order; an item added on a vote that passed. */
  function amendedRecord(): StoredEntry[] {
    const s = new RecordScript();
    s.at('09:00:00', { kind: 'sitting.opened', rulebook, statutoryMembers: 49 });
    s.at('09:00:10', { kind: 'agenda.item_called', agendaItemId: 'item-1', position: 1, title: agenda[0]!.title });
    s.at(
      '09:01:00',
      {
        kind: 'point_of_order.raised',
        pointId: 'po-agenda',
        agendaItemId: 'item-1',
        person: people.busch,
        category: 'closure_of_debate',
        text: 'Fragestunde vor der ersten Lesung.',
      },
      people.busch.personId,
    );
    s.at('09:02:00', { kind: 'point_of_order.decided', pointId: 'po-agenda', decision: 'accepted', note: null, voteId: null });
    s.at('09:02:30', {
      kind: 'agenda.amended',
      change: { kind: 'move', agendaItemId: 'item-3', title: agenda[2]!.title, from: 3, to: 2 },
      order: ['item-1', 'item-3', 'item-2', 'item-4'],
      authority: {
        kind: 'point_of_order',
        pointId: 'po-agenda',
        reference: 'Fragestunde vor der ersten Lesung.',
        category: 'closure_of_debate',
        mover: people.busch,
      },
    });
    s.at('09:03:00', { kind: 'agenda.item_called', agendaItemId: 'item-3', position: 2, title: agenda[2]!.title });
    s.at('09:04:00', {
      kind: 'agenda.amended',
      change: { kind: 'insert', agendaItemId: 'item-new', title: 'Dringlichkeitsantrag Hochwasserhilfe', itemKind: 'debate', description: null, position: 5 },
      order: ['item-1', 'item-3', 'item-2', 'item-4', 'item-new'],
      authority: { kind: 'vote', voteId: 'v-elsewhere', reference: 'Aufnahme des Dringlichkeitsantrags' },
    });
    return s.entries();
  }

  it('prints each amendment at its place with the decision it carries out and who carried it out', () => {
    const p = protocolOf(amendedRecord());
    expect(p.sections.map((s) => [s.agendaItem?.id ?? null, s.proceedings.map((x) => x.kind)])).toEqual([
      ['item-1', ['point_of_order', 'agenda_amendment']],
      ['item-3', ['agenda_amendment']],
    ]);
    const [first, second] = all(p).filter((x) => x.kind === 'agenda_amendment');
    expect(first).toEqual({
      kind: 'agenda_amendment',
      at: '2026-12-03T08:02:30.000Z',
      change: { kind: 'move', agendaItemId: 'item-3', title: agenda[2]!.title, from: 3, to: 2 },
      authority: {
        kind: 'point_of_order',
        pointId: 'po-agenda',
        reference: 'Fragestunde vor der ersten Lesung.',
        mover: people.busch,
        category: { id: 'closure_of_debate', label: { de: 'Schluss der Aussprache', en: 'Closure of the debate' } },
        decidedAt: '2026-12-03T08:02:00.000Z',
      },
      by: { personId: people.keller.personId, name: null },
    });
    // A decision not in this record is named by its reference alone.
    expect(second).toMatchObject({ authority: { kind: 'vote', voteId: 'v-elsewhere', reference: 'Aufnahme des Dringlichkeitsantrags', decidedAt: null } });
    expect(JSON.parse(protocolJson(p))).toEqual(JSON.parse(JSON.stringify(p)));
  });
});
