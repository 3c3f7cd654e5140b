/**
 * A person's browser in the chamber for e2e tests: a Chromium context signed in through the
 * development provider, with fake microphone and camera, whose page keeps every RTCPeerConnection
 * (for getStats) and its media sockets (to drop one). What flows is measured in the page: bytes of
 * the inbound-rtp stream that carries the track of a matching <audio>/<video> element.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { loginSession } from './oidc-login';

export interface Seat {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and page errors, prefixed with the username. */
  readonly problems: string[];
}

/** Keeps every RTCPeerConnection the page makes (for getStats) and its media sockets (to drop one). */
export const recordPeerConnections = `(() => {
  const NativePeerConnection = window.RTCPeerConnection;
  window.__peerConnections = [];
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(...args) {
      super(...args);
      window.__peerConnections.push(this);
    }
  };
  const NativeWebSocket = window.WebSocket;
  window.__mediaSockets = [];
  window.WebSocket = class extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      if (String(url).includes('/media?')) window.__mediaSockets.push(this);
    }
  };
})();`;

/** Signs `username` in through the development provider and opens a page for them in a new context of `browser`. */
export async function takeSeat(browser: Browser, baseUrl: string, username: string): Promise<Seat> {
  return seatWithCookie(browser, baseUrl, username, (await loginSession(baseUrl, username)).cookie);
}

/** A page for `username` in a new context of `browser`, with the session cookie (`name=value`) they signed in with. */
export async function seatWithCookie(browser: Browser, baseUrl: string, username: string, cookie: string): Promise<Seat> {
  const at = cookie.indexOf('=');
  const context = await browser.newContext({ locale: 'en-GB', permissions: ['microphone', 'camera'] });
  context.setDefaultTimeout(20_000);
  await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: baseUrl }]);
  await context.addInitScript(recordPeerConnections);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${username}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${username}: ${error.message}`));
  return { context, page, problems };
}

/** Bytes received so far on the inbound stream that carries the track of the first matching element. */
export function bytesOf(page: Page, selector: string): Promise<number> {
  return page.evaluate(async (css) => {
    const element = document.querySelector<HTMLMediaElement>(css);
    const track = element?.srcObject instanceof MediaStream ? element.srcObject.getTracks()[0] : undefined;
    if (!track) return 0;
    const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    for (const pc of pcs) {
      const receiver = pc.getReceivers().find((r) => r.track.id === track.id);
      if (!receiver) continue;
      let bytes = 0;
      (await receiver.getStats()).forEach((s: { type: string; bytesReceived?: number }) => {
        if (s.type === 'inbound-rtp') bytes += s.bytesReceived ?? 0;
      });
      return bytes;
    }
    return 0;
  }, selector);
}

/** Waits until the bytes of the matching stream have grown by `by` over their first reading. */
export async function flowing(page: Page, selector: string, by = 4_000): Promise<number> {
  await page.locator(selector).first().waitFor({ state: 'attached' });
  const first = await bytesOf(page, selector);
  await expect.poll(() => bytesOf(page, selector), { timeout: 20_000, interval: 250 }).toBeGreaterThan(first + by);
  return bytesOf(page, selector);
}

/** Opens the chamber of a sitting, joins it unless already present, and waits for the media to have joined. */
export async function enterChamber(baseUrl: string, member: Seat, sittingId = 'sitting-42'): Promise<void> {
  await member.page.goto(`${baseUrl}/sittings/${sittingId}/chamber`);
  const join = member.page.getByTestId('join-sitting');
  await member.page.getByTestId('present').or(join).waitFor();
  if (await join.isVisible()) await join.click();
  await member.page.getByTestId('present').waitFor();
  await member.page.locator('[data-testid="media-status"][data-status="joined"]').waitFor();
}

/** What a page's stage shows (tiles, sinks, media status) and the page's problems, for a failure's message. */
async function stageOf(seat: Seat): Promise<string> {
  const stage = await seat.page
    .evaluate(() => ({
      status: document.querySelector('[data-testid="media-status"]')?.getAttribute('data-status') ?? null,
      microphone: document.querySelector('[data-testid="microphone-state"]')?.outerHTML.slice(0, 200) ?? null,
      tiles: [...document.querySelectorAll('[data-testid="video-tile"]')].map(
        (t) => `${t.getAttribute('data-role')}:${t.getAttribute('data-peer')}:${t.textContent?.trim()}`,
      ),
      sinks: [...document.querySelectorAll('[data-testid="audio-sink"]')].map((t) => `${t.getAttribute('data-channel')}:${t.getAttribute('data-peer')}`),
    }))
    .catch((error: unknown) => ({ unreadable: String(error) }));
  return JSON.stringify({ ...stage, problems: seat.problems });
}

/**
 * The listener sees `speakerName` in the main tile and hears them: the floor sink's first bytes
 * (polled every 50 ms), then more. Returns the speaker's peer id and the milliseconds from
 * `grantedAt` to the first bytes.
 */
export async function hearsFloorSpeaker(listener: Seat, speakerName: string, grantedAt: number): Promise<{ speakerPeerId: string; firstAudioMs: number }> {
  const main = listener.page.locator('[data-testid="video-tile"][data-role="main"]');
  await main
    .filter({ hasText: speakerName })
    .waitFor()
    .catch(async (error: unknown) => {
      throw new Error(`${speakerName} never became the main picture; the listener's page: ${await stageOf(listener)}`, { cause: error });
    });
  const speakerPeerId = await main.getAttribute('data-peer');
  expect(speakerPeerId).toBeTruthy();
  const floorSink = `[data-testid="audio-sink"][data-channel="floor"][data-peer="${speakerPeerId}"]`;
  await listener.page.locator(floorSink).waitFor({ state: 'attached' });
  await expect.poll(() => bytesOf(listener.page, floorSink), { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
  const firstAudioMs = Date.now() - grantedAt;
  await flowing(listener.page, floorSink);
  return { speakerPeerId: speakerPeerId!, firstAudioMs };
}

/**
 * Every connected transport of each page has a relay candidate as its selected local candidate and
 * one TURN username; returns each page's username.
 */
export async function expectRelayedOnly<K extends string>(seats: Record<K, Seat>): Promise<Record<K, string>> {
  const usernames = {} as Record<K, string>;
  for (const who of Object.keys(seats) as K[]) {
    const seat = seats[who];
    const routes = await connectedRoutes(seat.page);
    expect(routes.length, `${who} has connected transports`).toBeGreaterThan(0);
    for (const route of routes) {
      expect(route, who).toMatchObject({ iceTransportPolicy: 'relay', localCandidateType: 'relay' });
      expect(route.turnUsernames, who).toHaveLength(1);
    }
    usernames[who] = routes[0]!.turnUsernames[0]!;
  }
  return usernames;
}

/** How one of the page's peer connections reaches the server. */
export interface PeerConnectionRoute {
  readonly connectionState: RTCPeerConnectionState;
  readonly iceTransportPolicy: RTCIceTransportPolicy | undefined;
  /** The TURN usernames it was given. */
  readonly turnUsernames: string[];
  /** The type of the local candidate of the selected pair (`relay`: through TURN), once connected. */
  readonly localCandidateType: string | null;
}

/** Every connected peer connection of the page (mediasoup transports; the device's probes never connect). */
export function connectedRoutes(page: Page): Promise<PeerConnectionRoute[]> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    const routes: PeerConnectionRoute[] = [];
    for (const pc of pcs.filter((p) => p.connectionState === 'connected')) {
      const stats = new Map<string, Record<string, unknown>>();
      (await pc.getStats()).forEach((s: Record<string, unknown> & { id: string }) => stats.set(s.id, s));
      const transport = [...stats.values()].find((s) => s['type'] === 'transport');
      const pair = stats.get(String(transport?.['selectedCandidatePairId']));
      const local = stats.get(String(pair?.['localCandidateId']));
      const config = pc.getConfiguration();
      routes.push({
        connectionState: pc.connectionState,
        iceTransportPolicy: config.iceTransportPolicy,
        turnUsernames: (config.iceServers ?? []).map((server) => server.username ?? ''),
        localCandidateType: typeof local?.['candidateType'] === 'string' ? local['candidateType'] : null,
      });
    }
    return routes;
  });
}
