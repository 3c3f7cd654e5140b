import type { types } from 'mediasoup-client';
import type { MediaMethods } from '@contract/media-protocol';

/** mediasoup-client's types for the RTP, ICE and DTLS structures the media protocol carries. */
export interface BrowserRtc {
  readonly rtpCapabilities: types.RtpCapabilities;
  readonly rtpParameters: types.RtpParameters;
  readonly iceParameters: types.IceParameters;
  readonly iceCandidate: types.IceCandidate;
  readonly dtlsParameters: types.DtlsParameters;
}

/** The media methods' data and answers as the browser sends and reads them (contract/media-protocol.ts). */
export type BrowserMediaMethods = MediaMethods<BrowserRtc>;
