import { describe, expect, it } from 'vitest';
import { Chamber, allMembers, chair, draft, sittingContext } from '../domain/procedure/spec-support';
import { CARD_WORDS, programDirection, VOTE_CARD_MS } from './program-direction';

const de = CARD_WORDS.de;

describe('the program read off the procedure', () => {
  it('shows the presiding chair while nobody holds the floor, then the speaker with name and faction', () => {
    const c = new Chamber(sittingContext());
    // The president is absent: the first present of the chair's team presides.
    c.open(allMembers(c.sitting).filter((id) => id !== chair));
    c.run(chair, { kind: 'agenda.call', agendaItemId: 'item-2' });
    const present = Object.keys(c.state.present);
    expect(programDirection(c.state, [chair, present[0]!], c.now, de)).toEqual({
      speakerPeerId: null,
      chairPeerId: present[0],
      lowerThird: null,
      voteCard: null,
      until: null,
    });
    c.request('j.brandt');
    c.run(chair, { kind: 'floor.next' });
    const p = programDirection(c.state, [chair], c.now, de);
    expect(p.speakerPeerId).toBe('j.brandt');
    expect(p.lowerThird).toEqual({ name: c.state.floor!.person.name, faction: c.state.floor!.person.factionShortName });
    c.run(chair, { kind: 'sitting.suspend', reason: null, breakMinutes: 10 });
    expect(programDirection(c.state, [chair], c.now, de).speakerPeerId).toBeNull();
  });

  it("puts a closed vote's result on a card for a while", () => {
    const c = new Chamber(sittingContext()).open();
    c.run(chair, { kind: 'vote.open', draft: draft({ title: 'Haushaltsgesetz 2027' }) });
    const voteId = c.state.openVoteId!;
    const yes = c.state.votes[voteId]!.definition.options[0]!;
    c.run('j.brandt', { kind: 'vote.cast', voteId, optionId: yes.id, pseudonym: null });
    c.run(chair, { kind: 'vote.close', voteId, by: 'chair' });
    const p = programDirection(c.state, [chair], c.now, de);
    const lines = p.voteCard!.split('\n');
    expect(lines[0]).toBe('Haushaltsgesetz 2027');
    expect(lines[1]).toContain(`${yes.label} 1`);
    expect(lines[2]).toMatch(/^(Angenommen|Abgelehnt) \(1 von \d+ Stimmen abgegeben\)$/);
    expect(p.until).toEqual(new Date(c.now.getTime() + VOTE_CARD_MS));
    c.advance(VOTE_CARD_MS / 1000);
    expect(programDirection(c.state, [chair], c.now, de)).toMatchObject({ voteCard: null, until: null });
  });
});
