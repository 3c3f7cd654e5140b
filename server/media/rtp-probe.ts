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
    return new Promise<void>((resolve, reject) => this.socket.send(rtpPacket(this.ssrc, this.seq++), this.to.port, this.to.ip, (e) => (e ? reject(e) : resolve())));
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
