import { demoPerson, demoProcedure, demoRequest } from '../../testing/demo-procedure';
import { insertPrefix, speakerPrefixes, withRecent } from './speaker-prefixes';

describe('speaker prefixes', () => {
  const brandt = demoPerson('j.brandt');
  const vogel = demoPerson('l.vogel');
  const keller = demoPerson('a.keller');

  it('puts the speaker on the floor first, the presiding chair second, then the list and the recent speakers, each once', () => {
    const procedure = demoProcedure({
      presiding: keller,
      floor: {
        id: 'f1',
        requestId: null,
        person: brandt,
        kind: 'SPEECH',
        answer: false,
        startedAt: '2026-12-03T09:29:00.000Z',
        limitSeconds: null,
        elapsedSeconds: 60,
        overrunSeconds: 0,
        interjection: null,
        pendingInterjections: [],
        clockStopped: false,
        warningSeconds: null,
        graceEndsAt: null,
        talkingStick: false,
      },
      speakerList: { agendaItemId: 'sitting-42-item-2', closed: false, requests: [demoRequest('r1', 'l.vogel', '2026-12-03T09:29:30.000Z')] },
    });
    const prefixes = speakerPrefixes(procedure, [brandt, keller, vogel]);
    expect(prefixes.map((p) => [p.key, p.role, p.person.id])).toEqual([
      [1, 'speaker', brandt.id],
      [2, 'chair', keller.id],
      [3, 'next', vogel.id],
    ]);
    expect(prefixes[0]!.prefix).toBe(`${brandt.name}: `);
  });

  it('offers nothing without a procedure', () => {
    expect(speakerPrefixes(null, [])).toEqual([]);
  });

  it('keeps the recent speakers newest first, each once', () => {
    expect(withRecent([brandt, vogel], vogel).map((p) => p.id)).toEqual([vogel.id, brandt.id]);
    expect(withRecent([brandt], null).map((p) => p.id)).toEqual([brandt.id]);
  });

  it('inserts a prefix at the caret, set off from text before it', () => {
    expect(insertPrefix('', 0, 0, 'Jonas Brandt: ')).toEqual({ text: 'Jonas Brandt: ', caret: 14 });
    expect(insertPrefix('Gut.', 4, 4, 'Anna Keller: ')).toEqual({ text: 'Gut. Anna Keller: ', caret: 18 });
    expect(insertPrefix('a b', 1, 2, 'X: ')).toEqual({ text: 'a X: b', caret: 5 });
  });
});
