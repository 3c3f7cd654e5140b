/** Files that readers (FFmpeg, the HTTP route, players) must never see half written. */
import fs from 'node:fs/promises';

/** Writes to a temporary name beside `file`, then renames it over `file` (atomic on one file system). */
export async function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}
