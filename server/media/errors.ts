import type { MediaErrorCode } from '@contract/media-error-codes';

/** Why a media request was refused (contract/media-error-codes.ts); the signalling layer sends the code to the client as is. */
export type { MediaErrorCode };

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaError';
  }
}
