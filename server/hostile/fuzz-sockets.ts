/**
 * The fuzzer's clients: a `ws` connection that sends Frames (and waits for the server to keep up),
 * a raw TCP connection that upgrades by hand and writes bytes the `ws` client would refuse to
 * build, and raw bytes at the HTTP parser. Every socket error on our side is expected and ignored:
 * what counts is what the server does.
 */
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import type { WsFrame } from './fuzz-frames';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long a frame waits for the server to answer it before the next is sent anyway. */
const answerWaitMs = 1000;

export class FuzzSocket {
  readonly #ws: WebSocket;
  readonly #answers = new Map<number, () => void>();
  #closed = false;
  readonly opened: Promise<boolean>;

  constructor(url: string, headers: Record<string, string>, protocol?: string) {
    this.#ws = new WebSocket(url, protocol ? [protocol] : [], { headers, handshakeTimeout: 5000 });
    this.#ws.on('error', () => undefined);
    this.#ws.on('close', () => {
      this.#closed = true;
      for (const done of this.#answers.values()) done();
    });
    this.#ws.on('message', (raw, isBinary) => {
      if (isBinary) return;
      try {
        // ws hands text frames over as a Buffer (binaryType 'nodebuffer'); anything else is not JSON.
        const m = JSON.parse(Buffer.isBuffer(raw) ? raw.toString() : '') as { id?: unknown };
        if (typeof m.id === 'number') this.#answers.get(m.id)?.();
      } catch {
        // Not ours to judge here.
      }
    });
    this.opened = new Promise((resolve) => {
      this.#ws.once('open', () => resolve(true));
      this.#ws.once('close', () => resolve(false));
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Sends one frame, then waits until the server answered it (a request id) or a ping, or closed.
   * False when the connection was already closed and nothing was sent.
   */
  async send(frame: WsFrame, waitForId: number | null): Promise<boolean> {
    if (this.#closed || this.#ws.readyState !== WebSocket.OPEN) return false;
    const ws = this.#ws;
    const sent = new Promise<void>((resolve) => {
      const done = () => resolve();
      switch (frame.kind) {
        case 'text':
          return ws.send(frame.text, done);
        case 'binary':
          return ws.send(frame.data, { binary: true }, done);
        case 'invalid-utf8':
          return ws.send(frame.data, { binary: false }, done);
        case 'fragments': {
          frame.parts.forEach((p, i) => ws.send(p, { fin: frame.finish && i === frame.parts.length - 1 }, i === frame.parts.length - 1 ? done : undefined));
          return;
        }
      }
    });
    await Promise.race([sent, settle(answerWaitMs)]);
    let cleanup = () => undefined as void;
    const answered =
      waitForId === null
        ? new Promise<void>((resolve) => {
            if (this.#closed) return resolve();
            const done = () => resolve();
            ws.once('pong', done);
            ws.once('close', done);
            cleanup = () => {
              ws.off('pong', done);
              ws.off('close', done);
            };
            try {
              ws.ping();
            } catch {
              resolve();
            }
          })
        : new Promise<void>((resolve) => {
            this.#answers.set(waitForId, resolve);
            if (this.#closed) resolve();
          });
    await Promise.race([answered, settle(answerWaitMs)]);
    cleanup();
    if (waitForId !== null) this.#answers.delete(waitForId);
    return true;
  }

  close(): void {
    this.#ws.terminate();
  }
}

/** Upgrades by hand on a raw socket, writes `frames` as they are, waits a little, and closes. Returns the upgrade's status. */
export async function rawUpgradeAndWrite(
  host: string,
  port: number,
  path: string,
  headers: Record<string, string>,
  frames: readonly Buffer[],
): Promise<number | null> {
  const socket = net.connect(port, host);
  socket.on('error', () => undefined);
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: ${host}:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
  ];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  const status = await new Promise<number | null>((resolve) => {
    let head = '';
    const timer = setTimeout(() => resolve(null), 3000);
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (m && head.includes('\r\n\r\n')) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(null);
    });
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
  if (status === 101) {
    for (const f of frames) if (!socket.destroyed) socket.write(f);
    await settle(30);
  }
  socket.destroy();
  return status;
}

/** Writes bytes at the HTTP parser; returns the status line's code of whatever came back, if any. */
export async function rawHttp(host: string, port: number, bytes: Buffer): Promise<number | null> {
  const socket = net.connect(port, host);
  socket.on('error', () => undefined);
  const status = await new Promise<number | null>((resolve) => {
    let head = '';
    const timer = setTimeout(() => resolve(null), 2000);
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(null);
    });
    socket.write(bytes);
  });
  socket.destroy();
  return status;
}
