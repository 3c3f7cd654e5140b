import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role, SessionRow } from './database';

/** A signed-in browser: the row behind the plenum_session cookie. */
export interface Session {
  /** The cookie value when inserting; its hash (the row key) when read back. */
  readonly id: string;
  readonly subject: string;
  readonly username: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Kept for the provider's logout (id_token_hint). */
  readonly idToken: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** Rows are keyed by the SHA-256 of the cookie value: a leaked table names no live session. */
export function sessionKey(cookieValue: string): string {
  return createHash('sha256').update(cookieValue).digest('base64url');
}

export function rowToSession(r: SessionRow): Session {
  return {
    id: r.id,
    subject: r.subject,
    username: r.username,
    name: r.name,
    roles: r.roles,
    idToken: r.id_token,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}

export async function insertSession(db: Kysely<Database>, s: Omit<Session, 'createdAt'>): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: sessionKey(s.id),
      subject: s.subject,
      username: s.username,
      name: s.name,
      roles: JSON.stringify(s.roles),
      id_token: s.idToken,
      expires_at: s.expiresAt,
    })
    .execute();
}

/** The session with this id unless it has expired by `now`. */
export async function findLiveSession(db: Kysely<Database>, id: string, now: Date): Promise<Session | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', sessionKey(id)).where('expires_at', '>', now).executeTakeFirst();
  return row && rowToSession(row);
}

/** Deletes and returns the session (expired or not), so logout can still name the id token. */
export async function deleteSession(db: Kysely<Database>, id: string): Promise<Session | undefined> {
  const row = await db.deleteFrom('sessions').where('id', '=', sessionKey(id)).returningAll().executeTakeFirst();
  return row && rowToSession(row);
}

/** Removes sessions that expired before `now`; returns how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
