import { captureSources, ownMedia, type MediaWho } from './own-media';

describe('ownMedia', () => {
  const member: MediaWho = { roles: ['MEMBER'], booth: null };
  const englishInterpreter: MediaWho = { roles: ['INTERPRETER'], booth: { language: 'en', kind: 'SPOKEN' } };
  const signInterpreter: MediaWho = { roles: ['INTERPRETER'], booth: { language: 'de-DGS', kind: 'SIGN' } };

  it('has members, the chair and podium guests publish microphone and camera on the floor', () => {
    for (const who of [member, { roles: ['CHAIR', 'MEMBER'], booth: null }, { roles: ['PODIUM_GUEST'], booth: null }] as MediaWho[]) {
      expect(ownMedia(who, [])).toEqual([
        { key: 'microphone', source: 'microphone', channel: { kind: 'floor' } },
        { key: 'camera', source: 'camera', channel: { kind: 'floor' } },
      ]);
    }
  });

  it('has a spoken-language interpreter publish the microphone into their language, a sign interpreter the camera into sign', () => {
    expect(ownMedia(englishInterpreter, [{ channel: 'floor', gain: 1 }])).toEqual([
      { key: 'microphone', source: 'microphone', channel: { kind: 'interpretation', language: 'en' } },
    ]);
    expect(ownMedia(signInterpreter, [])).toEqual([{ key: 'camera', source: 'camera', channel: { kind: 'sign' } }]);
  });

  it('adds a second microphone into the subroom the plan puts one in', () => {
    const plan = [
      { channel: 'floor', gain: 0.15 },
      { channel: 'subroom:room-7', gain: 1 },
    ] as const;
    expect(ownMedia(member, plan).at(-1)).toEqual({ key: 'subroom', source: 'microphone', channel: { kind: 'subroom', subroomId: 'room-7' } });
  });

  it('captures nothing for those who only listen', () => {
    expect(captureSources({ roles: ['CLERK'], booth: null })).toEqual([]);
    expect(captureSources(englishInterpreter)).toEqual(['microphone']);
    expect(captureSources(member)).toEqual(['microphone', 'camera']);
  });
});
