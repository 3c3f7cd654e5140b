/** Tests and benches: a synthetic camera or microphone published into a sitting's media through a comedia plain transport. */
import type { SittingMedia } from '../../server/media/sitting-media';
import type { Channel } from '../../server/media/topology';
import { feedRtpParameters, type LavfiFeed, type LavfiSource } from '../../streaming/lavfi-feeds';

export async function publishFeed(media: SittingMedia, peerId: string, channel: Channel, source: LavfiSource): Promise<LavfiFeed> {
  const transport = await media.createPlainTransport(peerId, { comedia: true });
  const feed: LavfiFeed = { ...source, port: transport.port };
  await media.produce(peerId, transport.id, {
    kind: source.kind,
    rtpParameters: feedRtpParameters(feed),
    channel,
    source: source.kind === 'video' ? 'camera' : 'microphone',
  });
  return feed;
}
