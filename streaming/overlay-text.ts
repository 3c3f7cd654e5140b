/**
 * The text FFmpeg draws over the program (lower third, vote card), written to the files its
 * drawtext filters re-read every frame. Each write goes to a temporary file that is renamed
 * over the old one, so FFmpeg never reads half a name. An empty file draws nothing, box included.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';
import { OVERLAY_FILES } from './program-ffmpeg-args';

export interface LowerThird {
  readonly name: string;
  /** Faction (parliamentary group); empty for independents and guests. */
  readonly faction: string;
}

export class OverlayText {
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly dir: string) {}

  /** Creates the files empty: drawtext refuses to start on a missing file. */
  async init(): Promise<void> {
    await Promise.all(Object.values(OVERLAY_FILES).map((file) => fs.writeFile(path.join(this.dir, file), '')));
  }

  setLowerThird(lower: LowerThird | null): Promise<void> {
    return this.enqueue([
      [OVERLAY_FILES.name, oneLine(lower?.name ?? '')],
      [OVERLAY_FILES.faction, oneLine(lower?.faction ?? '')],
    ]);
  }

  setVoteCard(text: string | null): Promise<void> {
    return this.enqueue([[OVERLAY_FILES.card, clean(text ?? '')]]);
  }

  /** Writes in call order: a later text never loses to an earlier one still being written. */
  private enqueue(files: readonly (readonly [string, string])[]): Promise<void> {
    const next = this.writes.then(async () => {
      for (const [file, text] of files) await writeFileAtomic(path.join(this.dir, file), text);
    });
    this.writes = next.catch(() => undefined);
    return next;
  }
}

/** Control characters out (drawtext would draw boxes for them); lines kept. */
function clean(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- the control characters are what this removes
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
      .trim()
  );
}

function oneLine(text: string): string {
  return clean(text).replace(/\s*\n\s*/g, ' ');
}
