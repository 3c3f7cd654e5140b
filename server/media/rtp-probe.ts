// Real RTP over loopback UDP for tests and the fan-out benchmark: a sender that plays a hall
// feed into a plain transport, and a receiver that counts what a consumer forwards to it.
import dgram from 'node:dgram';
import type { types } from 'mediasoup';

/** Opus at mediasoup's router payload type, one fixed SSRC: what a hall feed announces. */
export function opusParameters(ssrc: number): types.RtpParameters {
  return {
    codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }],
    encodings: [{ ssrc }],
  };
}

/** A 12-byte RTP header and a 20-byte dummy payload (mediasoup forwards without decoding). */
export function rtpPacket(ssrc: number, seq: number, payloadType = 100): Buffer {
  const packet = Buffer.alloc(32, 0xab);
  packet[0] = 0x80; // version 2, no padding, no extension, no CSRC
  packet[1] = payloadType & 0x7f;
  packet.writeUInt16BE(seq & 0xffff, 2);
  packet.writeUInt32BE((seq * 960) >>> 0, 4); // 20 ms of 48 kHz audio per packet
  packet.writeUInt32BE(ssrc >>> 0, 8);
  return packet;
}

export class RtpSender {
  private seq = 0;
  private readonly socket = dgram.createSocket('udp4');

  constructor(
    private readonly ssrc: number,
    private readonly to: { ip: string; port: number },
  ) {}

  /** Sends `count` packets, paced 1 ms apart so loopback buffers never drop any. */
  async send(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      await this.sendOne();
      await new Promise((r) => setTimeout(r, 1));
    }
  }

  /** Sends the next packet of the stream. */
  sendOne(): Promise<void> {
    return new Promise<void>((resolve, reject) =>
      this.socket.send(rtpPacket(this.ssrc, this.seq++), this.to.port, this.to.ip, (e) => (e ? reject(e) : resolve())),
    );
  }

  close(): void {
    this.socket.close();
  }
}

export class RtpReceiver {
  /** RTP packets (not RTCP) received, by SSRC. */
  readonly packets = new Map<number, number>();
  private constructor(private readonly socket: dgram.Socket) {
    socket.on('message', (msg) => {
      // RTCP packet types are 192..223 in the second byte; everything else here is RTP.
      const pt = msg[1] ?? 0;
      if (msg.length < 12 || (pt >= 192 && pt <= 223)) return;
      const ssrc = msg.readUInt32BE(8);
      this.packets.set(ssrc, (this.packets.get(ssrc) ?? 0) + 1);
    });
  }

  static async open(): Promise<RtpReceiver> {
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new RtpReceiver(socket);
  }

  get address(): { ip: string; port: number } {
    return { ip: '127.0.0.1', port: this.socket.address().port };
  }

  get total(): number {
    let n = 0;
    for (const c of this.packets.values()) n += c;
    return n;
  }

  /** Resolves once `count` packets arrived, or with what arrived after `ms`. */
  async waitFor(count: number, ms = 2000): Promise<number> {
    const until = Date.now() + ms;
    while (this.total < count && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    return this.total;
  }

  close(): void {
    this.socket.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Video, RTCP and loss accounting, for the chamber benchmark (bench/chamber.ts).

/** The router's VP8 payload type (codecs.ts). */
export const VP8_PAYLOAD_TYPE = 101;

/**
 * VP8 simulcast as a browser announces it: one SSRC per spatial layer, lowest first, with NACK,
 * PLI and FIR so mediasoup asks the sender for key frames when a consumer starts or switches.
 */
export function vp8SimulcastParameters(ssrcs: readonly number[], payloadType = VP8_PAYLOAD_TYPE): types.RtpParameters {
  return {
    codecs: [
      {
        mimeType: 'video/VP8',
        payloadType,
        clockRate: 90000,
        rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
      },
    ],
    encodings: ssrcs.map((ssrc) => ({ ssrc })),
  };
}

/**
 * What a plain RTP receiver can take: the router's capabilities without congestion control
 * (transport-cc, REMB and their header extensions). A receiver that sends no such feedback must
 * not announce it, else mediasoup's bandwidth estimate, never fed, would pick simulcast layers.
 */
export function plainRtpCapabilities(caps: types.RtpCapabilities): types.RtpCapabilities {
  const congestion = new Set(['transport-cc', 'goog-remb']);
  return {
    codecs: (caps.codecs ?? []).map((c) => ({ ...c, rtcpFeedback: (c.rtcpFeedback ?? []).filter((fb) => !congestion.has(fb.type)) })),
    headerExtensions: (caps.headerExtensions ?? []).filter((h) => !/transport-wide-cc|abs-send-time/.test(h.uri)),
  };
}

/** The frames of an IVF file (what `ffmpeg -c:v libvpx -f ivf` writes), in order. */
export function ivfFrames(file: Buffer): Buffer[] {
  if (file.length < 32 || file.toString('latin1', 0, 4) !== 'DKIF') throw new Error('not an IVF file');
  const frames: Buffer[] = [];
  for (let at = file.readUInt16LE(6); at + 12 <= file.length;) {
    const size = file.readUInt32LE(at);
    if (at + 12 + size > file.length) break; // a truncated last frame
    frames.push(file.subarray(at + 12, at + 12 + size));
    at += 12 + size;
  }
  return frames;
}

/** Whether a VP8 frame (its first byte: the frame tag) is a key frame. */
export function vp8IsKeyFrame(frame: Buffer): boolean {
  return frame.length > 0 && (frame[0]! & 0x01) === 0;
}

export interface Vp8PacketOptions {
  readonly ssrc: number;
  /** Sequence number of the first packet; the next ones follow. */
  readonly seq: number;
  readonly timestamp: number;
  /** 15-bit picture id, one per frame. */
  readonly pictureId: number;
  /** 8-bit TL0PICIDX, one per base-layer frame. */
  readonly tl0PicIdx: number;
  readonly payloadType?: number;
  /** Largest datagram, header included. */
  readonly mtu?: number;
}

/**
 * One VP8 frame as RTP packets (RFC 7741) as a browser sends them: the payload descriptor has a
 * 15-bit PictureID, TL0PICIDX and the temporal layer (0), S on the first packet, the marker bit
 * on the last one. mediasoup reads key frames and picture ids from exactly these fields.
 */
export function vp8RtpPackets(frame: Buffer, o: Vp8PacketOptions): Buffer[] {
  const header = 12;
  const descriptor = 6;
  const room = (o.mtu ?? 1200) - header - descriptor;
  const count = Math.max(1, Math.ceil(frame.length / room));
  const packets: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const chunk = frame.subarray(i * room, (i + 1) * room);
    const p = Buffer.allocUnsafe(header + descriptor + chunk.length);
    p[0] = 0x80;
    p[1] = ((i === count - 1 ? 0x80 : 0) | ((o.payloadType ?? VP8_PAYLOAD_TYPE) & 0x7f)) >>> 0;
    p.writeUInt16BE((o.seq + i) & 0xffff, 2);
    p.writeUInt32BE(o.timestamp >>> 0, 4);
    p.writeUInt32BE(o.ssrc >>> 0, 8);
    p[12] = 0x80 | (i === 0 ? 0x10 : 0); // X, S, partition 0
    p[13] = 0xe0; // I, L, T
    p[14] = 0x80 | ((o.pictureId >> 8) & 0x7f); // M: 15-bit picture id
    p[15] = o.pictureId & 0xff;
    p[16] = o.tl0PicIdx & 0xff;
    p[17] = 0x20; // TID 0, Y
    chunk.copy(p, header + descriptor);
    packets.push(p);
  }
  return packets;
}

/** An RTCP sender report without report blocks; `ntpMs` is wall-clock milliseconds since 1970. */
export function senderReport(ssrc: number, ntpMs: number, rtpTimestamp: number, packetCount: number, octetCount: number): Buffer {
  const p = Buffer.alloc(28);
  p[0] = 0x80;
  p[1] = 200;
  p.writeUInt16BE(6, 2); // length in 32-bit words minus one
  p.writeUInt32BE(ssrc >>> 0, 4);
  const seconds = Math.floor(ntpMs / 1000);
  p.writeUInt32BE((seconds + 2_208_988_800) >>> 0, 8); // NTP epoch is 1900
  p.writeUInt32BE(Math.floor(((ntpMs - seconds * 1000) / 1000) * 2 ** 32) >>> 0, 12);
  p.writeUInt32BE(rtpTimestamp >>> 0, 16);
  p.writeUInt32BE(packetCount >>> 0, 20);
  p.writeUInt32BE(octetCount >>> 0, 24);
  return p;
}

/** Whether a datagram on an rtcp-mux port is RTCP (RFC 5761: second byte 192..223). */
export function isRtcp(datagram: Buffer): boolean {
  const pt = datagram[1] ?? 0;
  return pt >= 192 && pt <= 223;
}

/** The media SSRCs an RTCP compound packet asks key frames of (PLI, FIR). */
export function keyFrameRequests(compound: Buffer): number[] {
  const ssrcs: number[] = [];
  for (let at = 0; at + 4 <= compound.length;) {
    const fmt = compound[at]! & 0x1f;
    const pt = compound[at + 1]!;
    const end = at + (compound.readUInt16BE(at + 2) + 1) * 4;
    if (end > compound.length) break;
    if (pt === 206 && fmt === 1 && at + 12 <= end) ssrcs.push(compound.readUInt32BE(at + 8)); // PLI
    if (pt === 206 && fmt === 4) for (let f = at + 12; f + 8 <= end; f += 8) ssrcs.push(compound.readUInt32BE(f)); // FIR entries
    at = end;
  }
  return ssrcs;
}

/**
 * One received RTP stream's packets and the sequence numbers it skipped, wrap-aware. Counting
 * starts at the first packet pushed; packets lost after the last one received are not seen.
 */
export class SequenceCounter {
  received = 0;
  private first = -1;
  private highest = -1;

  push(seq: number): void {
    this.received++;
    if (this.first < 0) {
      this.first = this.highest = seq;
      return;
    }
    // Extend the 16-bit number to the one nearest the highest seen so far.
    const base = this.highest - (this.highest & 0xffff);
    let ext = base + seq;
    if (ext < this.highest - 0x8000) ext += 0x10000;
    else if (ext > this.highest + 0x8000) ext -= 0x10000;
    if (ext > this.highest) this.highest = ext;
  }

  /** Packets the sender numbered from the first to the highest received. */
  get expected(): number {
    return this.first < 0 ? 0 : this.highest - this.first + 1;
  }

  get lost(): number {
    return Math.max(0, this.expected - this.received);
  }
}
