// The layer rules of eslint.config.mjs, tried: an import that crosses a boundary is reported at every
// folder depth that exists in the layer (the rules are written per depth, so a new, deeper folder
// that the config does not reach fails here), and the imports a layer may make are not.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tracked = execFileSync('git', ['ls-files', '*.ts'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

/** One source file per folder depth below `folder` (depth 0: files directly in it), tests and specs aside. */
function onePerDepth(folder: string, skip: (file: string) => boolean = () => false): { file: string; depth: number }[] {
  const byDepth = new Map<number, string>();
  for (const file of tracked) {
    if (!file.startsWith(`${folder}/`) || /\.(test|spec)\.ts$/.test(file) || file.endsWith('.generated.ts') || skip(file)) continue;
    const depth = file.slice(folder.length + 1).split('/').length - 1;
    if (!byDepth.has(depth)) byDepth.set(depth, file);
  }
  return [...byDepth].map(([depth, file]) => ({ file, depth }));
}

const up = (depth: number) => '../'.repeat(depth + 1);

let eslint: ESLint;
/** The layer rule's reports on `code` as if it were `file`; a file ESLint cannot parse (not in a project) fails here, named. */
async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const messages = result?.messages ?? [];
  expect(
    messages.filter((m) => m.fatal),
    file,
  ).toEqual([]);
  return messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

beforeAll(() => {
  // Under CI=true typescript-eslint infers a "single run" and lints the files as they are on disk,
  // not the text handed to lintText: ask it not to, so the probes below are what is linted.
  eslint = new ESLint({ cwd: root, overrideConfig: { languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } } } });
});

describe('the layer rules in eslint.config.mjs', { timeout: 120_000 }, () => {
  it('keep server/domain free of I/O and of the layers above it, at every depth', async () => {
    const files = onePerDepth('server/domain', (f) => f.endsWith('spec-support.ts'));
    expect(files.length).toBeGreaterThan(1);
    for (const { file, depth } of files) {
      expect(await restricted(file, `import { Kysely } from 'kysely';\nexport const k = Kysely;\n`), file).toHaveLength(1);
      expect(await restricted(file, `import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n`), file).toHaveLength(1);
      expect(await restricted(file, `import { createServices } from '${up(depth)}services';\nexport const s = createServices;\n`), file).toHaveLength(1);
      expect(await restricted(file, `import { roles } from '@contract/roles';\nexport const r = roles;\n`), file).toEqual([]);
    }
  });

  it('keep streaming/ from importing server/, at every depth', async () => {
    for (const { file, depth } of onePerDepth('streaming')) {
      expect(await restricted(file, `import { createLogger } from '${up(depth)}server/log';\nexport const l = createLogger;\n`), file).toHaveLength(1);
    }
  });

  it('let client/ import from outside itself only the contract, at every depth', async () => {
    const files = onePerDepth('client', (f) => f.startsWith('client/codegen/') || f.startsWith('client/testing/'));
    expect(files.length).toBeGreaterThan(1);
    for (const { file, depth } of files) {
      expect(await restricted(file, `import { roles } from '${up(depth)}server/domain/parliament';\nexport const r = roles;\n`), file).toHaveLength(1);
      expect(await restricted(file, `import { roles } from '@contract/roles';\nexport const r = roles;\n`), file).toEqual([]);
    }
  });

  it('let contract/ import its own files and nothing else, at every depth', async () => {
    const files = onePerDepth('contract');
    expect(files.length).toBeGreaterThan(1);
    for (const { file, depth } of files) {
      expect(await restricted(file, `import { z } from 'zod';\nexport const s = z;\n`), file).toHaveLength(1);
      expect(await restricted(file, `import { roles } from '${up(depth)}server/domain/parliament';\nexport const r = roles;\n`), file).toHaveLength(1);
      expect(await restricted(file, `import { roles } from '${depth === 0 ? './' : '../'.repeat(depth)}roles';\nexport const r = roles;\n`), file).toEqual([]);
    }
  });
});
