import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text';
import { buildProtocol, type Protocol } from '../../domain/protocol/protocol';
import { duration, protocolPdf } from './protocol-pdf';
import { protocolFonts, standardFonts, fitText } from './pdf-fonts';
import { protocolLabels } from './labels';
import { agenda, people, RecordScript, rulebook, sampleRecord, sitting } from '../../../fixtures/sample-record';

const parliamentName = 'Landtag von Nordmark';
const sample = buildProtocol({ sitting, parliamentName, agenda, entries: sampleRecord().entries() });

function pages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\n/g) ?? []).length;
}

/** A long debate: 80 speeches of four to six minutes, a vote every ten. */
function longProtocol(): Protocol {
  const s = new RecordScript();
  const members = [people.brandt, people.kuhn, people.jaeger, people.ludwig, people.peters, people.vogel, people.boehm];
  let t = 9 * 3600;
  const at = () => {
    const h = Math.floor(t / 3600);
    const m = Math.floor((t % 3600) / 60);
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  };
  s.at(at(), { kind: 'sitting.opened', rulebook, statutoryMembers: 49 });
  t += 60;
  s.at(at(), { kind: 'agenda.item_called', agendaItemId: 'item-2', position: 2, title: agenda[1]!.title });
  for (let i = 0; i < 80; i++) {
    const person = members[i % members.length]!;
    t += 10;
    s.at(at(), { kind: 'floor.granted', floorId: `f-${i}`, agendaItemId: 'item-2', person, floorKind: 'speech', requestId: null, limitSeconds: 300 });
    t += 240 + ((i * 37) % 120);
    s.at(at(), { kind: 'floor.ended', floorId: `f-${i}` });
    if (i % 10 === 9) {
      const voteId = `v-${i}`;
      t += 30;
      s.at(at(), {
        kind: 'vote.opened',
        definition: {
          voteId,
          agendaItemId: 'item-2',
          title: `Änderungsantrag ${i + 1}`,
          kind: 'named',
          options: [
            { id: 'yes', label: 'Yes', meaning: 'yes' },
            { id: 'no', label: 'No', meaning: 'no' },
          ],
          majority: 'simple',
          live: false,
          durationSeconds: null,
          autoCloseWhenAllVoted: true,
          statutoryMembers: 49,
        },
        eligible: members,
        closesAt: null,
        quorate: true,
      });
      members.forEach((m, k) => {
        t += 2;
        s.at(at(), { kind: 'ballot.cast', voteId, optionId: k % 3 ? 'yes' : 'no', voter: m, pseudonym: null }, m.personId);
      });
      t += 5;
      s.at(
        at(),
        {
          kind: 'vote.closed',
          voteId,
          closedBy: 'all_voted',
          result: {
            passed: true,
            reason: '4 yes > 3 no',
            reasonCode: 'majority_reached',
            counts: [
              { optionId: 'yes', count: 4 },
              { optionId: 'no', count: 3 },
            ],
            perFaction: [],
            eligible: 7,
            cast: 7,
            quorate: true,
          },
        },
        null,
      );
    }
  }
  t += 60;
  s.at(at(), { kind: 'sitting.closed' });
  return buildProtocol({ sitting, parliamentName, agenda, entries: s.entries() });
}

describe('protocolPdf', () => {
  it.each(['de', 'en'] as const)('renders the sample sitting in %s: a PDF with title, proceedings, results, the head hash and page numbers', async (lang) => {
    const L = protocolLabels[lang];
    const pdf = await protocolPdf(sample, lang);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF\n?$/);
    const text = pdfText(pdf);
    for (const expected of [
      L.documentTitle,
      `${L.sittingNumber(42)} · 42. Sitzung des Landtags`,
      parliamentName,
      'Haushaltsgesetz 2027 – erste Lesung',
      'Jonas Brandt (SDA)',
      'Ich beantrage den Schluss der Aussprache.',
      'Überweisung des Haushaltsgesetzes an den Haushaltsausschuss',
      L.turnout(10, 11, lang === 'de' ? '90,9' : '90.9'),
      `${L.cancelled} 09:45:00`,
      'Falsche Vorlage aufgerufen',
      sample.record.head,
      `npm run verify-record -- sitting-42 --head`,
      L.page(1, pages(pdf)),
      L.page(pages(pdf), pages(pdf)),
    ]) {
      expect(text).toContain(expected);
    }
    // Times in the sitting's zone (Berlin), not UTC.
    expect(text).toContain(L.clock('09:00'));
    expect(text).toContain(`${lang === 'de' ? 'Ja' : 'Yes'} (6): Anna Keller (SDA), David Peters (LNK)`);
    expect(text).not.toContain('\uFFFD');
  });

  it.each(['de', 'en'] as const)('prints an amendment of the agenda with its decision (%s)', async (lang) => {
    const L = protocolLabels[lang];
    const s = new RecordScript();
    s.at('09:00:00', { kind: 'sitting.opened', rulebook, statutoryMembers: 49 });
    s.at('09:01:00', {
      kind: 'point_of_order.raised',
      pointId: 'po-a',
      agendaItemId: null,
      person: people.kuhn,
      category: 'closure_of_debate',
      text: 'TOP 3 vor TOP 2.',
    });
    s.at('09:02:00', { kind: 'point_of_order.decided', pointId: 'po-a', decision: 'accepted', note: null, voteId: null });
    s.at('09:02:30', {
      kind: 'agenda.amended',
      change: { kind: 'move', agendaItemId: 'item-3', title: agenda[2]!.title, from: 3, to: 2 },
      order: ['item-1', 'item-3', 'item-2', 'item-4'],
      authority: { kind: 'point_of_order', pointId: 'po-a', reference: 'TOP 3 vor TOP 2.', category: 'closure_of_debate', mover: people.kuhn },
    });
    s.at('09:03:00', {
      kind: 'agenda.amended',
      change: { kind: 'remove', agendaItemId: 'item-4', title: agenda[3]!.title, position: 4 },
      order: ['item-1', 'item-3', 'item-2'],
      authority: { kind: 'vote', voteId: 'v-x', reference: 'Absetzung der Wahl' },
    });
    const text = pdfText(await protocolPdf(buildProtocol({ sitting, parliamentName, agenda: agenda.slice(0, 3), entries: s.entries() }), lang)).replace(
      /\s+/g,
      ' ',
    );
    const category = lang === 'de' ? 'Schluss der Aussprache' : 'Closure of the debate';
    for (const expected of [
      `${L.agendaAmendment.title}: ${L.agendaAmendment.move(agenda[2]!.title, 3, 2)}.`,
      L.agendaAmendment.onPoint(category, 'Finn Kuhn (CVP)', 'TOP 3 vor TOP 2.'),
      `${L.agendaAmendment.decidedAt} 09:02:00`,
      `${L.agendaAmendment.title}: ${L.agendaAmendment.remove(agenda[3]!.title, 4)}.`,
      L.agendaAmendment.onVote('Absetzung der Wahl'),
      L.agendaAmendment.amendedNote,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it.each(['de', 'en'] as const)('prints the lobby: asked, admitted as what and for whom, declined and removed with reasons (%s)', async (lang) => {
    const L = protocolLabels[lang].admission;
    const press = { entrantId: 'account:press', name: 'Eva Presse', personId: null };
    const substitute = { entrantId: 'account:sub', name: 'Paul Vertreter', personId: null };
    const s = new RecordScript();
    s.at('09:00:00', { kind: 'sitting.opened', rulebook, statutoryMembers: 49 });
    s.at('09:01:00', { kind: 'lobby.asked', entrant: press }, null);
    s.at('09:01:30', { kind: 'lobby.admitted', entrant: press, role: 'press', substituteFor: null, agendaItemId: null });
    s.at('09:02:00', { kind: 'lobby.asked', entrant: substitute }, null);
    s.at('09:02:30', { kind: 'lobby.admitted', entrant: substitute, role: 'substitute', substituteFor: people.kuhn, agendaItemId: null });
    s.at('09:03:00', { kind: 'participant.removed', participantId: people.brandt.personId, name: people.brandt.name, reason: 'Störung' });
    s.at('09:04:00', { kind: 'lobby.asked', entrant: { entrantId: 'account:x', name: 'Max Muster', personId: null } }, null);
    s.at('09:04:30', { kind: 'lobby.declined', entrantId: 'account:x', reason: 'kein Platz' });
    const text = pdfText(await protocolPdf(buildProtocol({ sitting, parliamentName, agenda, entries: s.entries() }), lang)).replace(/\s+/g, ' ');
    for (const expected of [
      `${L.title}: Eva Presse ${L.change.asked}`,
      // Who admitted is named as the protocol names actors (the chair's name once the protocol knows it).
      `Eva Presse ${L.change.admitted} ${L.as} ${L.roles.press} (${L.by} `,
      `Paul Vertreter ${L.change.admitted} ${L.as} ${L.roles.substitute} ${L.substituteFor} Finn Kuhn (CVP)`,
      `Jonas Brandt ${L.change.removed} (Störung)`,
      `Max Muster ${L.change.declined} (kein Platz)`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('keeps pseudonyms apart from names in the PDF too', async () => {
    const text = pdfText(await protocolPdf(sample, 'de'));
    const line = text.split('\n').find((l) => l.includes('kiwi-30'));
    expect(line).toMatch(/^Ja \(7\): /);
    for (const m of Object.values(people)) expect(line).not.toContain(m.name);
  });

  it('runs over several pages for a long sitting, numbering every page', async () => {
    const long = longProtocol();
    const pdf = await protocolPdf(long, 'de');
    const n = pages(pdf);
    expect(n).toBeGreaterThan(4);
    const text = pdfText(pdf);
    for (let i = 1; i <= n; i++) expect(text).toContain(`Seite ${i} von ${n}`);
    expect(text).toContain('Änderungsantrag 80');
    expect(text).toContain(long.record.head);
  });

  it('gives the same bytes for the same protocol', async () => {
    const [a, b] = await Promise.all([protocolPdf(sample, 'en'), protocolPdf(sample, 'en')]);
    expect(a.equals(b)).toBe(true);
  });

  it('falls back to the standard fonts where the host has no TrueType family', async () => {
    const pdf = await protocolPdf(sample, 'de', { fonts: standardFonts });
    expect(pdf.toString('latin1')).not.toContain('/FontFile2');
    const text = pdfText(pdf);
    expect(text).toContain('42. Sitzung · 42. Sitzung des Landtags');
    expect(text).toContain('Ida Böhm (CVP)');
    expect(fitText('Łukasz Żółć – “ok” €', standardFonts)).toBe('?ukasz Zó?c – “ok” €');
  });

  it('uses an embedded Unicode font on this host when one is installed', () => {
    const f = protocolFonts();
    if (f.embedded) expect(f.regular).toMatch(/\.ttf$/);
    else expect(f).toEqual(standardFonts);
  });

  it('marks a provisional protocol and a broken chain on the first page', async () => {
    const entries = sampleRecord().entries().slice(0, 30);
    entries[5] = { ...entries[5]!, actorId: 'p-forger' };
    const p = buildProtocol({ sitting, parliamentName, agenda, entries });
    const text = pdfText(await protocolPdf(p, 'en'));
    // Long lines wrap: compare with the line breaks as spaces.
    const first = text.split('Page 1 of')[0]!.replace(/\s+/g, ' ');
    expect(first).toContain(protocolLabels.en.provisional('open'));
    expect(first).toContain(protocolLabels.en.chainBroken(6, 'hash_mismatch'));
  });

  it('formats durations', () => {
    expect([duration(0), duration(59), duration(345), duration(3600), duration(3725), duration(null)]).toEqual([
      '0:00',
      '0:59',
      '5:45',
      '1:00:00',
      '1:02:05',
      '–',
    ]);
  });
  it.each(['de', 'en'] as const)('prints a vote by show of hands as counted by the chair, naming who entered the counts (%s)', async (lang) => {
    const L = protocolLabels[lang];
    const options = [
      { id: 'yes', label: 'Yes', meaning: 'yes' as const },
      { id: 'no', label: 'No', meaning: 'no' as const },
    ];
    const counts = [
      { optionId: 'yes', count: 21 },
      { optionId: 'no', count: 9 },
    ];
    const s = new RecordScript()
      .at('09:00:00', {
        kind: 'vote.opened',
        definition: {
          voteId: 'v-hands',
          agendaItemId: null,
          title: 'Überweisung an den Ausschuss',
          kind: 'show_of_hands',
          options,
          majority: 'simple',
          live: false,
          durationSeconds: null,
          autoCloseWhenAllVoted: false,
          statutoryMembers: 49,
        },
        eligible: [people.brandt, people.kuhn],
        closesAt: null,
        quorate: true,
      })
      .at(
        '09:01:00',
        {
          kind: 'vote.closed',
          voteId: 'v-hands',
          closedBy: 'counts_entered',
          result: {
            passed: true,
            reason: '21 yes > 9 no (simple majority)',
            reasonCode: 'majority_reached',
            counts,
            perFaction: [],
            eligible: 30,
            cast: 30,
            quorate: true,
          },
          enteredBy: people.sommer,
        },
        people.sommer.personId,
      );
    const text = pdfText(await protocolPdf(buildProtocol({ sitting, parliamentName, agenda, entries: s.entries() }), lang)).replace(/\s+/g, ' ');
    expect(text).toContain(L.voteKind.show_of_hands);
    expect(text).toContain(`(${L.closedBy.counts_entered} (Clara Sommer))`);
    expect(text).not.toContain(L.recountMismatch);
    expect(text).not.toContain(L.namedVotes);
    expect(text).not.toContain(L.pseudonymousVotes);
  });
});
