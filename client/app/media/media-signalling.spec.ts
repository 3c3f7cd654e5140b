import type { MediaNotification } from '@contract/media-protocol';
import { FakeSocket } from '../../testing/fake-media-socket';
import { MediaRequestError, MediaSignalling, mediaSocketUrl } from './media-signalling';

describe('MediaSignalling', () => {
  let socket: FakeSocket;
  let notifications: MediaNotification[];
  let signalling: MediaSignalling;

  beforeEach(() => {
    socket = new FakeSocket('ws://test/media');
    socket.readyState = 1;
    notifications = [];
    signalling = new MediaSignalling(socket, (n) => notifications.push(n));
  });

  it('sends a request with an id and resolves with the answer that repeats it', async () => {
    const answer = signalling.request('setChoice', { language: 'en', sign: false });
    const [sent] = socket.sent;
    expect(sent).toEqual({ id: 1, method: 'setChoice', data: { language: 'en', sign: false } });
    signalling.receive(JSON.stringify({ id: 1, ok: true, data: { plan: [{ channel: 'floor', gain: 1 }] } }));
    expect(await answer).toEqual({ plan: [{ channel: 'floor', gain: 1 }] });
  });

  it('rejects with the server’s code, and fails what waits when the socket goes', async () => {
    const refused = signalling.request('closeProducer', { producerId: 'p1' });
    const waiting = signalling.request('leave', {});
    signalling.receive(JSON.stringify({ id: 1, ok: false, error: { code: 'media.producer_not_found', message: 'no producer p1' } }));
    await expectAsync(refused).toBeRejectedWith(jasmine.objectContaining({ code: 'media.producer_not_found' }));
    signalling.disconnected();
    await expectAsync(waiting).toBeRejectedWith(jasmine.any(MediaRequestError));
  });

  it('hands notifications on', () => {
    signalling.receive(JSON.stringify({ notification: 'activeSpeaker', data: { peerId: 'p7' } }));
    expect(notifications).toEqual([{ notification: 'activeSpeaker', data: { peerId: 'p7' } }]);
  });

  it('builds the socket URL on the page’s own origin', () => {
    expect(mediaSocketUrl({ protocol: 'https:', host: 'plenum.example' }, 'sitting 42')).toBe('wss://plenum.example/media?sitting=sitting%2042');
    expect(mediaSocketUrl({ protocol: 'http:', host: 'localhost:4200' }, 's1')).toBe('ws://localhost:4200/media?sitting=s1');
  });
});
