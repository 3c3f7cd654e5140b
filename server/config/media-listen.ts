import type { Config } from '.';
import type { MediaListen } from '../media/sitting-media';

/**
 * Where transports listen. A loopback announced address means a laptop: bind loopback too.
 * Anything else: bind all interfaces and announce that address in ICE candidates.
 * Here rather than in server/media: the media layer takes a MediaListen and knows no Config.
 */
export function listenFromConfig(config: Config): MediaListen {
  const announced = config.media.announcedAddress;
  const loopback = announced === 'localhost' || announced === '::1' || announced.startsWith('127.');
  return {
    ip: loopback ? '127.0.0.1' : '0.0.0.0',
    announcedAddress: loopback ? undefined : announced,
    portRange: { min: config.media.rtcMinPort, max: config.media.rtcMaxPort },
  };
}
