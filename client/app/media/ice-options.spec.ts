import { iceOptions } from './ice-options';

describe('the ICE options of a join', () => {
  const turn = {
    urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:443?transport=tcp'],
    username: '1767225600:p-1',
    credential: 'c2VjcmV0',
  };

  it('passes the TURN servers and their credentials on as RTCIceServer entries', () => {
    expect(iceOptions({ iceServers: [turn], iceTransportPolicy: 'all' })).toEqual({
      iceServers: [{ ...turn, urls: [...turn.urls] }],
      iceTransportPolicy: 'all',
    });
  });

  it('forces relay only when the server asks and has a relay to offer', () => {
    expect(iceOptions({ iceServers: [turn], iceTransportPolicy: 'relay' }).iceTransportPolicy).toBe('relay');
    expect(iceOptions({ iceServers: [], iceTransportPolicy: 'relay' })).toEqual({ iceServers: [], iceTransportPolicy: 'all' });
  });

  it('without TURN changes nothing: no servers, all candidates', () => {
    expect(iceOptions({ iceServers: [], iceTransportPolicy: 'all' })).toEqual({ iceServers: [], iceTransportPolicy: 'all' });
  });
});
