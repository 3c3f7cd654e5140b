/**
 * Loopback UDP ports for FFmpeg's RTP inputs: free pairs (RTP on an even port, RTCP on the
 * next), and whether FFmpeg has bound them yet, which is when the program's gate opens.
 */
import dgram from 'node:dgram';
import fs from 'node:fs/promises';

export interface PortRange {
  readonly min: number;
  readonly max: number;
}

/** `count` even ports p in the range whose p and p + 1 are both free on 127.0.0.1 now. */
export async function findFreePortPairs(count: number, range: PortRange, exclude: ReadonlySet<number> = new Set()): Promise<number[]> {
  const found: number[] = [];
  for (let port = range.min + (range.min % 2); port + 1 <= range.max && found.length < count; port += 2) {
    if (exclude.has(port)) continue;
    if ((await canBind(port)) && (await canBind(port + 1))) found.push(port);
  }
  if (found.length < count) throw new Error(`only ${found.length} of ${count} free UDP port pairs in ${range.min}–${range.max}`);
  return found;
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/**
 * Whether every port is bound by some process, from the kernel's socket tables; null where
 * those are not readable (not Linux), and the caller falls back to a fixed delay.
 * NOTE: probing by binding the port ourselves would race FFmpeg's own bind.
 */
export async function portsBound(ports: readonly number[]): Promise<boolean | null> {
  let table = '';
  try {
    table = await fs.readFile('/proc/net/udp', 'utf8');
  } catch {
    return null;
  }
  table += await fs.readFile('/proc/net/udp6', 'utf8').catch(() => '');
  const bound = new Set<number>();
  for (const line of table.split('\n')) {
    const local = /^\s*\d+:\s+[0-9A-F]+:([0-9A-F]{4})\s/i.exec(line);
    if (local) bound.add(parseInt(local[1]!, 16));
  }
  return ports.every((port) => bound.has(port));
}
