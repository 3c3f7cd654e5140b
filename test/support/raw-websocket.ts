/**
 * WebSocket bytes by hand, for tests that send what no well-behaved client library would: frames
 * whose length header lies, invalid UTF-8, unmasked frames, fragments, floods in one TCP write.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';

export const OP = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

export interface FrameOptions {
  /** FIN bit; false for all but the last fragment. */
  readonly fin?: boolean;
  /** Clients must mask; false makes a protocol violation. */
  readonly mask?: boolean;
  /** The payload length the header claims, when it should lie about the real one. */
  readonly claimedLength?: bigint;
}

/** One frame as a client sends it (masked unless told otherwise). */
export function frame(opcode: number, payload: Buffer | string, opts: FrameOptions = {}): Buffer {
  const data = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const length = opts.claimedLength ?? BigInt(data.length);
  const mask = opts.mask ?? true;
  const first = ((opts.fin ?? true) ? 0x80 : 0) | opcode;
  let header: Buffer;
  if (length < 126n) header = Buffer.from([first, (mask ? 0x80 : 0) | Number(length)]);
  else if (length < 65536n) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = (mask ? 0x80 : 0) | 126;
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = (mask ? 0x80 : 0) | 127;
    header.writeBigUInt64BE(length, 2);
  }
  if (!mask) return Buffer.concat([header, data]);
  const key = randomBytes(4);
  const masked = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) masked[i] = data[i]! ^ key[i % 4]!;
  return Buffer.concat([header, key, masked]);
}

/** The HTTP upgrade request of a WebSocket handshake. */
export function upgradeRequest(path: string, headers: Record<string, string> = {}, protocol?: string): string {
  const lines = [
    `GET ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...(protocol ? [`Sec-WebSocket-Protocol: ${protocol}`] : []),
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export interface RawOutcome {
  /** The HTTP status of the handshake answer (101 when upgraded), or null when none came. */
  readonly status: number | null;
  /** Server frames after the handshake: text payloads in order. */
  readonly texts: string[];
  /** The code of the server's close frame, 1005 for one without a code, null when none came. */
  readonly closeCode: number | null;
  /** The TCP connection ended (by the server, or after we ended our half) within the wait. */
  readonly ended: boolean;
}

/** Splits the server's (unmasked) frames; stops at an incomplete one. */
function parseServerFrames(buf: Buffer): { texts: string[]; closeCode: number | null } {
  const texts: string[] = [];
  let closeCode: number | null = null;
  let at = 0;
  while (at + 2 <= buf.length) {
    const opcode = buf[at]! & 0x0f;
    let len = buf[at + 1]! & 0x7f;
    let start = at + 2;
    if (len === 126) {
      if (start + 2 > buf.length) break;
      len = buf.readUInt16BE(start);
      start += 2;
    } else if (len === 127) {
      if (start + 8 > buf.length) break;
      len = Number(buf.readBigUInt64BE(start));
      start += 8;
    }
    if (start + len > buf.length) break;
    const payload = buf.subarray(start, start + len);
    if (opcode === OP.text) texts.push(payload.toString());
    if (opcode === OP.close && closeCode === null) closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
    at = start + len;
  }
  return { texts, closeCode };
}

/**
 * Connects, writes `bytes` in one go (the handshake and whatever frames follow it), then optionally
 * ends our half after `endAfterMs`; collects the answer until the server closes or `waitMs` passes.
 */
export function rawExchange(
  port: number,
  bytes: Buffer | string,
  opts: { waitMs?: number; endAfterMs?: number; until?: (o: RawOutcome) => boolean } = {},
): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const outcome = (ended: boolean): RawOutcome => {
      const all = Buffer.concat(chunks);
      const headEnd = all.indexOf('\r\n\r\n');
      if (headEnd < 0) return { status: null, texts: [], closeCode: null, ended };
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(all.subarray(0, headEnd).toString())?.[1] ?? NaN);
      return { status, ...(status === 101 ? parseServerFrames(all.subarray(headEnd + 4)) : { texts: [], closeCode: null }), ended };
    };
    const finish = (ended: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome(ended));
    };
    const timer = setTimeout(() => finish(false), opts.waitMs ?? 5000);
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (opts.until?.(outcome(false))) finish(false);
    });
    socket.write(bytes);
    if (opts.endAfterMs !== undefined) setTimeout(() => socket.end(), opts.endAfterMs);
  });
}

/** An upgrade request that never finishes: the header block is left open. Destroy the socket to end it. */
export function hangingHandshake(port: number, path: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(upgradeRequest(path).slice(0, -4));
      resolve(socket);
    });
    socket.on('error', reject);
  });
}
