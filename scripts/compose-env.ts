/**
 * What compose.yaml gives Plenum, read without a YAML library (none is installed, and this needs
 * little): the block mapping `services.plenum.environment` and every `${VAR…}` it interpolates.
 *
 * The subset read: two-space indentation; `services:` at column 0; each service a `  name:` line;
 * inside `  plenum:`, `    environment:` followed by `      KEY: value` lines (a value may be in
 * double quotes; `#` comment lines and blank lines are skipped). Any other line inside that
 * environment block is reported, so the file cannot drift out of what is checked.
 */
import { randomBytes } from 'node:crypto';

export interface ComposeEnvironment {
  readonly services: readonly string[];
  /** KEY → the value as written, `${…}` not yet replaced. */
  readonly plenum: ReadonlyMap<string, string>;
  /** Lines of the plenum environment block outside the subset. */
  readonly unreadable: readonly string[];
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const skipped = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');

export function readComposeEnvironment(text: string): ComposeEnvironment {
  const lines = text.split('\n');
  const services: string[] = [];
  const plenum = new Map<string, string>();
  const unreadable: string[] = [];
  let section: 'none' | 'services' = 'none';
  let service = '';
  let inEnvironment = false;
  for (const line of lines) {
    if (skipped(line)) continue;
    const indent = indentOf(line);
    if (indent === 0) {
      section = line.startsWith('services:') ? 'services' : 'none';
      service = '';
      inEnvironment = false;
      continue;
    }
    if (section !== 'services') continue;
    if (indent === 2) {
      service = /^ {2}([\w-]+):\s*$/.exec(line)?.[1] ?? '';
      if (service) services.push(service);
      inEnvironment = false;
      continue;
    }
    if (service !== 'plenum') continue;
    if (indent === 4) {
      inEnvironment = /^ {4}environment:\s*$/.test(line);
      continue;
    }
    if (!inEnvironment) continue;
    const entry = /^ {6}([A-Z][A-Z0-9_]*): (.+)$/.exec(line);
    if (!entry) {
      unreadable.push(line);
      continue;
    }
    // YAML refuses a key twice in one mapping; so does this reader.
    if (plenum.has(entry[1]!)) unreadable.push(`${line} (a second time)`);
    const raw = entry[2]!.trim();
    plenum.set(entry[1]!, raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw);
  }
  return { services, plenum, unreadable };
}

/** `KEY=value` lines of a .env file (comments and blank lines skipped). */
export function readDotEnv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) values.set(m[1]!, m[2]!);
  }
  return values;
}

const reference = /\$\{([A-Z][A-Z0-9_]*)(?:(:?[?-])([^}]*))?\}/g;

/** Every variable compose.yaml interpolates anywhere in the file (comments are not interpolated). */
export function interpolatedVariables(text: string): Set<string> {
  const code = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  return new Set([...code.matchAll(reference)].map((m) => m[1]!));
}

/**
 * Compose's interpolation with the operator's .env: empty values of .env.example are the secrets an
 * operator generates (`openssl rand -hex 32`), so they are filled the same way here.
 */
export function interpolate(value: string, dotEnv: ReadonlyMap<string, string>, generated: Map<string, string>): string {
  return value.replace(reference, (_all, name: string, op: string | undefined, fallback: string | undefined) => {
    const given = dotEnv.get(name);
    if (given) return given;
    if (op?.endsWith('-')) return fallback ?? '';
    let secret = generated.get(name);
    if (!secret) generated.set(name, (secret = randomBytes(32).toString('hex')));
    return secret;
  });
}
