import { maxNetworkRetries, recoveryStep, type RecoveryMemory } from './playback-recovery';

describe('recovering the playback', () => {
  const fresh: RecoveryMemory = { started: false, networkRetries: 0, lastMediaRecovery: null };
  const playing: RecoveryMemory = { ...fresh, started: true };
  const fatal = (type: string, details = 'x') => ({ fatal: true, type, details });

  it('leaves errors that are not fatal to hls.js', () => {
    expect(recoveryStep({ fatal: false, type: 'networkError', details: 'fragLoadError' }, playing, 0)).toBe('ignore');
  });

  it('takes a network error before anything played for a broadcast that has not started', () => {
    expect(recoveryStep(fatal('networkError', 'manifestLoadError'), fresh, 0)).toBe('not-started');
    expect(recoveryStep(fatal('networkError', 'levelLoadError'), fresh, 0)).toBe('not-started');
  });

  it('loads again after a network error during the broadcast, and starts over when that keeps failing', () => {
    expect(recoveryStep(fatal('networkError', 'fragLoadError'), playing, 0)).toBe('reload');
    expect(recoveryStep(fatal('networkError'), { ...playing, networkRetries: maxNetworkRetries - 1 }, 0)).toBe('reload');
    expect(recoveryStep(fatal('networkError'), { ...playing, networkRetries: maxNetworkRetries }, 0)).toBe('restart');
  });

  it('recovers a media error, swapping the audio codec when it comes back within seconds', () => {
    expect(recoveryStep(fatal('mediaError', 'bufferAppendError'), playing, 10_000)).toBe('recover-media');
    expect(recoveryStep(fatal('mediaError'), { ...playing, lastMediaRecovery: 9_000 }, 10_000)).toBe('swap-and-recover');
    expect(recoveryStep(fatal('mediaError'), { ...playing, lastMediaRecovery: 2_000 }, 10_000)).toBe('recover-media');
  });

  it('starts over after anything else', () => {
    expect(recoveryStep(fatal('muxError'), playing, 0)).toBe('restart');
    expect(recoveryStep(fatal('otherError'), fresh, 0)).toBe('restart');
  });
});
