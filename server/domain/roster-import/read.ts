/**
 * A roster file (CSV or JSON) read into entries, every field checked, or every issue found, each
 * naming its row and column (CSV: line and header; JSON: list, index and key). Nothing is partly
 * read: one issue and the file is refused. Pure: no I/O.
 */
import { roles as allRoles, type Role } from '@contract/roles';
import type { InputIssue } from '../errors';
import { offices, type Office } from '../parliament';
import { textProblem } from '../text';
import { parseCsv } from './csv';
import {
  csvColumns,
  fieldPath,
  importLimits,
  jsonKeyOf,
  type CsvColumn,
  type FactionEntry,
  type PersonEntry,
  type RosterFile,
  type RosterFormat,
  type RowPlace,
} from './model';

type Field<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Field<T> => ({ ok: true, value });
const bad = (message: string): Field<never> => ({ ok: false, message });

/** One line of text: the house's text rule, no line breaks or tabs, trimmed, at most `max`. */
function line(raw: unknown, max: number): Field<string | null> {
  if (raw === null || raw === undefined) return ok(null);
  if (typeof raw !== 'string') return bad('must be text');
  const problem = textProblem(raw, Infinity) ?? (/[\n\t]/.test(raw) ? 'must be one line (no line break or tab)' : null);
  if (problem) return bad(problem);
  const s = raw.trim();
  if (s.length > max) return bad(`must be at most ${max} characters`);
  return ok(s === '' ? null : s);
}
const required = (f: Field<string | null>): Field<string> => (!f.ok ? f : f.value === null ? bad('must not be empty') : ok(f.value));
const matching = (f: Field<string | null>, pattern: RegExp, message: string): Field<string | null> =>
  !f.ok || f.value === null || pattern.test(f.value) ? f : bad(message);

const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const colourPattern = /^#[0-9a-fA-F]{6}$/;

function whole(raw: unknown, min: number, max: number): Field<number> {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d{1,6}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n)) return bad('must be a whole number');
  return n < min || n > max ? bad(`must be from ${min} to ${max}`) : ok(n);
}

const yes = new Set(['true', 'yes', 'ja', 'j', 'y', '1', 'x']);
const no = new Set(['false', 'no', 'nein', 'n', '0', '']);
function flag(raw: unknown): Field<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  if (typeof raw !== 'string') return bad('must be true or false');
  const s = raw.trim().toLowerCase();
  return yes.has(s) ? ok(true) : no.has(s) ? ok(false) : bad('must be true or false (yes/no, ja/nein, 1/0)');
}

function roleList(raw: unknown): Field<Role[]> {
  const names = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[|,\s]+/).filter((s) => s !== '') : null;
  if (!names || names.length > allRoles.length * 2) return bad(`must be a list of roles (${allRoles.join(', ')})`);
  const found: Role[] = [];
  for (const n of names) {
    const role = allRoles.find((r) => r === n);
    if (!role) return bad(`${typeof n === 'string' ? `"${n.slice(0, 40)}"` : 'a value'} is not a role; roles are ${allRoles.join(', ')}`);
    if (!found.includes(role)) found.push(role);
  }
  return found.length ? ok(found) : bad('needs at least one role');
}

function office(raw: unknown): Field<Office | null> {
  const f = line(raw, 40);
  if (!f.ok || f.value === null) return f as Field<null>;
  const o = offices.find((x) => x === f.value);
  return o ? ok(o) : bad(`must be empty or one of ${offices.join(', ')}`);
}

/** An ISO calendar date (YYYY-MM-DD) that exists, or empty. */
export function isoDate(raw: unknown): Field<string | null> {
  const f = line(raw, 10);
  if (!f.ok || f.value === null) return f;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(f.value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  return d && d.toISOString().slice(0, 10) === f.value ? f : bad('must be a date written YYYY-MM-DD');
}

/** One row as the readers give it: which columns it has, and their raw values. */
interface RawRow {
  readonly place: RowPlace;
  has(column: CsvColumn): boolean;
  get(column: CsvColumn): unknown;
}

const factionColumns: readonly CsvColumn[] = ['external_id', 'short_name', 'name', 'colour', 'seats'];
const personColumns: readonly CsvColumn[] = ['external_id', 'username', 'given_name', 'family_name', 'roles', 'voting_rights'];
const optionalPersonColumns: readonly CsvColumn[] = ['title', 'email', 'faction', 'office', 'member_from', 'member_to'];

/** Checks a row's fields; pushes one issue per wrong field; answers the entry when all are right. */
function rowReader(row: RawRow, issues: InputIssue[]) {
  let wrong = false;
  const take = <T>(column: CsvColumn, f: Field<T>): T | undefined => {
    if (f.ok) return f.value;
    wrong = true;
    issues.push({ path: fieldPath(row.place, column), message: f.message });
    return undefined;
  };
  const need = (columns: readonly CsvColumn[]) => {
    for (const c of columns) if (!row.has(c)) take(c, bad('is missing'));
  };
  return {
    faction(): FactionEntry | undefined {
      need(factionColumns);
      if (wrong) return undefined;
      const externalId = take('external_id', required(line(row.get('external_id'), 200)));
      const shortName = take('short_name', required(line(row.get('short_name'), 16)));
      const name = take('name', required(line(row.get('name'), 200)));
      const colour = take('colour', required(matching(line(row.get('colour'), 7), colourPattern, 'must be a hex colour like #1a2b3c')));
      const seats = take('seats', whole(row.get('seats'), 0, 10_000));
      if (wrong || externalId === undefined || shortName === undefined || name === undefined || colour === undefined || seats === undefined) return undefined;
      return { place: row.place, externalId, shortName, name, colour, seats };
    },
    person(): PersonEntry | undefined {
      need(personColumns);
      if (wrong) return undefined;
      const externalId = take('external_id', required(line(row.get('external_id'), 200)));
      const username = take(
        'username',
        required(matching(line(row.get('username'), 64), usernamePattern, 'lowercase letters, digits, dot, dash or underscore; 2–64 characters')),
      );
      const givenName = take('given_name', required(line(row.get('given_name'), 100)));
      const familyName = take('family_name', required(line(row.get('family_name'), 100)));
      const roles = take('roles', roleList(row.get('roles')));
      const votingRights = take('voting_rights', flag(row.get('voting_rights')));
      const optional = <T>(column: CsvColumn, read: (raw: unknown) => Field<T>): { [k: string]: T } => {
        if (!row.has(column)) return {};
        const v = take(column, read(row.get(column)));
        return v === undefined ? {} : { [jsonKeyOf[column]]: v };
      };
      const rest = {
        ...optional('title', (r) => line(r, 200)),
        ...optional('email', (r) => matching(line(r, 254), emailPattern, 'must be an e-mail address')),
        ...optional('faction', (r) => line(r, 16)),
        ...optional('office', office),
        ...optional('member_from', isoDate),
        ...optional('member_to', isoDate),
      } as Pick<PersonEntry, 'title' | 'email' | 'faction' | 'office' | 'memberFrom' | 'memberTo'>;
      if (rest.memberFrom && rest.memberTo && rest.memberTo < rest.memberFrom) take('member_to', bad('must not be before member_from'));
      if (votingRights && roles && !roles.includes('member'))
        take('voting_rights', bad('only members of parliament hold a voting right; give the member role too'));
      if (
        wrong ||
        externalId === undefined ||
        username === undefined ||
        givenName === undefined ||
        familyName === undefined ||
        !roles ||
        votingRights === undefined
      )
        return undefined;
      return { place: row.place, externalId, username, givenName, familyName, roles, votingRights, ...rest };
    },
  };
}

const tooMany = (place: string[]): InputIssue => ({ path: place, message: `more than ${importLimits.maxRows} rows; split the file` });

function readCsv(content: string, issues: InputIssue[]): RosterFile {
  const parsed = parseCsv(content, importLimits.maxRows);
  if ('issues' in parsed) {
    issues.push(...parsed.issues);
    return { factions: [], people: [] };
  }
  const { header, rows } = parsed.table;
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const column = csvColumns.find((c) => c === h);
    if (!column) issues.push({ path: ['line 1', h.slice(0, 40)], message: `is not a column; columns are ${csvColumns.join(', ')}` });
    else if (index.has(column)) issues.push({ path: ['line 1', column], message: 'appears twice' });
    else index.set(column, i);
  });
  if (issues.length) return { factions: [], people: [] };
  const factions: FactionEntry[] = [];
  const people: PersonEntry[] = [];
  for (const r of rows) {
    const raw: RawRow = {
      place: { format: 'csv', line: r.line },
      has: (c) => index.has(c),
      get: (c) => {
        const i = index.get(c);
        return i === undefined ? undefined : r.cells[i];
      },
    };
    const kind = index.has('type') ? String(raw.get('type')).trim().toLowerCase() : 'person';
    const read = rowReader(raw, issues);
    if (kind === 'faction') {
      const f = read.faction();
      if (f) factions.push(f);
    } else if (kind === 'person') {
      const p = read.person();
      if (p) people.push(p);
    } else issues.push({ path: fieldPath(raw.place, 'type'), message: 'must be faction or person' });
    if (issues.length >= importLimits.maxIssues) break;
  }
  return { factions, people };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readJson(content: string, issues: InputIssue[]): RosterFile {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (e) {
    issues.push({ path: [], message: `not JSON: ${e instanceof Error ? e.message.slice(0, 200) : 'unreadable'}` });
    return { factions: [], people: [] };
  }
  if (!isPlainObject(doc)) {
    issues.push({ path: [], message: 'must be an object with the lists "factions" and "people"' });
    return { factions: [], people: [] };
  }
  for (const k of Object.keys(doc))
    if (k !== 'factions' && k !== 'people') issues.push({ path: [k.slice(0, 40)], message: 'is not a list of the roster; use factions and people' });
  const lists = { factions: doc.factions ?? [], people: doc.people ?? [] };
  const out: { factions: FactionEntry[]; people: PersonEntry[] } = { factions: [], people: [] };
  for (const list of ['factions', 'people'] as const) {
    const items = lists[list];
    if (!Array.isArray(items)) {
      issues.push({ path: [list], message: 'must be a list' });
      continue;
    }
    if (items.length > importLimits.maxRows) {
      issues.push(tooMany([list]));
      continue;
    }
    const keys: ReadonlySet<string> = new Set((list === 'factions' ? factionColumns : [...personColumns, ...optionalPersonColumns]).map((c) => jsonKeyOf[c]));
    items.forEach((item: unknown, index) => {
      if (issues.length >= importLimits.maxIssues) return;
      const place: RowPlace = { format: 'json', list, index };
      if (!isPlainObject(item)) {
        issues.push({ path: [list, String(index)], message: 'must be an object' });
        return;
      }
      for (const k of Object.keys(item)) if (!keys.has(k)) issues.push({ path: [list, String(index), k.slice(0, 40)], message: 'is not a field of this list' });
      const raw: RawRow = { place, has: (c) => Object.hasOwn(item, jsonKeyOf[c]), get: (c) => item[jsonKeyOf[c]] };
      const read = rowReader(raw, issues);
      if (list === 'factions') {
        const f = read.faction();
        if (f) out.factions.push(f);
      } else {
        const p = read.person();
        if (p) out.people.push(p);
      }
    });
  }
  if (out.factions.length + out.people.length > importLimits.maxRows) issues.push(tooMany([]));
  return out;
}

/** The file's entries, or every issue (at most importLimits.maxIssues) with its row and column. */
export function readRosterFile(format: RosterFormat, content: string): { file: RosterFile } | { issues: InputIssue[] } {
  if (content.length > importLimits.maxChars)
    return { issues: [{ path: [], message: `the file has more than ${importLimits.maxChars} characters; split it` }] };
  const issues: InputIssue[] = [];
  const file = format === 'csv' ? readCsv(content, issues) : readJson(content, issues);
  return issues.length ? { issues: issues.slice(0, importLimits.maxIssues) } : { file };
}
