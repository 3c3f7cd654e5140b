/**
 * Roster files uploaded ahead of an import (contract/roster-files.ts), kept in memory for their
 * uploader a short while: preview and apply name the same file. Bounded: a few files per person,
 * a cap on all characters kept; the oldest go first. Nothing here is written to disk.
 */
import { randomUUID } from 'node:crypto';
import type { RosterFileUpload } from '@contract/roster-files';

export const ROSTER_FILE_TTL_MS = 30 * 60_000;
const FILES_PER_OWNER = 3;
/** Characters of all files kept together (UTF-16: about 80 MB at most). */
const TOTAL_CHARS = 40_000_000;

interface Kept extends RosterFileUpload {
  readonly owner: string;
  readonly at: number;
}

/** Whose file it is: the account (issuer and subject), not its changeable username. */
export const rosterFileOwner = (user: { readonly issuer: string; readonly subject: string }) => `${user.issuer} ${user.subject}`;

export function createRosterFiles(now: () => Date) {
  const files = new Map<string, Kept>();
  let total = 0;

  const drop = (id: string) => {
    const f = files.get(id);
    if (!f) return;
    total -= f.content.length;
    files.delete(id);
  };
  const expire = () => {
    const limit = now().getTime() - ROSTER_FILE_TTL_MS;
    for (const [id, f] of files) if (f.at < limit) drop(id);
  };

  return {
    /** Keeps a file for `owner` (a username); returns its id. */
    put(owner: string, file: RosterFileUpload): string {
      expire();
      const own = [...files].filter(([, f]) => f.owner === owner);
      for (const [id] of own.slice(0, Math.max(0, own.length - FILES_PER_OWNER + 1))) drop(id);
      // Map order is insertion order: the oldest first.
      for (const [id] of files) {
        if (total + file.content.length <= TOTAL_CHARS) break;
        drop(id);
      }
      const id = randomUUID();
      files.set(id, { ...file, owner, at: now().getTime() });
      total += file.content.length;
      return id;
    },
    /** The file, if `owner` uploaded it and it is still kept. */
    get(owner: string, id: string): RosterFileUpload | undefined {
      expire();
      const f = files.get(id);
      return f && f.owner === owner ? { format: f.format, content: f.content } : undefined;
    },
    /** Characters kept now (for tests and metrics). */
    size: () => total,
  };
}

export type RosterFiles = ReturnType<typeof createRosterFiles>;
