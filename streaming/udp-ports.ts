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
 * Local UDP ports bound by any process, from the kernel's socket tables; null where they are not
 * readable (not Linux). Reading beats probing: binding a port to test it would race its owner.
 */
export async function boundUdpPorts(): Promise<Set<number> | null> {
  let table: string;
  try {
    table = await fs.readFile('/proc/net/udp', 'utf8');
  } catch {
    return null;
  }
  table += await fs.readFile('/proc/net/udp6', 'utf8').catch(() => '');
  const bound = new Set<number>();
  // "  12: 0100007F:9C40 00000000:0000 07 …": the local port is the hex after the first colon-separated address.
  for (const line of table.split('\n')) {
    const local = /^\s*\d+:\s+[0-9A-F]+:([0-9A-F]{4})\s/i.exec(line);
    if (local) bound.add(parseInt(local[1]!, 16));
  }
  return bound;
}

/**
 * Whether every port is bound by some process; null where the socket tables are not readable,
 * and the caller falls back to a fixed delay.
 */
export async function portsBound(ports: readonly number[]): Promise<boolean | null> {
  const bound = await boundUdpPorts();
  return bound && ports.every((port) => bound.has(port));
}
