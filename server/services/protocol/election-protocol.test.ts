/**
 * The protocol of an election decided as the domain decides it: every round with its number,
 * candidates, counts, the votes needed, the outcome, the lot drawn, and what the rules allowed next.
 */
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text';
import { buildProtocol, type ProtocolVote } from '../../domain/protocol/protocol';
import { bundestag2025 } from '../../domain/rulebook/presets';
import { allMembers, Chamber, chair, draft, sittingContext } from '../../domain/procedure/spec-support';
import { protocolPdf } from './protocol-pdf';
import { protocolLabels } from './labels';
import { agenda, RecordScript, sitting } from '../../../fixtures/sample-record';

/** Three Bundestag rounds (§ 2(2) GO-BT): 25 votes needed twice, then the two with the most votes; a tie drawn by lot. */
function threeRounds(): Chamber {
  const c = new Chamber(sittingContext(bundestag2025)).open();
  const members = allMembers(c.sitting);
  const ballot = (voteId: string, plan: Record<string, number>) => {
    let next = 0;
    for (const [optionId, n] of Object.entries(plan)) {
      for (let i = 0; i < n; i += 1) c.run(members[next++]!, { kind: 'vote.cast', voteId, optionId, pseudonym: null });
    }
    c.run(chair, { kind: 'vote.close', voteId, by: 'chair' });
  };
  const nextRound = (voteId: string) => {
    const [e] = c.run(chair, { kind: 'vote.open_next_round', voteId });
    if (e?.kind !== 'vote.opened') throw new Error('no round opened');
    return e.definition.voteId;
  };
  const options = ['Anna Berg', 'Carl Dorn', 'Eva Falk'].map((label, i) => ({ id: `o${i + 1}`, label, meaning: 'yes' as const }));
  c.run(chair, { kind: 'vote.open', draft: draft({ title: 'Wahl des Präsidenten', options, election: { seats: 1 } }) });
  ballot('vote-1', { o1: 20, o2: 16, o3: 12 });
  const second = nextRound('vote-1');
  ballot(second, { o1: 22, o2: 18, o3: 8 });
  const third = nextRound(second);
  c.lots = [1];
  ballot(third, { o1: 23, o2: 23, no: 2 });
  return c;
}

const parliamentName = 'Landtag von Nordmark';

describe('the protocol of an election', () => {
  const protocol = buildProtocol({ sitting, parliamentName, agenda, entries: RecordScript.of(threeRounds().entries).entries() });
  const rounds = protocol.sections.flatMap((s) => s.proceedings).filter((p): p is ProtocolVote => p.kind === 'vote');

  it('keeps every round with its number, candidates, counts, bar, outcome and lot', () => {
    expect(rounds.map((r) => [r.election?.round, r.outcome, r.result?.election?.needed])).toEqual([
      [1, 'no_one_elected', 25],
      [2, 'no_one_elected', 25],
      [3, 'elected', 3],
    ]);
    expect(rounds[0]!.result?.counts.map((c) => [c.label, c.count])).toEqual([
      ['Anna Berg', 20],
      ['Carl Dorn', 16],
      ['Eva Falk', 12],
      ['No', 0],
      ['Abstain', 0],
    ]);
    expect(rounds[1]!.result?.election?.next).toMatchObject({ round: 3, candidates: ['o1', 'o2'] });
    expect(rounds[2]!.options.filter((o) => o.meaning === 'yes').map((o) => o.label)).toEqual(['Anna Berg', 'Carl Dorn']);
    expect(rounds[2]!.result).toMatchObject({ elected: ['o2'], election: { lot: { among: ['o1', 'o2'], drawn: ['o2'] }, next: null } });
  });

  it.each(['de', 'en'] as const)('prints every round in the PDF (%s)', async (lang) => {
    const L = protocolLabels[lang];
    const text = pdfText(await protocolPdf(protocol, lang)).replace(/\s+/g, ' ');
    for (const expected of [
      `${L.election.title}: Wahl des Präsidenten — ${L.election.round(1)}`,
      `${L.election.title}: Wahl des Präsidenten — ${L.election.round(3)}`,
      `${L.election.candidates}: Anna Berg, Carl Dorn, Eva Falk`,
      `${L.election.candidates}: Anna Berg, Carl Dorn`,
      L.election.needed(25),
      L.election.next(L.election.round(2), L.election.majority.members, 'Anna Berg, Carl Dorn, Eva Falk'),
      L.election.next(L.election.round(3), L.election.majority.most_votes, 'Anna Berg, Carl Dorn'),
      L.election.lot('Anna Berg, Carl Dorn', 'Carl Dorn'),
      `${L.outcome.elected}: Carl Dorn.`,
      `${L.outcome.no_one_elected}.`,
    ]) {
      expect(text).toContain(expected);
    }
  });
});
