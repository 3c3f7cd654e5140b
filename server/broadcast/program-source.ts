import type { SittingMedia } from '../media/sitting-media';
import { DUCKED_FLOOR_GAIN } from '../media/topology';
import type { ProgramSource } from '../../streaming/program-port';

/**
 * A sitting's media as its broadcast sees it (streaming/program-port.ts): the original producers,
 * a tap on the primary router (where the floor is observed) that other routers pipe to, and the
 * floor ducked under an interpretation as the chamber's listeners hear it.
 */
export function programSource(media: SittingMedia): ProgramSource {
  return {
    sittingId: media.sittingId,
    duckedFloorGain: DUCKED_FLOOR_GAIN,
    producers: () => media.programProducers(),
    onProducer(listener) {
      media.on('programProducer', listener);
      return () => media.off('programProducer', listener);
    },
    async openTap(options) {
      const router = media.routers.primary;
      const transport = await router.createDirectTransport(options);
      return {
        transport,
        rtpCapabilities: router.rtpCapabilities,
        reach: ({ producer, router: from }) => media.routers.ensureOn(producer.id, from, router),
      };
    },
  };
}
