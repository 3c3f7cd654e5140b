// TURN credentials by coturn's REST API scheme (`use-auth-secret` + `static-auth-secret`,
// draft-uberti-behave-turn-rest-00): Plenum and coturn share a secret; Plenum mints a username
// `<expiry unix seconds>:<person id>` and its password HMAC-SHA1(secret, username) in base64.
// coturn recomputes the password and refuses a username whose expiry has passed, so nothing is
// stored and nothing needs revoking. Pure: the clock comes in as an argument.
import { createHmac } from 'node:crypto';

/** An RTCIceServer as the browser takes it. */
export interface IceServer {
  readonly urls: readonly string[];
  readonly username: string;
  readonly credential: string;
}

export interface TurnSettings {
  /** `turn:` and `turns:` URLs of one coturn (or several sharing the secret). */
  readonly urls: readonly string[];
  readonly secret: string;
  /** How long a minted credential lets one allocate a relay. */
  readonly ttlSeconds: number;
}

/**
 * RFC 7065 URIs: `turn:` or `turns:`, a host name, IPv4 or bracketed IPv6 address, an optional port
 * and an optional `?transport=udp|tcp`. No `//`, user info or path: browsers refuse those.
 */
const TURN_URL =
  /^(turns?):(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::(\d{1,5}))?(?:\?transport=(udp|tcp))?$/;

export function isTurnUrl(value: string): boolean {
  const match = TURN_URL.exec(value);
  if (!match) return false;
  const [, scheme, , port, transport] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return false;
  // TLS runs over TCP; browsers have no DTLS-to-TURN.
  return !(scheme === 'turns' && transport === 'udp');
}

/** The username and password for one person, valid until `now + ttl` (seconds, rounded down). */
export function mintTurnCredential(
  secret: string,
  personId: string,
  ttlSeconds: number,
  nowMs: number,
): { username: string; credential: string; expiresAt: number } {
  // NOTE: coturn splits the username at its first ':' and reads the timestamp before it; a person
  // id may hold ':' itself, the expiry stays the first field.
  const expiresAt = Math.floor(nowMs / 1000) + ttlSeconds;
  const username = `${expiresAt}:${personId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt };
}

/** The ICE servers for one join of one person: empty without TURN. */
export function iceServersFor(turn: TurnSettings | undefined, personId: string, nowMs: number): IceServer[] {
  if (!turn || turn.urls.length === 0) return [];
  const { username, credential } = mintTurnCredential(turn.secret, personId, turn.ttlSeconds, nowMs);
  return [{ urls: [...turn.urls], username, credential }];
}
