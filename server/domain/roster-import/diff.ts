/**
 * What an import would change: factions and people added, changed (each field before and after)
 * and, when the file is the whole roster, members ended (absent from the file, membership still
 * running). Rows are matched by external id; a stored row without one is matched by its own id, then
 * by username (people) or short name (factions). Problems that need the stored roster (a faction
 * that does not exist, a username taken, duplicate ids) are issues naming row and column. Pure.
 */
import type { InputIssue } from '../errors';
import type { Office, Role } from '../parliament';
import { fieldPath, type FactionEntry, type PersonEntry, type RosterFile, type StoredFaction, type StoredPerson, type StoredRoster } from './model';

export interface FieldChange {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** A faction: by stored id, or by the external id of one the import adds. */
export type FactionRef = { readonly id: string } | { readonly newExternalId: string } | null;

export interface PersonValues {
  readonly externalId: string;
  readonly username: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly title: string | null;
  readonly email: string | null;
  readonly faction: FactionRef;
  readonly office: Office | null;
  readonly roles: readonly Role[];
  readonly votingRights: boolean;
  readonly memberFrom: string | null;
  readonly memberTo: string | null;
}
export type FactionValues = Omit<StoredFaction, 'id'> & { readonly externalId: string };

export interface Planned<T> {
  readonly externalId: string;
  /** Stored id; null for an addition. */
  readonly id: string | null;
  /** How a person reads it: a name, or a faction's short name. */
  readonly label: string;
  readonly fields: readonly FieldChange[];
  readonly after: T;
}

export interface RosterDiff {
  readonly factions: { readonly added: readonly Planned<FactionValues>[]; readonly changed: readonly Planned<FactionValues>[] };
  readonly people: {
    readonly added: readonly Planned<PersonValues>[];
    readonly changed: readonly Planned<PersonValues>[];
    readonly ended: readonly Planned<PersonValues>[];
  };
}

export const emptyDiff = (d: RosterDiff): boolean =>
  d.factions.added.length + d.factions.changed.length + d.people.added.length + d.people.changed.length + d.people.ended.length === 0;

const effectiveId = (r: { id: string; externalId: string | null }) => r.externalId ?? r.id;
const show = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

function changes<K extends string>(before: Readonly<Record<K, unknown>> | null, after: Readonly<Record<K, unknown>>, fields: readonly K[]): FieldChange[] {
  return fields.flatMap((f) => {
    const b = before ? show(before[f]) : null;
    const a = show(after[f]);
    return b === a && before ? [] : [{ field: f, before: b, after: a }];
  });
}

const factionFields = ['externalId', 'shortName', 'name', 'colour', 'seats'] as const;
const personFields = [
  'externalId',
  'username',
  'givenName',
  'familyName',
  'title',
  'email',
  'faction',
  'office',
  'roles',
  'votingRights',
  'memberFrom',
  'memberTo',
] as const;

export interface DiffOptions {
  /** The file is the whole roster: members it does not name are ended. */
  readonly wholeRoster: boolean;
  /** The day an ending takes effect (YYYY-MM-DD). */
  readonly today: string;
}

/** Who is ended when absent from a whole roster: members of parliament (staff come and go outside it) not ended already. */
const runningMember = (p: StoredPerson, today: string) => (p.roles.includes('member') || p.votingRights) && (p.memberTo === null || p.memberTo >= today);

export function diffRoster(file: RosterFile, stored: StoredRoster, options: DiffOptions): { diff: RosterDiff } | { issues: InputIssue[] } {
  const issues: InputIssue[] = [];

  // ---- factions
  const factionByExt = new Map(stored.factions.map((f) => [effectiveId(f), f]));
  const factionByShort = new Map(stored.factions.filter((f) => f.externalId === null).map((f) => [f.shortName, f]));
  const seenFactionExt = new Set<string>();
  const seenShort = new Map<string, FactionEntry>();
  const matchedFaction = new Map<string, string>(); // stored id → external id in the file
  const factionsAdded: Planned<FactionValues>[] = [];
  const factionsChanged: Planned<FactionValues>[] = [];
  /** Short name → what the person rows refer to, after the import. */
  const factionRefByShort = new Map<string, FactionRef>(stored.factions.map((f) => [f.shortName, { id: f.id }]));
  for (const e of file.factions) {
    if (seenFactionExt.has(e.externalId)) issues.push({ path: fieldPath(e.place, 'external_id'), message: `the external id ${e.externalId} appears twice` });
    seenFactionExt.add(e.externalId);
    if (seenShort.has(e.shortName)) issues.push({ path: fieldPath(e.place, 'short_name'), message: `the short name ${e.shortName} appears twice` });
    seenShort.set(e.shortName, e);
    const match = factionByExt.get(e.externalId) ?? factionByShort.get(e.shortName);
    if (match && matchedFaction.has(match.id)) {
      issues.push({ path: fieldPath(e.place, 'external_id'), message: `names the same faction as external id ${matchedFaction.get(match.id) ?? ''}` });
      continue;
    }
    const values: FactionValues = { externalId: e.externalId, shortName: e.shortName, name: e.name, colour: e.colour, seats: e.seats };
    if (match) {
      matchedFaction.set(match.id, e.externalId);
      const fields = changes({ ...match, externalId: effectiveId(match) }, values, factionFields);
      if (match.shortName !== e.shortName) factionRefByShort.delete(match.shortName);
      factionRefByShort.set(e.shortName, { id: match.id });
      if (fields.length) factionsChanged.push({ externalId: e.externalId, id: match.id, label: e.shortName, fields, after: values });
    } else {
      const taken = stored.factions.find((f) => f.shortName === e.shortName);
      if (taken)
        issues.push({ path: fieldPath(e.place, 'short_name'), message: `the faction ${e.shortName} exists already with external id ${effectiveId(taken)}` });
      factionRefByShort.set(e.shortName, { newExternalId: e.externalId });
      factionsAdded.push({ externalId: e.externalId, id: null, label: e.shortName, fields: changes(null, values, factionFields), after: values });
    }
  }
  // A stored faction renamed away keeps its old short name only if no file row took it over.
  const shortOf = (ref: FactionRef): string | null => {
    if (ref === null) return null;
    for (const [short, r] of factionRefByShort)
      if (r && (('id' in r && 'id' in ref && r.id === ref.id) || ('newExternalId' in r && 'newExternalId' in ref && r.newExternalId === ref.newExternalId)))
        return short;
    return null;
  };

  // ---- people
  const personByExt = new Map(stored.people.map((p) => [effectiveId(p), p]));
  const personByUsername = new Map(stored.people.map((p) => [p.username, p]));
  const seenPersonExt = new Set<string>();
  const seenUsername = new Set<string>();
  const matchedPerson = new Set<string>();
  const added: Planned<PersonValues>[] = [];
  const changed: Planned<PersonValues>[] = [];
  const storedShort = (p: StoredPerson) => (p.factionId === null ? null : shortOf({ id: p.factionId }));
  for (const e of file.people) {
    if (seenPersonExt.has(e.externalId)) issues.push({ path: fieldPath(e.place, 'external_id'), message: `the external id ${e.externalId} appears twice` });
    seenPersonExt.add(e.externalId);
    if (seenUsername.has(e.username)) issues.push({ path: fieldPath(e.place, 'username'), message: `the username ${e.username} appears twice` });
    seenUsername.add(e.username);
    const byUsername = personByUsername.get(e.username);
    const match = personByExt.get(e.externalId) ?? (byUsername && byUsername.externalId === null ? byUsername : undefined);
    if (match && matchedPerson.has(match.id)) {
      issues.push({ path: fieldPath(e.place, 'external_id'), message: 'names a person another row names too' });
      continue;
    }
    if (byUsername && byUsername !== match) {
      issues.push({ path: fieldPath(e.place, 'username'), message: `${e.username} belongs to another person (external id ${effectiveId(byUsername)})` });
    }
    let faction: FactionRef | undefined;
    if (e.faction === undefined) faction = match ? (match.factionId === null ? null : { id: match.factionId }) : null;
    else if (e.faction === null) faction = null;
    else {
      faction = factionRefByShort.get(e.faction);
      if (faction === undefined) issues.push({ path: fieldPath(e.place, 'faction'), message: `there is no faction ${e.faction}` });
    }
    if (faction === undefined) continue;
    const keep = <K extends keyof PersonEntry & keyof StoredPerson>(k: K, fallback: StoredPerson[K]) =>
      e[k] === undefined ? (match ? match[k] : fallback) : e[k];
    const values: PersonValues = {
      externalId: e.externalId,
      username: e.username,
      givenName: e.givenName,
      familyName: e.familyName,
      title: keep('title', null) ?? null,
      email: keep('email', null) ?? null,
      faction,
      office: keep('office', null) ?? null,
      roles: e.roles,
      votingRights: e.votingRights,
      memberFrom: keep('memberFrom', null) ?? null,
      memberTo: keep('memberTo', null) ?? null,
    };
    const label = `${e.givenName} ${e.familyName}`;
    const readable = { ...values, faction: shortOf(faction) };
    if (match) {
      matchedPerson.add(match.id);
      const before = { ...match, externalId: effectiveId(match), faction: storedShort(match) };
      const fields = changes(before, readable, personFields).filter(
        (c) => c.field !== 'roles' || [...match.roles].sort().join() !== [...e.roles].sort().join(),
      );
      if (fields.length) changed.push({ externalId: e.externalId, id: match.id, label, fields, after: values });
    } else {
      added.push({ externalId: e.externalId, id: null, label, fields: changes(null, readable, personFields), after: values });
    }
  }

  const ended: Planned<PersonValues>[] = [];
  if (options.wholeRoster) {
    for (const p of stored.people) {
      if (matchedPerson.has(p.id) || !runningMember(p, options.today)) continue;
      const after: PersonValues = {
        ...p,
        externalId: effectiveId(p),
        faction: p.factionId === null ? null : { id: p.factionId },
        votingRights: false,
        memberTo: options.today,
      };
      const fields = changes({ votingRights: p.votingRights, memberTo: p.memberTo }, { votingRights: false, memberTo: options.today }, [
        'votingRights',
        'memberTo',
      ]);
      ended.push({ externalId: effectiveId(p), id: p.id, label: `${p.givenName} ${p.familyName}`, fields, after });
    }
  }
  if (issues.length) return { issues };
  return { diff: { factions: { added: factionsAdded, changed: factionsChanged }, people: { added, changed, ended } } };
}

export type { FactionEntry, PersonEntry };

/** Changes per admin-log entry of an import: an entry's hashing stays a short stretch of work. */
export const LOG_PART_SIZE = 100;

/** One admin-log entry of an import: a slice of its changes, numbered `part` of `of`. */
export interface DiffPart<F, P> {
  readonly part: number;
  readonly of: number;
  readonly factions: { readonly added: readonly F[]; readonly changed: readonly F[] };
  readonly people: { readonly added: readonly P[]; readonly changed: readonly P[]; readonly ended: readonly P[] };
}

/**
 * The changes of an import in parts of at most `size` entries each, in the diff's order (factions
 * first): one admin-log entry per part, so that 5,000 changes are not serialised and hashed in one
 * go while everyone else waits. An empty diff is one empty part.
 */
export function diffParts<F, P>(d: Omit<DiffPart<F, P>, 'part' | 'of'>, size: number = LOG_PART_SIZE): DiffPart<F, P>[] {
  const order = [d.factions.added.length, d.factions.changed.length, d.people.added.length, d.people.changed.length, d.people.ended.length];
  const starts = order.map((_, k) => order.slice(0, k).reduce((a, b) => a + b, 0));
  const total = order.reduce((a, b) => a + b, 0);
  const count = Math.max(1, Math.ceil(total / size));
  return Array.from({ length: count }, (_, p) => {
    // The part's range over all changes, cut out of each list where it falls.
    const cut = <T>(list: readonly T[], k: number) => list.slice(Math.max(0, p * size - starts[k]!), Math.max(0, (p + 1) * size - starts[k]!));
    return {
      part: p + 1,
      of: count,
      factions: { added: cut(d.factions.added, 0), changed: cut(d.factions.changed, 1) },
      people: { added: cut(d.people.added, 2), changed: cut(d.people.changed, 3), ended: cut(d.people.ended, 4) },
    };
  });
}
