import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder Plenum is installed in: the nearest ancestor of this module holding package.json.
 * From source that is the checkout (server/ → ..); from the compiled bundle (dist/server/main.js,
 * where every module shares the bundle's location) it is two levels up, in a checkout and in the
 * unpacked release alike. Files read at run time (the built client, fixtures/) are found from here.
 */
function findInstallRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}: Plenum's files are not where they were installed`);
  }
}

export const installRoot = findInstallRoot(import.meta.dirname);
