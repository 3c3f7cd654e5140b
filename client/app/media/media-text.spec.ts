import { heldWords, mediaText, statusWords } from './media-text';

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

describe('channel names', () => {
  const language = (code: string) => `lang-${code}`;

  it('names each channel by its key (contract/media-channels.ts)', () => {
    expect(mediaText.en.channel('floor', language)).toBe('Floor');
    expect(mediaText.en.channel('sign', language)).toBe('Sign language');
    expect(mediaText.en.channel('interpretation:fr', language)).toBe('lang-fr');
    expect(mediaText.en.channel('subroom:room-7', language)).toBe('Subroom');
    expect(mediaText.de.channel('floor', language)).toBe('Saal');
    expect(mediaText.de.channel('subroom:room-7', language)).toBe('Beratungsraum');
  });

  it('does not throw on a key that names no channel', () => {
    expect(mediaText.en.channel('interpretation:', language)).toBe('Subroom');
    expect(mediaText.en.channel('video:1', language)).toBe('Subroom');
  });
});

describe('statusWords', () => {
  it('says "connected" only to those counted present, or not counted at all', () => {
    const en = mediaText.en;
    expect(statusWords('joined', true, en)).toBe('Connected to the chamber’s audio and video.');
    expect(statusWords('joined', null, en)).toBe('Connected to the chamber’s audio and video.');
    expect(statusWords('joined', false, en)).toMatch(/not joined the sitting yet/);
    expect(statusWords('joined', false, mediaText.de)).toMatch(/noch nicht beigetreten/);
  });

  it('says every other state as it is, present or not', () => {
    for (const present of [true, false, null]) {
      expect(statusWords('connecting', present, mediaText.en)).toBe('Connecting to the chamber’s audio and video…');
      expect(statusWords('retrying', present, mediaText.en)).toBe('The connection dropped. Reconnecting…');
    }
  });
});
