import { protocolTexts, type DeskRecordEntry } from './record-texts';

describe('protocol texts from the record', () => {
  const entry = (seq: number, kind: string, payload: unknown): DeskRecordEntry => ({
    seq,
    at: `2026-12-03T09:0${seq}:00.000Z`,
    kind,
    payload,
    hash: `h${seq}`,
  });

  it('lists notes, points of order and notes on decisions newest first, as corrected', () => {
    const texts = protocolTexts([
      entry(1, 'sitting.opened', {}),
      entry(2, 'minutes.noted', { noteKind: 'applause', text: 'Beifall bei der CVB', moment: '2026-12-03T09:01:30.000Z' }),
      entry(3, 'point_of_order.raised', { text: 'Überweisung' }),
      entry(4, 'point_of_order.decided', { note: null }),
      entry(5, 'point_of_order.decided', { note: 'Unzulässig' }),
      entry(6, 'protocol.corrected', { target: { seq: 2, hash: 'h2', kind: 'minutes_note' }, text: 'Beifall bei der CVP' }),
    ]);
    expect(texts.map((t) => [t.seq, t.what, t.text, t.corrections])).toEqual([
      [5, 'decision_note', 'Unzulässig', 0],
      [3, 'point_of_order', 'Überweisung', 0],
      [2, 'minutes_note', 'Beifall bei der CVP', 1],
    ]);
    expect(texts[2]).toEqual(jasmine.objectContaining({ hash: 'h2', noteKind: 'APPLAUSE', moment: '2026-12-03T09:01:30.000Z' }));
  });
});
