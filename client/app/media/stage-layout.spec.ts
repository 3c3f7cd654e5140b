import { ownFloorPicture, stageLayout, videoWants, type VideoFeed } from './stage-layout';

describe('stageLayout and videoWants', () => {
  const video = (peerId: string, change: Partial<VideoFeed> = {}): VideoFeed => ({
    consumerId: `c-${peerId}`,
    peerId,
    channel: 'floor',
    source: 'camera',
    producerPaused: false,
    ...change,
  });
  const base = { floorSpeakers: [] as string[], activeSpeaker: null, pinned: null, thumbnailLimit: 2 };

  it('puts the floor speaker large, high layer, and the others as low-layer thumbnails', () => {
    const stage = stageLayout({ ...base, videos: [video('chair'), video('speaker'), video('guest')], floorSpeakers: ['speaker'], activeSpeaker: 'chair' });
    expect(stage.main?.peerId).toBe('speaker');
    expect(stage.thumbnails.map((v) => v.peerId)).toEqual(['chair', 'guest']);
    expect([...videoWants(stage)]).toEqual([
      ['c-speaker', { paused: false, spatialLayer: 2 }],
      ['c-chair', { paused: false, spatialLayer: 0 }],
      ['c-guest', { paused: false, spatialLayer: 0 }],
    ]);
  });

  it('falls back to the active speaker, and a pinned person goes before both', () => {
    const videos = [video('chair'), video('guest')];
    expect(stageLayout({ ...base, videos, activeSpeaker: 'guest' }).main?.peerId).toBe('guest');
    expect(stageLayout({ ...base, videos, floorSpeakers: ['chair'], pinned: 'guest' }).main?.peerId).toBe('guest');
    expect(stageLayout({ ...base, videos }).main).toBeNull();
  });

  it('pauses tiles beyond the thumbnails shown, and leaves videos whose sender is paused alone', () => {
    const stage = stageLayout({ ...base, videos: [video('a'), video('b'), video('c'), video('held', { producerPaused: true })] });
    expect(stage.hidden.map((v) => v.peerId)).toEqual(['c']);
    const wants = videoWants(stage);
    expect(wants.get('c-c')).toEqual({ paused: true });
    expect(wants.has('c-held')).toBeFalse();
  });

  it('places the sign-language interpreter beside the floor at the high layer', () => {
    const stage = stageLayout({ ...base, videos: [video('speaker'), video('dgs', { channel: 'sign' })], floorSpeakers: ['speaker'] });
    expect(stage.sign?.peerId).toBe('dgs');
    expect(videoWants(stage).get('c-dgs')).toEqual({ paused: false, spatialLayer: 2 });
  });
});

describe('ownFloorPicture', () => {
  const camera = { id: 'my-camera' };

  it('shows the speaker their own camera while they hold the floor', () => {
    expect(ownFloorPicture('j.brandt', ['j.brandt', 'a.keller'], camera, false)).toBe(camera);
  });

  it('shows nothing of one’s own when someone else holds the floor, the camera is off or not open, or one is nobody', () => {
    expect(ownFloorPicture('j.brandt', ['l.vogel', 'j.brandt'], camera, false)).toBeNull();
    expect(ownFloorPicture('j.brandt', [], camera, false)).toBeNull();
    expect(ownFloorPicture('j.brandt', ['j.brandt'], camera, true)).toBeNull();
    expect(ownFloorPicture('j.brandt', ['j.brandt'], null, false)).toBeNull();
    expect(ownFloorPicture(null, ['j.brandt'], camera, false)).toBeNull();
  });
});
