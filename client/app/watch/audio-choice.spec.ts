import { chooseAudioRendition, parseAudioPreference, renditionLabel, type AudioRendition } from './audio-choice';

describe('choosing the audio rendition', () => {
  // As the broadcast lists them: the floor first (the default), then one per interpretation.
  const renditions: AudioRendition[] = [
    { name: 'Original', lang: 'de', default: true },
    { name: 'English', lang: 'en', default: false },
    { name: 'Français', lang: 'fr-CH', default: false },
  ];

  it('plays the default (the floor) when nothing was picked before', () => {
    expect(chooseAudioRendition(renditions, null)).toBe(0);
    expect(
      chooseAudioRendition(
        [
          { ...renditions[1]!, default: false },
          { ...renditions[2]!, default: true },
        ],
        null,
      ),
    ).toBe(1);
    expect(chooseAudioRendition([{ ...renditions[1]!, default: false }], null)).toBe(0);
    expect(chooseAudioRendition([], null)).toBe(-1);
  });

  it('takes the rendition picked before: by name and language, else language, else primary language', () => {
    expect(chooseAudioRendition(renditions, { name: 'English', lang: 'en' })).toBe(1);
    expect(chooseAudioRendition(renditions, { name: 'Anglais', lang: 'EN' })).toBe(1);
    expect(chooseAudioRendition(renditions, { name: 'Französisch', lang: 'fr' })).toBe(2);
    expect(chooseAudioRendition(renditions, { name: 'Español', lang: 'es' })).toBe(0);
  });

  it('tells the floor from an interpretation into the same language by the name', () => {
    const both: AudioRendition[] = [
      { name: 'Original', lang: 'de', default: true },
      { name: 'Deutsch (Verdolmetschung)', lang: 'de', default: false },
    ];
    expect(chooseAudioRendition(both, { name: 'Deutsch (Verdolmetschung)', lang: 'de' })).toBe(1);
    expect(chooseAudioRendition(both, { name: 'Original', lang: 'de' })).toBe(0);
  });

  it('reads what was stored, and ignores what it cannot read', () => {
    expect(parseAudioPreference('{"name":"English","lang":"en"}')).toEqual({ name: 'English', lang: 'en' });
    expect(parseAudioPreference(null)).toBeNull();
    expect(parseAudioPreference('en')).toBeNull();
    expect(parseAudioPreference('{"lang":3}')).toBeNull();
  });

  it('lists a rendition by its name, or else by its language in the interface language', () => {
    expect(renditionLabel({ name: 'Français', lang: 'fr' }, 'de-DE')).toBe('Français');
    expect(renditionLabel({ name: '', lang: 'fr' }, 'de-DE')).toBe('Französisch');
    expect(renditionLabel({ name: ' ', lang: 'fr' }, 'en-GB')).toBe('French');
    expect(renditionLabel({ name: '', lang: '' }, 'en-GB')).toBe('—');
  });
});
