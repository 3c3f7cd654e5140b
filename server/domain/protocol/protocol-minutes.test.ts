import { describe, expect, it } from 'vitest';
import { buildProtocol, type Proceeding, type Protocol, type ProtocolInput, type ProtocolMinutesNote, type ProtocolPointOfOrder } from './protocol';
import { agenda, people, RecordScript, rulebook, sitting } from '../../../fixtures/sample-record';
import type { StoredEntry } from '../record';

// The protocol's structure for the clerk's desk: names (never ids) from the roster for whom the record
// names only by id, one spelling per group, the presiding chair and every change of presidency (in the
// attendance too), minutes notes at their moment, corrections naming the entry corrected, the approval.

const roster: NonNullable<ProtocolInput['roster']> = {
  people: [
    { personId: 'p-keller', name: 'Anna Keller', factionId: 'sda' },
    { personId: 'p-sommer', name: 'Clara Sommer', factionId: 'cvp' },
    { personId: 'p-clerk', name: 'Bernd Ostermann', factionId: null },
  ],
  factions: [
    { id: 'sda', shortName: 'SDA' },
    { id: 'cvp', shortName: 'CVP' },
  ],
};

/** Brandt as an older entry spelled his group. */
const brandt = { ...people.brandt, factionShortName: 'Sda' };

function script(): RecordScript {
  const s = new RecordScript();
  // Keller opens (and so presides) but never joins: the record names her only by id.
  s.at('09:00:00', { kind: 'sitting.opened', rulebook, statutoryMembers: 49 });
  s.at('09:00:10', { kind: 'attendance.joined', person: brandt }, brandt.personId);
  s.at('09:00:20', { kind: 'agenda.item_called', agendaItemId: 'item-2', position: 2, title: agenda[1]!.title });
  s.at(
    '09:01:00',
    { kind: 'point_of_order.raised', pointId: 'po-1', agendaItemId: 'item-2', person: brandt, category: 'referral_to_committee', text: 'Überweisnug' },
    brandt.personId,
  );
  s.at('09:01:30', { kind: 'point_of_order.decided', pointId: 'po-1', decision: 'rejected', note: 'Nicht zulässig', voteId: null });
  s.at(
    '09:02:05',
    {
      kind: 'minutes.noted',
      noteId: 'n-1',
      noteKind: 'applause',
      text: 'Beifall bei der CVB',
      moment: '2026-12-03T08:02:00.000Z',
      agendaItemId: 'item-2',
      floorId: null,
    },
    'p-clerk',
  );
  s.at('09:03:00', { kind: 'presidency.taken', person: people.sommer }, people.sommer.personId);
  s.at('09:04:00', { kind: 'sitting.closed' }, people.sommer.personId);
  return s;
}

function all(p: Protocol): Proceeding[] {
  return p.sections.flatMap((s) => s.proceedings);
}

function build(entries: readonly StoredEntry[], withRoster = true): Protocol {
  return buildProtocol({ sitting, parliamentName: 'Landtag', agenda, entries, ...(withRoster ? { roster } : {}) });
}

describe('the protocol names people, never ids', () => {
  it('the chair who decided a point of order, by the roster where the record names them only by id', () => {
    const point = all(build(script().entries())).find((x): x is ProtocolPointOfOrder => x.kind === 'point_of_order');
    expect(point?.decision?.by).toEqual({ personId: 'p-keller', name: 'Anna Keller' });
    // Without a roster the record alone cannot name her: the name stays null (the PDF says "a person no longer on the roster", never the id).
    const bare = all(build(script().entries(), false)).find((x): x is ProtocolPointOfOrder => x.kind === 'point_of_order');
    expect(bare?.decision?.by).toEqual({ personId: 'p-keller', name: null });
  });

  it('one spelling per group, from the roster, wherever the record spelled it otherwise', () => {
    const p = build(script().entries());
    const point = all(p).find((x): x is ProtocolPointOfOrder => x.kind === 'point_of_order');
    expect(point?.person.factionShortName).toBe('SDA');
    expect(p.attendance.find((a) => a.person.personId === brandt.personId)?.person.factionShortName).toBe('SDA');
    expect(JSON.stringify(p)).not.toContain('"Sda"');
  });
});

describe('the presidency', () => {
  it('names the presiding chair from the opening and every change, and lists whoever presided as present', () => {
    const p = build(script().entries());
    expect(p.presidency).toEqual([
      { person: { personId: 'p-keller', name: 'Anna Keller' }, from: '2026-12-03T08:00:00.000Z', to: '2026-12-03T08:03:00.000Z' },
      { person: { personId: 'p-sommer', name: 'Clara Sommer' }, from: '2026-12-03T08:03:00.000Z', to: '2026-12-03T08:04:00.000Z' },
    ]);
    expect(all(p)).toContainEqual({ kind: 'presidency', at: '2026-12-03T08:03:00.000Z', person: { personId: 'p-sommer', name: 'Clara Sommer' } });
    const keller = p.attendance.find((a) => a.person.personId === 'p-keller');
    expect(keller).toMatchObject({ person: { name: 'Anna Keller', factionShortName: 'SDA' }, presiding: true, firstJoinedAt: '2026-12-03T08:00:00.000Z' });
    expect(p.attendance.find((a) => a.person.personId === brandt.personId)?.presiding).toBe(false);
  });
});

describe('minutes notes, corrections and the approval', () => {
  it('a note stands at its place with its moment and who noted it', () => {
    const note = all(build(script().entries())).find((x): x is ProtocolMinutesNote => x.kind === 'minutes_note');
    expect(note).toEqual({
      kind: 'minutes_note',
      seq: 6,
      noteId: 'n-1',
      noteKind: 'applause',
      text: 'Beifall bei der CVB',
      moment: '2026-12-03T08:02:00.000Z',
      at: '2026-12-03T08:02:05.000Z',
      by: { personId: 'p-clerk', name: 'Bernd Ostermann' },
      corrections: [],
    });
  });

  it('shows the corrected text and notes the correction; an approval is lapsed by a later correction', () => {
    const base = script().entries();
    const noteHash = base[5]!.hash;
    const pointHash = base[3]!.hash;
    const decisionHash = base[4]!.hash;
    const s = RecordScript.of(base);
    s.at(
      '10:00:00',
      { kind: 'protocol.corrected', correctionId: 'c-1', target: { seq: 6, hash: noteHash, kind: 'minutes_note' }, text: 'Beifall bei der CVP' },
      'p-clerk',
    );
    s.at(
      '10:00:10',
      { kind: 'protocol.corrected', correctionId: 'c-2', target: { seq: 4, hash: pointHash, kind: 'point_of_order' }, text: 'Überweisung' },
      'p-clerk',
    );
    const beforeApproval = s.entries();
    s.at('10:05:00', { kind: 'protocol.approved', seq: beforeApproval.length, head: beforeApproval.at(-1)!.hash, by: people.keller });
    const approved = build(s.entries());
    expect(approved.approval).toEqual({
      seq: beforeApproval.length,
      head: beforeApproval.at(-1)!.hash,
      at: '2026-12-03T09:05:00.000Z',
      by: { personId: 'p-keller', name: 'Anna Keller' },
    });
    const note = all(approved).find((x): x is ProtocolMinutesNote => x.kind === 'minutes_note');
    expect(note?.text).toBe('Beifall bei der CVP');
    expect(note?.corrections).toEqual([
      {
        seq: 9,
        at: '2026-12-03T09:00:00.000Z',
        by: { personId: 'p-clerk', name: 'Bernd Ostermann' },
        target: { seq: 6, hash: noteHash, kind: 'minutes_note' },
        previous: 'Beifall bei der CVB',
        text: 'Beifall bei der CVP',
      },
    ]);
    const point = all(approved).find((x): x is ProtocolPointOfOrder => x.kind === 'point_of_order');
    expect(point?.text).toBe('Überweisung');
    expect(approved.corrections.map((c) => c.target.seq)).toEqual([6, 4]);

    s.at(
      '10:10:00',
      { kind: 'protocol.corrected', correctionId: 'c-3', target: { seq: 5, hash: decisionHash, kind: 'decision_note' }, text: 'Unzulässig' },
      'p-clerk',
    );
    const lapsed = build(s.entries());
    expect(lapsed.approval).toBeNull();
    expect(lapsed.lapsedApprovals).toEqual([{ ...approved.approval!, lapsedAt: '2026-12-03T09:10:00.000Z' }]);
    expect(all(lapsed).find((x): x is ProtocolPointOfOrder => x.kind === 'point_of_order')?.decision?.note).toBe('Unzulässig');
  });

  it('a correction of an entry that holds no text of the protocol changes nothing', () => {
    const base = script().entries();
    const s = RecordScript.of(base);
    s.at('10:00:00', { kind: 'protocol.corrected', correctionId: 'c-1', target: { seq: 1, hash: base[0]!.hash, kind: 'minutes_note' }, text: 'x' }, 'p-clerk');
    const p = build(s.entries());
    expect(p.corrections).toEqual([]);
  });
});
