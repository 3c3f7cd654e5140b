/**
 * What a program slot sends when it has no live source, so FFmpeg's inputs never stall (amix
 * and overlay wait for every input): Opus silence for audio, a looped pre-encoded VP8 slate
 * for video.
 */
import { packetizeVp8, type Vp8Packet } from './vp8-rtp';

export interface Filler {
  /** RTP clock ticks from one frame to the next. */
  readonly frameTicks: number;
  /** The RTP payloads of the next frame. */
  next(): readonly Vp8Packet[];
  /** Starts again from a frame that decodes on its own (video: the loop's key frame). */
  restart(): void;
}

/**
 * One 20 ms Opus frame of silence: TOC 0xf8 (CELT, fullband, 20 ms, mono, one frame) and a
 * frame that decodes to digital silence. FFmpeg's Opus decoder upmixes it to the SDP's channels.
 */
export const OPUS_SILENCE = Buffer.of(0xf8, 0xff, 0xfe);

export class SilenceFiller implements Filler {
  readonly frameTicks = 960; // 20 ms at 48 kHz
  private readonly frame: readonly Vp8Packet[] = [{ payload: OPUS_SILENCE, last: true }];
  next(): readonly Vp8Packet[] {
    return this.frame;
  }
  restart(): void {}
}

/** A loop of VP8 frames whose first frame is a key frame; restart() goes back to it. */
export class VideoLoopFiller implements Filler {
  private readonly packets: readonly (readonly Vp8Packet[])[];
  private index = 0;

  constructor(
    frames: readonly Buffer[],
    readonly frameTicks: number,
  ) {
    if (frames.length === 0) throw new Error('VideoLoopFiller: no frames');
    this.packets = frames.map((frame) => packetizeVp8(frame));
  }

  next(): readonly Vp8Packet[] {
    const frame = this.packets[this.index]!;
    this.index = (this.index + 1) % this.packets.length;
    return frame;
  }

  restart(): void {
    this.index = 0;
  }
}
