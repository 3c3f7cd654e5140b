import { describe, expect, it } from 'vitest';
import { planProgram, type ProducerView } from './program-plan';

const shape = { floorSlots: 3, languages: ['en', 'fr'] };
const p = (id: string, peerId: string, kind: 'audio' | 'video', channel: string, extra: Partial<ProducerView> = {}): ProducerView => ({
  id,
  peerId,
  kind,
  channel,
  source: kind === 'video' ? 'camera' : 'microphone',
  paused: false,
  ...extra,
});

const producers: ProducerView[] = [
  p('chair-cam', 'chair', 'video', 'floor'),
  p('chair-mic', 'chair', 'audio', 'floor'),
  p('m1-cam', 'm1', 'video', 'floor'),
  p('m1-mic', 'm1', 'audio', 'floor'),
  p('m2-mic', 'm2', 'audio', 'floor', { paused: true }),
  p('hall-cam', 'desk', 'video', 'floor', { source: 'hall' }),
  p('en-a-mic', 'en-a', 'audio', 'interpretation:en', { paused: true }),
  p('en-b-mic', 'en-b', 'audio', 'interpretation:en'),
  p('sign-cam', 'sign-a', 'video', 'sign'),
  p('sub-mic', 'm3', 'audio', 'subroom:f1'),
];

describe('planProgram', () => {
  it('shows whoever holds the floor, and the chair when nobody does', () => {
    expect(planProgram(producers, { speakerPeerId: 'm1', chairPeerId: 'chair' }, shape).video).toBe('m1-cam');
    expect(planProgram(producers, { speakerPeerId: null, chairPeerId: 'chair' }, shape).video).toBe('chair-cam');
  });

  it('falls back to the hall camera, then the slate, for a speaker without a camera', () => {
    expect(planProgram(producers, { speakerPeerId: 'm2', chairPeerId: 'chair' }, shape).video).toBe('hall-cam');
    const noHall = producers.filter((x) => x.id !== 'hall-cam');
    expect(planProgram(noHall, { speakerPeerId: 'm2', chairPeerId: 'chair' }, shape).video).toBeNull();
  });

  it('takes a shared screen when the speaker has no camera', () => {
    const screen = [...producers.filter((x) => x.id !== 'm1-cam'), p('m1-screen', 'm1', 'video', 'floor', { source: 'screen' })];
    expect(planProgram(screen, { speakerPeerId: 'm1', chairPeerId: 'chair' }, shape).video).toBe('m1-screen');
  });

  it('mixes the live floor microphones, speaker first, and keeps each in its slot as others come and go', () => {
    const first = planProgram(producers, { speakerPeerId: 'm1', chairPeerId: 'chair' }, shape);
    expect(first.floor).toEqual(['m1-mic', 'chair-mic', null]); // m2 is held: not on air
    const withM2 = producers.map((x) => (x.id === 'm2-mic' ? { ...x, paused: false } : x));
    const second = planProgram(withM2, { speakerPeerId: 'm2', chairPeerId: 'chair' }, shape, first);
    expect(second.floor).toEqual(['m1-mic', 'chair-mic', 'm2-mic']);
    const m1Done = withM2.map((x) => (x.id === 'm1-mic' ? { ...x, paused: true } : x));
    expect(planProgram(m1Done, { speakerPeerId: 'm2', chairPeerId: 'chair' }, shape, second).floor).toEqual([null, 'chair-mic', 'm2-mic']);
  });

  it("puts each booth's live interpreter on its language and the sign interpreter in the inset; subrooms never", () => {
    const plan = planProgram(producers, { speakerPeerId: 'm1', chairPeerId: 'chair' }, shape);
    expect([...plan.interpretations]).toEqual([
      ['en', 'en-b-mic'],
      ['fr', null],
    ]);
    expect(plan.sign).toBe('sign-cam');
    expect(JSON.stringify(plan)).not.toContain('sub-mic');
  });
});
