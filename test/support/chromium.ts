import fs from 'node:fs';

/** Debian's Chromium; never a browser downloaded by a test tool. */
export function chromiumPath(): string {
  const p = process.env.CHROME_BIN ?? '/usr/bin/chromium';
  if (!fs.existsSync(p)) throw new Error(`Chromium not found at ${p}: apt-get install -y chromium (or bash scripts/system-deps.sh --test)`);
  return p;
}

/** Flags for running as root in a container without network, plus fake media devices for WebRTC tests. */
export function chromiumArgs(opts: { media?: boolean } = {}): string[] {
  return [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    ...(opts.media
      ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection']
      : []),
  ];
}
