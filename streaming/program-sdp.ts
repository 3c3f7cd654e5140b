/**
 * The SDP FFmpeg reads the program's slots from: one m-line per slot, in slot order, on
 * loopback. FFmpeg's stream indexes (0:0, 0:1 …) follow this order.
 */

export interface SdpStream {
  readonly kind: 'audio' | 'video';
  readonly port: number;
  readonly payloadType: number;
  /** The rtpmap encoding: 'VP8/90000', 'opus/48000/2'. */
  readonly encoding: string;
}

export function programSdp(streams: readonly SdpStream[]): string {
  const lines = ['v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=Plenum program', 'c=IN IP4 127.0.0.1', 't=0 0'];
  for (const s of streams) {
    lines.push(`m=${s.kind} ${s.port} RTP/AVP ${s.payloadType}`, `a=rtpmap:${s.payloadType} ${s.encoding}`, 'a=recvonly');
  }
  return lines.join('\r\n') + '\r\n';
}
