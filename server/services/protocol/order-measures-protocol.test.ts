import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text';
import { buildProtocol } from '../../domain/protocol/protocol';
import { Chamber, chair, sittingContext } from '../../domain/procedure/spec-support';
import { chainEntries, GENESIS_HASH } from '../../domain/record';
import { protocolPdf } from './protocol-pdf';

/** A debate with every order measure, as the chair gives them, made into the protocol (JSON and PDF). */
function protocolOfMeasures() {
  const c = new Chamber(sittingContext()).open();
  c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
  c.run(chair, { kind: 'floor.grant', requestId: null, personId: 'j.brandt', limitSeconds: 300 });
  c.run(chair, { kind: 'order.call_to_point', personId: 'j.brandt', reason: 'Off the subject' });
  c.run(chair, { kind: 'order.call_to_order', personId: 'j.brandt', reason: null });
  c.run(chair, { kind: 'order.call_to_order', personId: 'j.brandt', reason: null });
  c.run(chair, { kind: 'order.withdraw_floor', reason: null });
  c.run(chair, { kind: 'order.mute', personId: 'f.kuhn' });
  c.run(chair, { kind: 'order.unmute', personId: 'f.kuhn' });
  c.run(chair, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 3, reason: 'Gross breach of order' });
  const exclusionId = Object.keys(c.state.order.exclusions)[0]!;
  c.run(chair, { kind: 'order.record_objection', exclusionId, text: 'I object' });
  c.run(chair, { kind: 'order.decide_objection', exclusionId, upheld: false, note: null });
  const entries = chainEntries(GENESIS_HASH, 1, 'sitting-42', c.entries).map(({ content, prevHash, hash }) => ({ ...content, prevHash, hash }));
  return buildProtocol({
    sitting: { id: 'sitting-42', number: 42, title: '42nd plenary sitting', startsAt: '2026-12-03T08:00:00.000Z' },
    parliamentName: 'Parliament',
    agenda: c.sitting.agenda.map((i) => ({ id: i.id, position: i.position, title: i.title })),
    entries,
  });
}

describe('order measures in the protocol', () => {
  it('has a line for each measure, in the section of the item, with the person, reason, days and decision', () => {
    const p = protocolOfMeasures();
    const lines = p.sections.flatMap((s) => s.proceedings).filter((x) => x.kind === 'order_measure');
    expect(lines.map((x) => x.measure)).toEqual([
      'call_to_point',
      'call_to_order',
      'call_to_order',
      'floor_withdrawn',
      'muted',
      'unmuted',
      'excluded',
      'objection_recorded',
      'objection_decided',
    ]);
    expect(lines[0]).toEqual(expect.objectContaining({ person: expect.objectContaining({ personId: 'j.brandt' }), reason: 'Off the subject' }));
    expect(lines[6]).toEqual(expect.objectContaining({ sittingDays: 3, reason: 'Gross breach of order' }));
    expect(lines[8]).toEqual(expect.objectContaining({ upheld: false, by: expect.objectContaining({ personId: chair }) }));
  });

  it('prints them in German and English', async () => {
    const p = protocolOfMeasures();
    const de = pdfText(await protocolPdf(p, 'de'));
    for (const words of [
      'Sachruf',
      'Ordnungsruf',
      'Wortentziehung',
      'Ausschluss von der Sitzung',
      '3 Sitzungstage',
      'Einspruch gegen den Ausschluss',
      'zurückgewiesen',
    ])
      expect(de).toContain(words);
    const en = pdfText(await protocolPdf(p, 'en'));
    for (const words of ['Call to the point', 'Call to order', 'Floor withdrawn', 'Excluded from the sitting', 'Gross breach of order'])
      expect(en).toContain(words);
  });
});
