import { heldWords, mediaText } from './media-text';

describe('heldWords', () => {
  it('says in words why one’s microphone is held', () => {
    const en = mediaText.en;
    expect(heldWords('no_floor', en)).toBe('You do not have the floor.');
    expect(heldWords('muted_all', en)).toBe('The chair muted all microphones.');
    expect(heldWords('self_muted', en)).toBe('You muted yourself.');
    expect(heldWords('not_on_air', en)).toBe('You are not on air.');
    expect(heldWords(null, en)).toBeNull();
  });

  it('says it in German too', () => {
    expect(heldWords('no_floor', mediaText.de)).toBe('Sie haben nicht das Wort.');
    expect(heldWords('muted_all', mediaText.de)).toBe('Der Vorsitz hat alle Mikrofone stummgeschaltet.');
  });
});
