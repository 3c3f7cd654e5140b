import { AudioMix } from './audio-mix';

describe('AudioMix', () => {
  let contexts: AudioContext[];
  let gains: GainNode[];
  let mix: AudioMix;
  let source: AudioContext;

  beforeEach(() => {
    contexts = [];
    gains = [];
    source = new AudioContext();
    mix = new AudioMix(() => {
      const context = new AudioContext();
      const createGain = context.createGain.bind(context);
      spyOn(context, 'createGain').and.callFake(() => {
        const gain = createGain();
        gains.push(gain);
        return gain;
      });
      contexts.push(context);
      return context;
    });
  });

  afterEach(() => {
    mix.close();
    void source.close();
  });

  const track = () => source.createMediaStreamDestination().stream.getAudioTracks()[0]!;

  it('plays each received track through its own gain, at the volume given', () => {
    const floor = track();
    const english = track();
    mix.sync([
      { id: 'c-floor', track: floor, gain: 0.2 },
      { id: 'c-en', track: english, gain: 1 },
    ]);
    expect(contexts).toHaveSize(1);
    expect(gains.map((gain) => gain.gain.value)).toEqual([jasmine.any(Number), 1]);
    expect(gains[0]!.gain.value).toBeCloseTo(0.2, 5);
    expect(mix.size).toBe(2);
  });

  it('drops tracks no longer given, and makes no context while there is nothing to play', () => {
    mix.sync([]);
    expect(contexts).toHaveSize(0);
    mix.sync([{ id: 'c-floor', track: track(), gain: 1 }]);
    mix.sync([]);
    expect(mix.size).toBe(0);
  });
});
