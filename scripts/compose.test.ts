import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from '../server/config';
import { interpolate, interpolatedVariables, readComposeEnvironment, readDotEnv } from './compose-env';

const root = path.resolve(import.meta.dirname, '..');
const composeText = fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8');
const envExampleText = fs.readFileSync(path.join(root, '.env.example'), 'utf8');

/** Read by streaming/ffmpeg-path.ts rather than the schema. */
const readOutsideSchema = ['FFMPEG_BIN', 'FFPROBE_BIN'];

/** The problems with what a compose file gives Plenum: unknown variables, values the server refuses. */
function problemsOf(compose: string, envExample: string): string[] {
  const { plenum, unreadable } = readComposeEnvironment(compose);
  const problems = unreadable.map((line) => `outside the subset scripts/compose-env.ts reads: ${line.trim()}`);
  if (plenum.size === 0) problems.push('services.plenum.environment is missing or empty');
  const dotEnv = readDotEnv(envExample);
  const generated = new Map<string, string>();
  const env: Record<string, string> = {};
  for (const [key, raw] of plenum) {
    const known = configVariables.includes(key) || readOutsideSchema.includes(key);
    if (!known) problems.push(`${key}: not a variable Plenum reads`);
    env[key] = interpolate(raw, dotEnv, generated);
  }
  try {
    loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  return problems;
}

describe('compose.yaml', () => {
  it('has the stack: postgres, keycloak, coturn and plenum built from the Dockerfile', () => {
    const { services } = readComposeEnvironment(composeText);
    expect(services).toEqual(expect.arrayContaining(['postgres', 'keycloak', 'coturn', 'plenum']));
    expect(composeText).toMatch(/\n {2}plenum:\n(?: {4}.*\n|\s*#.*\n)*? {4}build: \.\n/);
    expect(composeText).toContain('--import-realm');
  });

  it('gives Plenum only variables of its configuration schema, with values it accepts in production', () => {
    const { plenum } = readComposeEnvironment(composeText);
    expect(plenum.get('NODE_ENV')).toBe('production');
    expect(problemsOf(composeText, envExampleText)).toEqual([]);
  });

  it('fails on an unknown variable, an invalid value, a key given twice and a line it cannot read', () => {
    const first = '      NODE_ENV: production\n';
    const hostile = composeText.replace(
      first,
      `${first}      PUBLIC_URLS: https://typo.example.org\n      MEDIA_WORKERS: "seventy"\n      - LIST=form\n      NODE_ENV: development\n`,
    );
    expect(hostile).not.toBe(composeText);
    const problems = problemsOf(hostile, envExampleText);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PUBLIC_URLS: not a variable/),
        expect.stringMatching(/^MEDIA_WORKERS: /),
        expect.stringMatching(/outside the subset.*- LIST=form/),
        expect.stringMatching(/outside the subset.*NODE_ENV: development \(a second time\)/),
      ]),
    );
    // A value refused by the schema through .env: a plain-text PUBLIC_URL.
    expect(problemsOf(composeText, envExampleText.replace(/^PUBLIC_URL=.*$/m, 'PUBLIC_URL=plenum.example.org'))).toEqual([
      expect.stringMatching(/^PUBLIC_URL: /),
    ]);
  });

  it('has no secret or site in the file: each comes from .env, and .env.example names exactly those', () => {
    const used = interpolatedVariables(composeText);
    const example = readDotEnv(envExampleText);
    expect([...used].sort()).toEqual([...example.keys()].sort());
    for (const line of composeText.split('\n')) {
      const m = /^\s*-?\s*([\w.-]*(?:PASSWORD|SECRET|TOKEN)[\w.-]*)[:=]\s*(.+)$/i.exec(line);
      if (m && !line.trimStart().startsWith('#')) expect(m[2], line.trim()).toMatch(/^\$\{[A-Z_]+:\?/);
    }
    // Secrets are left empty in the example: nobody runs with a published one.
    for (const key of [
      'POSTGRES_PASSWORD',
      'KEYCLOAK_DB_PASSWORD',
      'KEYCLOAK_ADMIN_PASSWORD',
      'SESSION_SECRET',
      'OIDC_CLIENT_SECRET',
      'TURN_SECRET',
      'METRICS_TOKEN',
    ]) {
      expect(example.get(key), key).toBe('');
    }
  });
});
