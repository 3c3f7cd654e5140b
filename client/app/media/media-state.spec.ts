import { TestBed } from '@angular/core/testing';
import { testFakeParameters } from 'mediasoup-client';
import { FakeSocket } from '../../testing/fake-media-socket';
import { mediaAvailable } from './media-availability';
import { MediaState, mediaSocketFactory } from './media-state';

/** Waits (in real time) until the condition holds. */
async function until(condition: () => boolean, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * MediaState against a fake signalling server and mediasoup-client's fake parameters (a real
 * Device in this Chromium). A listener without capture: no getUserMedia is needed.
 */
describe('MediaState (rejoining)', () => {
  let sockets: FakeSocket[];
  let media: MediaState;
  let available: boolean;
  let consumed: number;

  /** The server's side: every request answered as a sitting's media would. */
  function serve(socket: FakeSocket): void {
    socket.answerWith = (method, data) => {
      switch (method) {
        case 'getRouterRtpCapabilities':
          return testFakeParameters.generateRouterRtpCapabilities();
        case 'join': {
          const { language } = data as { language: string | null };
          return {
            routerRtpCapabilities: testFakeParameters.generateRouterRtpCapabilities(),
            plan:
              language === null
                ? [{ channel: 'floor', gain: 1 }]
                : [
                    { channel: 'floor', gain: 0.15 },
                    { channel: `interpretation:${language}`, gain: 1 },
                  ],
            producers: [],
            floor: { speakers: ['p-speaker'], mutedAll: false, onAir: {}, relays: {} },
            // Fresh credentials per join, as the server mints them; port 9 (discard) on loopback: never reached.
            iceServers: [{ urls: ['turn:127.0.0.1:9?transport=udp'], username: `${1_767_225_600 + joins().length}:p-listener`, credential: 'c2VjcmV0' }],
            iceTransportPolicy: 'relay',
          };
        }
        case 'createWebRtcTransport': {
          // Chromium refuses a UDP candidate with a TCP type in the remote description.
          const transport = testFakeParameters.generateTransportRemoteParameters();
          return { ...transport, iceCandidates: transport.iceCandidates.map(({ tcpType: _tcpType, ...candidate }) => candidate) };
        }
        case 'consume': {
          const { producerId } = data as { producerId: string };
          const consumer = testFakeParameters.generateConsumerRemoteParameters({ id: `c-${++consumed}`, codecMimeType: 'audio/opus' });
          // As the server does, a new mid and SSRC for every consumer of the transport.
          const encodings = (consumer.rtpParameters.encodings ?? []).map((encoding) => ({ ...encoding, ssrc: 46_687_000 + consumed }));
          return { ...consumer, rtpParameters: { ...consumer.rtpParameters, mid: String(consumed), encodings }, producerId, producerPaused: false, gain: 1 };
        }
        case 'setChoice': {
          const { language } = data as { language: string | null };
          return {
            plan:
              language === null
                ? [{ channel: 'floor', gain: 1 }]
                : [
                    { channel: 'floor', gain: 0.15 },
                    { channel: `interpretation:${language}`, gain: 1 },
                  ],
          };
        }
        default:
          return {};
      }
    };
    queueMicrotask(() => socket.open());
  }

  beforeEach(() => {
    sockets = [];
    available = true;
    consumed = 0;
    TestBed.configureTestingModule({
      providers: [
        MediaState,
        { provide: mediaAvailable, useValue: (sittingId: string) => Promise.resolve(sittingId === 'sitting-42' && available) },
        {
          provide: mediaSocketFactory,
          useValue: (url: string) => {
            const socket = new FakeSocket(url);
            sockets.push(socket);
            serve(socket);
            return socket;
          },
        },
      ],
    });
    media = TestBed.inject(MediaState);
  });

  afterEach(() => media.stop());

  const joins = () => sockets.flatMap((socket) => socket.requests('join')) as { language: string | null; sign: boolean }[];

  it('joins with what the listener chose, and after a drop rejoins with the same choice', async () => {
    void media.start('sitting-42');
    await until(() => media.status() === 'joined', 'the first join');
    expect(sockets[0]!.url).toMatch(/\/media\?sitting=sitting-42$/);
    expect(joins()).toEqual([jasmine.objectContaining({ language: null, sign: false })]);

    media.setLanguage('en');
    media.setSign(true);
    media.setDuckLevel(0.35);
    media.pin('p-guest');
    await until(() => sockets[0]!.requests('setChoice').length === 2, 'both choices sent');
    expect(sockets[0]!.requests('setChoice').at(-1)).toEqual({ language: 'en', sign: true });

    sockets[0]!.closeFromServer(1006);
    expect(media.status()).toBe('retrying');
    await until(() => media.status() === 'joined' && sockets.length === 2, 'the rejoin');

    expect(joins().at(-1)).toEqual(jasmine.objectContaining({ language: 'en', sign: true }));
    expect(media.plan()).toEqual([
      { channel: 'floor', gain: 0.15 },
      { channel: 'interpretation:en', gain: 1 },
    ]);
    expect(media.duckLevel()).toBe(0.35);
    expect(media.pinned()).toBe('p-guest');
  });

  it('gives each join’s TURN servers to its transport, and the fresh ones of a rejoin to the new one', async () => {
    // Every RTCPeerConnection made, with how many joins were asked for by then: the device probes
    // the browser with some before it joins, so the first one after the k-th join is its transport's.
    const made: { joins: number; config: RTCConfiguration }[] = [];
    const transportOf = (join: number) => made.find((pc) => pc.joins === join)?.config;
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        made.push({ joins: joins().length, config: this.getConfiguration() });
      }
    };
    try {
      void media.start('sitting-42');
      await until(() => media.status() === 'joined' && transportOf(1) !== undefined, 'the first join’s receive transport');
      expect(transportOf(1)!.iceTransportPolicy).toBe('relay');
      expect(transportOf(1)!.iceServers).toEqual([
        jasmine.objectContaining({ urls: ['turn:127.0.0.1:9?transport=udp'], username: '1767225601:p-listener', credential: 'c2VjcmV0' }),
      ]);

      sockets[0]!.closeFromServer(1006);
      await until(() => media.status() === 'joined' && transportOf(2) !== undefined, 'the rejoin’s receive transport');
      expect(transportOf(2)!.iceServers).toEqual([jasmine.objectContaining({ username: '1767225602:p-listener' })]);
    } finally {
      window.RTCPeerConnection = Native;
    }
  });

  it('rejoins on the same socket when the server’s media worker died, and ends when the sitting’s media close', async () => {
    void media.start('sitting-42');
    await until(() => media.status() === 'joined', 'the first join');

    sockets[0]!.receive({ notification: 'mediaClosed', data: { reason: 'worker_died' } });
    await until(() => joins().length === 2 && media.status() === 'joined', 'the rejoin');
    expect(sockets).toHaveSize(1);

    sockets[0]!.receive({ notification: 'mediaClosed', data: { reason: 'closed' } });
    expect(media.status()).toBe('ended');
  });

  it('closes a floor microphone’s consumer on both sides when it goes quiet, and takes it again when it is live', async () => {
    void media.start('sitting-42');
    await until(() => media.status() === 'joined', 'the join');
    const socket = sockets[0]!;
    const producer = { producerId: 'pr-brandt', peerId: 'p-brandt', kind: 'audio', channel: 'floor', source: 'microphone', gain: 1, live: true, held: null };
    socket.receive({ notification: 'producerAdded', data: producer });
    await until(() => media.remotes().length === 1, 'the first consumer');
    expect(media.remotes()[0]).toEqual(jasmine.objectContaining({ consumerId: 'c-1', peerId: 'p-brandt', channel: 'floor' }));

    socket.receive({ notification: 'producerLive', data: { producerId: 'pr-brandt', live: false, held: 'no_floor' } });
    expect(media.remotes()).toEqual([]);
    await until(() => socket.requests('closeConsumer').length === 1, 'closeConsumer');
    expect(socket.requests('closeConsumer')).toEqual([{ consumerId: 'c-1' }]);

    socket.receive({ notification: 'producerLive', data: { producerId: 'pr-brandt', live: true, held: null } });
    await until(() => media.remotes().length === 1, 'the consumer made again');
    expect(media.remotes()[0]?.consumerId).toBe('c-2');
    expect(socket.requests('consume')).toHaveSize(2);
    expect(socket.requests('closeConsumer')).toHaveSize(1);
  });

  it('does not come back when refused or replaced by another tab', async () => {
    void media.start('sitting-42');
    await until(() => media.status() === 'joined', 'the first join');
    sockets[0]!.closeFromServer(4002);
    expect(media.status()).toBe('replaced');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(sockets).toHaveSize(1);
  });

  it('opens no socket on a server without media', async () => {
    available = false;
    await media.start('sitting-42');
    expect(media.status()).toBe('unavailable');
    expect(sockets).toEqual([]);
  });
});
