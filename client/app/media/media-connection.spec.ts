import { FakeSocket } from '../../testing/fake-media-socket';
import { MediaConnection, type ConnectionStatus, type Timers } from './media-connection';
import { closeVerdict, retryDelayMs } from './reconnect-policy';

describe('reconnecting the media socket', () => {
  it('gives up on 4001 (refused) and 4002 (replaced), and retries anything else', () => {
    expect(closeVerdict(4001)).toBe('refused');
    expect(closeVerdict(4002)).toBe('replaced');
    expect(closeVerdict(1006)).toBe('retry');
    expect(closeVerdict(1011)).toBe('retry');
  });

  it('waits longer after each failed attempt, up to fifteen seconds, spread by ±20 %', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 10].map((attempt) => retryDelayMs(attempt, middle))).toEqual([500, 1000, 2000, 4000, 15000]);
    expect(retryDelayMs(0, () => 0)).toBe(400);
    expect(retryDelayMs(0, () => 1)).toBe(600);
  });

  describe('MediaConnection', () => {
    let sockets: FakeSocket[];
    let statuses: ConnectionStatus[];
    let waits: { run: () => void; ms: number }[];
    let opened: number;
    let lost: number;
    let connection: MediaConnection;

    const timers: Timers = {
      setTimeout: (run, ms) => waits.push({ run, ms }),
      clearTimeout: () => undefined,
    };

    beforeEach(() => {
      sockets = [];
      statuses = [];
      waits = [];
      opened = 0;
      lost = 0;
      connection = new MediaConnection(
        'ws://test/media?sitting=s1',
        (url) => {
          const socket = new FakeSocket(url);
          sockets.push(socket);
          return socket;
        },
        { opened: () => opened++, notified: () => undefined, lost: () => lost++, status: (status) => statuses.push(status) },
        timers,
      );
      spyOn(Math, 'random').and.returnValue(0.5);
    });

    it('reconnects after a drop with a growing wait, and from the start again once healthy', () => {
      connection.start();
      sockets[0]!.open();
      sockets[0]!.closeFromServer(1006);
      expect(lost).toBe(1);
      expect(statuses.at(-1)).toBe('retrying');
      expect(waits.map((wait) => wait.ms)).toEqual([500]);

      waits[0]!.run();
      sockets[1]!.closeFromServer(1006);
      waits[1]!.run();
      expect(waits.map((wait) => wait.ms)).toEqual([500, 1000]);

      sockets[2]!.open();
      connection.healthy();
      sockets[2]!.closeFromServer(1001);
      expect(waits.at(-1)?.ms).toBe(500);
      expect(opened).toBe(2);
    });

    it('stays away when refused or replaced', () => {
      connection.start();
      sockets[0]!.open();
      sockets[0]!.closeFromServer(4002);
      expect(statuses.at(-1)).toBe('replaced');
      expect(waits).toEqual([]);

      connection.start();
      sockets[1]!.closeFromServer(4001);
      expect(statuses.at(-1)).toBe('refused');
      expect(waits).toEqual([]);
    });

    it('does not come back after stop()', () => {
      connection.start();
      sockets[0]!.open();
      connection.stop();
      expect(statuses.at(-1)).toBe('idle');
      expect(waits).toEqual([]);
      expect(sockets).toHaveSize(1);
    });
  });
});
