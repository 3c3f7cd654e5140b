// Whether dist/client is built and newer than every client source (`npm start` and `npm run package`
// build it only when it is not).
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function clientIsFresh(root) {
  const index = path.join(root, 'dist/client/browser/index.html');
  if (!fs.existsSync(index)) return false;
  const sources = Math.max(newestMtime(path.join(root, 'client')), fs.statSync(path.join(root, 'angular.json')).mtimeMs);
  return fs.statSync(index).mtimeMs >= sources;
}
