import { describe, expect, it } from 'vitest';
import { buildRtp, parseRtp, timestampDelta, type RtpPacket } from './rtp-packet';
import { ProgramSlot, type SlotSource } from './program-slot';
import { OPUS_SILENCE, SilenceFiller, VideoLoopFiller } from './slot-fillers';
import { startsVp8KeyFrame } from './vp8-rtp';

/** A source that counts the key frames asked of it. */
function source(id: string): SlotSource & { requests: number } {
  const s = { id, requests: 0, requestKeyFrame: () => void s.requests++ };
  return s;
}

function audioSlot() {
  const sent: RtpPacket[] = [];
  const slot = new ProgramSlot({ name: 'floor0', kind: 'audio', payloadType: 111, clockRate: 48_000, ssrc: 7 }, new SilenceFiller(), (p) =>
    sent.push(parseRtp(p)!),
  );
  return { slot, sent };
}

/** A VP8 payload: descriptor with S set, then a payload header whose P bit says key (0) or delta (1). */
const vp8 = (key: boolean) => Buffer.of(0x10, key ? 0x00 : 0x01, 0x9d, 0x01, 0x2a);

function expectContinuous(sent: readonly RtpPacket[]): void {
  for (let i = 1; i < sent.length; i++) {
    expect((sent[i]!.sequenceNumber - sent[i - 1]!.sequenceNumber) & 0xffff).toBe(1);
    expect(timestampDelta(sent[i]!.timestamp, sent[i - 1]!.timestamp)).toBeGreaterThanOrEqual(0);
    expect(sent[i]!.ssrc).toBe(sent[0]!.ssrc);
  }
}

describe('ProgramSlot (audio)', () => {
  it('plays silence every 20 ms while it has no source, stamped on the wall clock', () => {
    const { slot, sent } = audioSlot();
    slot.open(1_000);
    for (let t = 1_010; t <= 1_200; t += 10) slot.tick(t);
    expect(sent).toHaveLength(11); // t = 1000 (at open), 1020, … 1200
    expect(sent.every((p) => p.payload.equals(OPUS_SILENCE) && p.payloadType === 111 && p.ssrc === 7)).toBe(true);
    expect(sent.slice(1).map((p, i) => timestampDelta(p.timestamp, sent[i]!.timestamp))).toEqual(Array(10).fill(960));
  });

  it('switches speakers at once and keeps sequence numbers and timestamps running on', () => {
    const { slot, sent } = audioSlot();
    const a = source('a');
    const b = source('b');
    slot.open(0);
    slot.setSource(a, 0);
    for (let i = 0; i < 5; i++)
      slot.push('a', buildRtp({ marker: false, payloadType: 100, sequenceNumber: 60_000 + i, timestamp: 5_000 + i * 960, ssrc: 1 }, Buffer.of(i)), 20 + i * 20);
    slot.setSource(b, 110);
    slot.push('a', buildRtp({ marker: false, payloadType: 100, sequenceNumber: 60_005, timestamp: 9_800, ssrc: 1 }, Buffer.of(9)), 120);
    for (let i = 0; i < 3; i++)
      slot.push(
        'b',
        buildRtp({ marker: false, payloadType: 100, sequenceNumber: 17 + i, timestamp: 4_000_000_000 + i * 960, ssrc: 2 }, Buffer.of(0xb0 + i)),
        130 + i * 20,
      );
    const payloads = sent.map((p) => p.payload[0]);
    expect(payloads).toEqual([0xf8, 0, 1, 2, 3, 4, 0xb0, 0xb1, 0xb2]); // silence at open, a, then b; a's late packet dropped
    expectContinuous(sent);
    // b starts where the wall clock is: 130 ms after open, 48 ticks a millisecond.
    expect(timestampDelta(sent[6]!.timestamp, sent[0]!.timestamp)).toBe(130 * 48);
  });

  it('drops audio that arrives in a burst rather than run ahead of the wall clock', () => {
    const { slot, sent } = audioSlot();
    slot.open(0);
    slot.setSource(source('a'), 0);
    // 500 ms of a microphone arrive at once (the event loop was held), then one packet every 20 ms.
    for (let i = 0; i < 25; i++)
      slot.push('a', buildRtp({ marker: false, payloadType: 100, sequenceNumber: 100 + i, timestamp: 9_600 + i * 960, ssrc: 1 }, Buffer.of(i)), 500);
    for (let i = 25; i < 50; i++)
      slot.push(
        'a',
        buildRtp({ marker: false, payloadType: 100, sequenceNumber: 100 + i, timestamp: 9_600 + i * 960, ssrc: 1 }, Buffer.of(i)),
        500 + (i - 24) * 20,
      );
    expectContinuous(sent);
    // Nothing sent is stamped more than 80 ms ahead of the moment it was sent, and the live audio goes on.
    const wallTicks = (t: number) => t * 48;
    const lastSent = sent.at(-1)!;
    expect(timestampDelta(lastSent.timestamp, sent[0]!.timestamp)).toBeLessThanOrEqual(wallTicks(500 + 25 * 20) + 80 * 48);
    expect(sent.filter((p) => p.payload[0]! >= 25).length).toBeGreaterThanOrEqual(20);
    for (const p of sent) expect(timestampDelta(p.timestamp, sent[0]!.timestamp)).toBeLessThanOrEqual(wallTicks(1_000) + 80 * 48);
  });

  it('fills a paused microphone with silence and re-stamps it when it speaks again', () => {
    const { slot, sent } = audioSlot();
    slot.open(0);
    slot.setSource(source('a'), 0);
    slot.push('a', buildRtp({ marker: false, payloadType: 100, sequenceNumber: 1, timestamp: 100, ssrc: 1 }, Buffer.of(1)), 20);
    for (let t = 30; t <= 300; t += 10) slot.tick(t);
    const silences = sent.filter((p) => p.payload.equals(OPUS_SILENCE)).length;
    expect(silences).toBeGreaterThanOrEqual(8); // from 120 ms (100 ms of silence) to 300 ms, plus the one at open
    slot.push('a', buildRtp({ marker: false, payloadType: 100, sequenceNumber: 2, timestamp: 1_000_000, ssrc: 1 }, Buffer.of(2)), 305);
    expectContinuous(sent);
    // The wall clock says 305 ms, but the silence sent at 300 ms lasts until 320: no overlap.
    expect(timestampDelta(sent.at(-1)!.timestamp, sent[0]!.timestamp)).toBe(320 * 48);
  });

  it('sends nothing while the gate is closed', () => {
    const { slot, sent } = audioSlot();
    slot.setSource(source('a'), 0);
    slot.push('a', buildRtp({ marker: false, payloadType: 100, sequenceNumber: 1, timestamp: 1, ssrc: 1 }, Buffer.of(1)), 0);
    slot.tick(500);
    expect(sent).toHaveLength(0);
  });
});

describe('ProgramSlot (video)', () => {
  function videoSlot() {
    const sent: RtpPacket[] = [];
    const slate = new VideoLoopFiller([Buffer.of(0x00, 0x55), Buffer.of(0x01, 0x66)], 3_600);
    const slot = new ProgramSlot({ name: 'program', kind: 'video', payloadType: 96, clockRate: 90_000, ssrc: 9 }, slate, (p) => sent.push(parseRtp(p)!));
    const switches: [string | null, number][] = [];
    slot.on('switched', (id, waited) => switches.push([id, waited]));
    return { slot, sent, switches };
  }
  const frame = (source: string, seq: number, ts: number, key: boolean) =>
    [source, buildRtp({ marker: true, payloadType: 101, sequenceNumber: seq, timestamp: ts, ssrc: 3 }, vp8(key))] as const;

  it("keeps the old picture until the new camera's key frame, then cuts to it", () => {
    const { slot, sent, switches } = videoSlot();
    const a = source('a');
    const b = source('b');
    slot.open(0);
    slot.setSource(a, 0);
    slot.push(...frame('a', 1, 0, true), 10);
    slot.push(...frame('a', 2, 3_600, false), 50);
    slot.setSource(b, 60);
    expect(b.requests).toBe(1);
    slot.push(...frame('b', 500, 77, false), 70); // b's delta frame: not decodable, dropped
    slot.push(...frame('a', 3, 7_200, false), 90); // a still on air
    slot.push(...frame('b', 501, 3_677, true), 110); // b's key frame: the cut
    slot.push(...frame('b', 502, 7_277, false), 150);
    slot.push(...frame('a', 4, 10_800, false), 130); // a is off the program now
    expect(sent.map((p) => p.payload[1])).toEqual([0x00, 0x00, 0x01, 0x01, 0x00, 0x01]); // slate key, a key, a, a, b key, b
    expect(switches).toEqual([
      ['a', 10],
      ['b', 50],
    ]);
    expectContinuous(sent);
    expect(slot.sourceIds).toEqual(['b']);
  });

  it('goes to the slate when the new camera sends no key frame within a second, asking again meanwhile', () => {
    const { slot, sent, switches } = videoSlot();
    const b = source('b');
    slot.open(0);
    slot.setSource(source('a'), 0);
    slot.push(...frame('a', 1, 0, true), 10);
    slot.setSource(b, 20);
    for (let t = 30, seq = 2; t <= 1_100; t += 10, seq++) {
      slot.push(...frame('a', seq, t * 90, false), t);
      slot.tick(t);
    }
    expect(b.requests).toBeGreaterThanOrEqual(4); // at 20 ms, then every 300 ms
    expect(switches).toEqual([['a', 10]]); // never b
    // Slate frames carry 0x55 (its key frame) or 0x66 after the one-byte VP8 descriptor and the frame's first byte.
    const slateAfterTimeout = sent.filter((p) => p.timestamp !== sent[0]!.timestamp && (p.payload[2] === 0x55 || p.payload[2] === 0x66));
    expect(slateAfterTimeout.length).toBeGreaterThan(0);
    expect(slateAfterTimeout[0]!.payload[2]).toBe(0x55); // the slate restarts at its key frame
    expectContinuous(sent);
  });
});

describe('startsVp8KeyFrame', () => {
  it('reads past the extended descriptor (15-bit picture id, TL0PICIDX, TID) to the P bit', () => {
    // X | S, then I L T, a 15-bit picture id, TL0PICIDX, TID/KEYIDX, then the payload header.
    expect(startsVp8KeyFrame(Buffer.of(0x90, 0xe0, 0x80, 0x01, 0x05, 0x20, 0x10, 0x02))).toBe(true);
    expect(startsVp8KeyFrame(Buffer.of(0x90, 0xe0, 0x80, 0x01, 0x05, 0x20, 0x11, 0x02))).toBe(false);
    expect(startsVp8KeyFrame(Buffer.of(0x00, 0x10))).toBe(false); // not the start of a frame
  });
});
