// streaming/ stands behind its port (program-port.ts): it imports nothing from server/, and in
// server/ only the broadcast adapter (server/broadcast/) and the composition root (server/app.ts)
// import streaming/. Tests are exempt from the second rule: they wire real pieces together, as a
// composition root does. A scan of the sources, so a new import across the line fails here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COMPOSITION_ROOT = 'server/app.ts';
const ADAPTER_DIR = 'server/broadcast/';

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** The repository paths (no extension) `file` imports by relative specifier: static, re-export or dynamic. */
function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    path.relative(root, path.resolve(root, path.dirname(file), m[1]!)),
  );
}

function crossings(files: readonly string[], into: string): string[] {
  return files.flatMap((f) =>
    imports(f)
      .filter((target) => target.startsWith(into))
      .map((target) => `${f} → ${target}`),
  );
}

describe('the streaming boundary', () => {
  it('streaming/ imports nothing from server/', () => {
    expect(crossings(sources('streaming'), 'server/')).toEqual([]);
  });

  it('in server/, only the broadcast adapter and the composition root import streaming/', () => {
    const server = sources('server');
    const allowed = (f: string) => f.startsWith(ADAPTER_DIR) || f === COMPOSITION_ROOT || f.endsWith('.test.ts');
    expect(
      crossings(
        server.filter((f) => !allowed(f)),
        'streaming/',
      ),
    ).toEqual([]);
    // The scan sees imports at all: the adapter's are found.
    expect(
      crossings(
        server.filter((f) => f.startsWith(ADAPTER_DIR)),
        'streaming/',
      ).length,
    ).toBeGreaterThan(0);
  });
});
