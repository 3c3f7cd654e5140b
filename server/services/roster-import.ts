/**
 * Roster import and export: the file is read and compared with the roster (server/domain/roster-import),
 * the difference shown first (preview) and applied in one transaction that reads, compares and checks
 * again (apply). Changes to who someone is are then noted in the record of every open sitting, as a
 * single edit's are (services/roster.ts).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import { insertImportedFaction, listStoredFactions, seatCounts, updateImportedFaction } from '../db/factions';
import { endMembership, insertImportedPeople, listStoredPeople, updateImportedPerson, type ImportedPersonFields } from '../db/people';
import { getParliament } from '../db/parliament';
import { appendAdminLog } from '../db/admin-log';
import { systemActor, type AdminActor } from '../domain/admin-log';
import { InputError, RuleViolation } from '../domain/errors';
import { checkSeats } from '../domain/roster';
import { checkPersonEdit } from '../domain/roster-edits';
import { sameFacts } from '../domain/procedure/roster-changes';
import type { Actor } from '../domain/procedure/commands';
import type { RosterFacts } from '../domain/procedure/events';
import { diffParts, diffRoster, type PersonValues, type Planned, type RosterDiff } from '../domain/roster-import/diff';
import type { RosterFormat, StoredPerson, StoredRoster } from '../domain/roster-import/model';
import { readRosterFile } from '../domain/roster-import/read';
import { writeRoster } from '../domain/roster-import/write';
import type { ServiceDeps } from './context';
import type { RosterChange, RosterChangeNotary } from './roster';

export interface ImportRequest {
  readonly format: RosterFormat;
  readonly content: string;
  /** The file is the whole roster: members it does not name are ended. */
  readonly wholeRoster: boolean;
}

export interface ImportPreview {
  /** Of the roster the difference was taken from: apply refuses when the roster has changed since. */
  readonly fingerprint: string;
  readonly diff: RosterDiff;
}

async function storedRoster(db: Kysely<Database>): Promise<StoredRoster> {
  const [factions, people] = await Promise.all([listStoredFactions(db), listStoredPeople(db)]);
  return { factions, people };
}

/** A hash of the roster in a stable order: equal when nothing an import compares has changed. */
export function rosterFingerprint(r: StoredRoster): string {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify({ f: byId(r.factions), p: byId(r.people) }))
    .digest('base64url');
}

const factsOf = (p: { username: string; roles: readonly RosterFacts['roles'][number][]; votingRights: boolean }): RosterFacts => ({
  username: p.username,
  roles: [...p.roles],
  votingRights: p.votingRights,
});

export function createRosterImportService(
  deps: ServiceDeps,
  roster: {
    readonly notary: RosterChangeNotary;
    /** Whether any sitting is open or suspended: only then is there a record to note changes in. */
    readonly activeSittings: () => Promise<readonly string[]>;
    /** Drops the roster's in-memory copy and tells listeners. */
    readonly changed: (personIds: readonly string[], factionIds: readonly string[]) => void;
  },
) {
  const { db, now, log } = deps;
  const today = () => now().toISOString().slice(0, 10);

  function compare(request: ImportRequest, stored: StoredRoster): RosterDiff {
    const read = readRosterFile(request.format, request.content);
    if ('issues' in read) throw new InputError(read.issues);
    const compared = diffRoster(read.file, stored, { wholeRoster: request.wholeRoster, today: today() });
    if ('issues' in compared) throw new InputError(compared.issues);
    return compared.diff;
  }

  return {
    async preview(request: ImportRequest): Promise<ImportPreview> {
      const stored = await storedRoster(db);
      return { fingerprint: rosterFingerprint(stored), diff: compare(request, stored) };
    },

    /**
     * Applies the file in one transaction: read and compared again inside it, refused with
     * `roster.import_stale` when `fingerprint` is given and the roster changed since the preview.
     */
    async apply(editor: Actor, request: ImportRequest, fingerprint: string | null, by: AdminActor = systemActor): Promise<ImportPreview> {
      const { diff, notes, fingerprintBefore, factionIds } = await db.transaction().execute(async (tx) => {
        // Serialises with single edits (services/roster.ts takes the same lock) and with other imports.
        await sql`lock table factions in share row exclusive mode`.execute(tx);
        await sql`lock table people in share row exclusive mode`.execute(tx);
        const stored = await storedRoster(tx);
        const fingerprintBefore = rosterFingerprint(stored);
        if (fingerprint !== null && fingerprint !== fingerprintBefore)
          throw new RuleViolation('roster.import_stale', 'the roster has changed since the preview; preview the file again');
        const diff = compare(request, stored);
        const before = new Map(stored.people.map((p) => [p.id, p]));

        const factionIds = new Map<string, string>();
        for (const f of diff.factions.added) factionIds.set(f.externalId, await insertImportedFaction(tx, f.after));
        for (const f of diff.factions.changed) if (f.id) await updateImportedFaction(tx, f.id, f.after);

        const fieldsOf = (v: PersonValues): ImportedPersonFields => {
          const { faction, ...rest } = v;
          const factionId = faction === null ? null : 'id' in faction ? faction.id : (factionIds.get(faction.newExternalId) ?? null);
          return { ...rest, factionId };
        };
        const notes: RosterChange[] = [];
        const note = (b: StoredPerson | undefined, a: StoredPerson) => {
          const bf = b ? factsOf(b) : null;
          const af = factsOf(a);
          if (!sameFacts(bf, af))
            notes.push({ person: { personId: a.id, name: `${a.givenName} ${a.familyName}`, factionId: a.factionId }, before: bf, after: af });
        };
        for (const p of diff.people.added) checkPersonEdit(editor, null, null, factsOf(p.after));
        for (const a of await insertImportedPeople(
          tx,
          diff.people.added.map((p) => fieldsOf(p.after)),
        ))
          note(undefined, a);
        const update = async (p: Planned<PersonValues>, write: (id: string) => Promise<StoredPerson | undefined>) => {
          const b = p.id ? before.get(p.id) : undefined;
          if (!p.id || !b) return;
          checkPersonEdit(editor, p.id, factsOf(b), factsOf(p.after));
          const a = await write(p.id);
          if (a) note(b, a);
        };
        for (const p of diff.people.changed) await update(p, (id) => updateImportedPerson(tx, id, fieldsOf(p.after)));
        for (const p of diff.people.ended) await update(p, (id) => endMembership(tx, id, today()));

        const parliament = await getParliament(tx);
        if (!parliament) throw new Error('the parliament row is missing: enter the parliament before its roster');
        const counts = await seatCounts(tx);
        checkSeats(parliament.statutoryMembers, counts.factions, counts.independents);
        // The import in the admin log, in its transaction: the roster it changed (by its fingerprint)
        // and every difference applied, with its values before and after, in parts of a hundred.
        for (const part of diffParts(diff))
          await appendAdminLog(tx, now(), { actor: by, action: 'roster.import', subject: 'roster', before: { fingerprint: fingerprintBefore }, after: part });
        return { diff, notes, fingerprintBefore, factionIds: [...factionIds.values(), ...diff.factions.changed.flatMap((f) => (f.id ? [f.id] : []))] };
      });
      roster.changed(
        notes.map((n) => n.person.personId),
        factionIds,
      );
      log.info('roster | import applied', {
        factionsAdded: diff.factions.added.length,
        factionsChanged: diff.factions.changed.length,
        added: diff.people.added.length,
        changed: diff.people.changed.length,
        ended: diff.people.ended.length,
        from: fingerprintBefore,
      });
      // Noted after the commit, like a deletion: an import cannot be taken back row by row, so a change
      // the record missed is logged loudly and the caller told.
      if (notes.length && (await roster.activeSittings()).length) {
        for (const n of notes) {
          try {
            await roster.notary(editor, n);
          } catch (error) {
            log.error('roster | imported change not recorded', { person: n.person.personId, error: String(error) });
            throw error;
          }
        }
      }
      return { fingerprint: rosterFingerprint(await storedRoster(db)), diff };
    },

    /** The roster as a file the import reads back to no difference. */
    async export(format: RosterFormat): Promise<string> {
      return writeRoster(format, await storedRoster(db));
    },
  };
}

export type RosterImportService = ReturnType<typeof createRosterImportService>;
