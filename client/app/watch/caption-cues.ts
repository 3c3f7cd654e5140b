/** A caption cue as hls.js parses it from the WebVTT rendition (a VTTCue). */
export interface CaptionCue {
  readonly startTime: number;
  readonly endTime: number;
  readonly text: string;
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** A WebVTT cue's text as plain text: no voice, class or timestamp tags, entities decoded. */
export function plainCueText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_match, name: string) => entities[name] ?? '')
    .trim();
}

/** How much of the past the book keeps: enough to go back a little, not the whole sitting. */
export const keptCueSeconds = 120;

/**
 * The caption cues of the chosen rendition as they arrive, segment by segment (each once, however
 * often segments repeat it), and what they say at a moment. The page draws the captions itself, in
 * its own type and contrast, readable by assistive technology and tests, and without the <track>
 * elements hls.js would otherwise add (their data: URL is not a source the server's policy allows).
 */
export class CaptionBook {
  private cues: CaptionCue[] = [];
  private readonly seen = new Set<string>();

  add(cues: Iterable<CaptionCue>): void {
    for (const cue of cues) {
      const key = `${cue.startTime}|${cue.endTime}|${cue.text}`;
      if (!this.seen.has(key)) {
        this.seen.add(key);
        this.cues.push({ startTime: cue.startTime, endTime: cue.endTime, text: cue.text });
      }
    }
  }

  clear(): void {
    this.cues = [];
    this.seen.clear();
  }

  /** The cues showing at `time`, one line each, in order; forgets cues long past. */
  textAt(time: number): string {
    if (this.cues.some((cue) => cue.endTime < time - keptCueSeconds)) {
      this.cues = this.cues.filter((cue) => cue.endTime >= time - keptCueSeconds);
      this.seen.clear();
      for (const cue of this.cues) {
        this.seen.add(`${cue.startTime}|${cue.endTime}|${cue.text}`);
      }
    }
    const lines: string[] = [];
    for (const cue of [...this.cues].sort((a, b) => a.startTime - b.startTime)) {
      const line = plainCueText(cue.text);
      if (cue.startTime <= time && time < cue.endTime && line !== '' && !lines.includes(line)) {
        lines.push(line);
      }
    }
    return lines.join('\n');
  }
}
