import type http from 'node:http';
import { graphqlLimits, limitCodes } from './graphql-limits';

/** A request body over the limit: refused before any of it is parsed. */
export class BodyTooLarge extends Error {
  readonly code = limitCodes.bodyTooLarge;
  constructor() {
    super(`The request body is larger than ${graphqlLimits.maxBodyBytes} bytes.`);
    this.name = 'BodyTooLarge';
  }
}

/**
 * Reads a request body of at most `limit` bytes, stopping at the first byte beyond it (a declared
 * content-length over the limit is refused without reading). Yoga then parses the bytes as usual:
 * whatwg-node takes a `body` already on the request, as it does behind a body parser.
 */
export async function readBodyWithin(req: http.IncomingMessage, limit = graphqlLimits.maxBodyBytes): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/** The GraphQL-shaped refusal (HTTP 400) for a body over the limit. */
export function bodyTooLargeResponse(): { status: number; body: string } {
  const error = new BodyTooLarge();
  return { status: 400, body: JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }) };
}
