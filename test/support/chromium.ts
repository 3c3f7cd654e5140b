import fs from 'node:fs';
import flags from './chromium-flags.json';

/** Debian's Chromium; never a browser downloaded by a test tool. */
export function chromiumPath(): string {
  const p = process.env.CHROME_BIN ?? '/usr/bin/chromium';
  if (!fs.existsSync(p)) throw new Error(`Chromium not found at ${p}: apt-get install -y chromium (or bash scripts/system-deps.sh --test)`);
  return p;
}

/** Flags for running as root in a container without network (shared with karma), plus fake media devices for WebRTC tests. */
export function chromiumArgs(opts: { media?: boolean } = {}): string[] {
  return [...flags.root, ...(opts.media ? flags.media : [])];
}
