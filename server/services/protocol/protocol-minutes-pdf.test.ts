import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text';
import { buildProtocol } from '../../domain/protocol/protocol';
import { protocolPdf } from './protocol-pdf';
import { agenda, people, RecordScript, rulebook, sitting } from '../../../fixtures/sample-record';

// The PDF of a protocol with the clerk's notes, a correction, a change of presidency and the approval:
// notes in parentheses, names never ids, times on the parliament's clock, the approval with the head hash.

function approvedProtocol() {
  const s = new RecordScript();
  s.at('09:00:00', { kind: 'sitting.opened', rulebook, statutoryMembers: 49 });
  s.at('09:00:20', { kind: 'agenda.item_called', agendaItemId: 'item-2', position: 2, title: agenda[1]!.title });
  s.at(
    '09:01:00',
    { kind: 'point_of_order.raised', pointId: 'po-1', agendaItemId: 'item-2', person: people.brandt, category: 'referral_to_committee', text: 'Überweisung' },
    people.brandt.personId,
  );
  s.at('09:01:30', { kind: 'point_of_order.decided', pointId: 'po-1', decision: 'rejected', note: null, voteId: null });
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
  const noteHash = s.entries()[4]!.hash;
  s.at(
    '10:00:00',
    { kind: 'protocol.corrected', correctionId: 'c-1', target: { seq: 5, hash: noteHash, kind: 'minutes_note' }, text: 'Beifall bei der CVP' },
    'p-clerk',
  );
  const read = s.entries();
  s.at('10:05:00', { kind: 'protocol.approved', seq: read.length, head: read.at(-1)!.hash, by: people.keller });
  const entries = s.entries();
  return buildProtocol({
    sitting,
    parliamentName: 'Landtag',
    agenda,
    entries,
    timeZone: 'Europe/Berlin',
    roster: {
      people: [
        { personId: 'p-keller', name: 'Anna Keller', factionId: 'sda' },
        { personId: 'p-clerk', name: 'Bernd Ostermann', factionId: null },
      ],
      factions: [{ id: 'sda', shortName: 'SDA' }],
    },
  });
}

describe('the protocol PDF with minutes notes, a correction, the presidency and the approval', () => {
  it('prints them in the parliament’s conventions, names never ids', async () => {
    const p = approvedProtocol();
    const text = pdfText(await protocolPdf(p, 'de'));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('(Beifall bei der CVP)');
    expect(flat).toContain('berichtigt 10:00:00 durch Bernd Ostermann; zuvor: „Beifall bei der CVB“');
    // The decision names the chair (who opened and so presided), by name: no id anywhere.
    expect(flat).toMatch(/Entscheidung 09:01:30 durch Anna Keller/);
    expect(flat).toContain('Clara Sommer übernimmt den Vorsitz.');
    expect(flat).toMatch(/Vorsitz: Anna Keller \(09:00 Uhr – 09:03 Uhr\)/);
    expect(flat).toMatch(/Genehmigt von Anna Keller am .*10:05 Uhr, Stand Eintrag 8\./);
    expect(flat).toContain(p.approval!.head);
    expect(flat).toContain(p.record.head);
    expect(flat).not.toMatch(/p-keller|p-clerk|p-sommer/);
    // Whoever presided is in the attendance, marked.
    expect(flat).toMatch(/Anna Keller \(Vorsitz\)/);
  });
});
