/**
 * Why the media signalling refused a request: the codes the server sends (server/media/errors.ts)
 * and the client reads (client/app/media/media-signalling.ts). Imports nothing, like all of contract/.
 */
export const mediaErrorCodes = [
  'media.closed',
  'media.bad_request',
  'media.unknown_method',
  'media.not_joined',
  'media.already_joined',
  'media.transport_not_found',
  'media.producer_not_found',
  'media.consumer_not_found',
  'media.not_allowed',
  'media.not_signed_in',
  /** Excluded from the sitting (an order measure): the media is closed to the person until the exclusion ends. */
  'media.excluded',
  'media.cannot_consume',
  /** The peer holds as many transports, producers or consumers (or sittings) as it may; nothing was created. */
  'media.quota_exceeded',
  /** The person asks faster than the method's rate allows; retry later. */
  'media.rate_limited',
  /** Sent by the socket for a server fault; its details stay in the log. */
  'media.internal',
] as const;

export type MediaErrorCode = (typeof mediaErrorCodes)[number];
