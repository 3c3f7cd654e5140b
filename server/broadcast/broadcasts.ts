import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';
import type { Booth, Person } from '../domain/parliament';
import { RuleViolation } from '../domain/errors';
import type { Logger } from '../log';
import type { MediaRegistry } from '../media/media-registry';
import type { SittingMedia } from '../media/sitting-media';
import type { ProcedureSnapshot } from '../services/procedure';
import type { PlenumPubSub } from '../services/pubsub';
import { Broadcast } from '../../streaming/broadcast';
import { CARD_WORDS, programDirection, type CardWords } from './program-direction';
import { programSource } from './program-source';
import { isChairTeam } from '@contract/roles';
import { ARCHIVE_PLAYLIST } from '../../streaming/recording';
import { recordingChapters, type RecordingChapter, type RecordingRun } from '../domain/recording-chapters';
import type { Protocol } from '../domain/protocol/protocol';
import { readRecordingRuns } from './recording-runs';

export interface BroadcastsDeps {
  readonly config: Config;
  readonly registry: MediaRegistry;
  readonly pubsub: PlenumPubSub;
  readonly log: Logger;
  snapshot(sittingId: string): Promise<ProcedureSnapshot>;
  activeSittingIds(): Promise<readonly string[]>;
  people(): Promise<readonly Person[]>;
  booths(): Promise<readonly Booth[]>;
}

/** A sitting's recording as the API lists it: the file is public under /hls/<sitting>/recordings/. */
export interface RecordingFile {
  readonly language: string;
  readonly name: string;
  readonly path: string;
  readonly durationSeconds: number;
}

interface Live {
  readonly broadcast: Broadcast;
  readonly media: SittingMedia;
  timer: NodeJS.Timeout | null;
}

const RECORDINGS_INDEX = 'recordings.json';
/** How soon a broadcast that could not start is tried again. */
const RETRY_MS = 1_000;

/**
 * Every open sitting is broadcast: started when the record says the sitting is open (or was, at
 * start-up), directed after every commit, ended with its recordings when the sitting closes. A
 * media worker that dies takes the sitting's media with it; the broadcast goes on from its archive
 * on the rebuilt media, the gap marked as a discontinuity. Work per sitting runs one at a time.
 */
/** How many closed sittings' chapters are kept folded. */
const CHAPTER_SITTINGS_KEPT = 16;

export class Broadcasts {
  private readonly live = new Map<string, Live>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly words: CardWords;
  private stopped = false;
  /** The commits start() follows; ended by stop(). */
  private commits: AsyncGenerator<unknown> | null = null;
  /** Retries of broadcasts that could not start; cleared by stop(). */
  private readonly retries = new Set<NodeJS.Timeout>();
  /** A closed sitting's chapters by its recording's runs: anyone may ask, and the record is folded once, not per request. */
  private readonly chapters = new Map<string, { readonly runs: string; readonly chapters: Promise<RecordingChapter[]> }>();

  constructor(private readonly deps: BroadcastsDeps) {
    this.words = deps.config.broadcast.floorLanguage.startsWith('de') ? CARD_WORDS.de : CARD_WORDS.en;
  }

  async start(): Promise<void> {
    const commits = this.deps.pubsub.subscribe('procedure:any');
    this.commits = commits;
    void (async () => {
      for await (const c of commits) {
        // Ballots never change the program; a vote storm must not re-read the roster twice a second.
        if (c.changes.procedure) void this.sync(c.sittingId);
      }
    })();
    for (const id of await this.deps.activeSittingIds()) void this.sync(id);
  }

  /** Brings a sitting's broadcast in line with its procedure; queued behind earlier work on it. */
  sync(sittingId: string): Promise<void> {
    const next = (this.queues.get(sittingId) ?? Promise.resolve())
      .then(() => this.apply(sittingId))
      .catch((error: unknown) => this.deps.log.error('broadcast | sync failed', { sitting: sittingId, error }));
    this.queues.set(sittingId, next);
    void next.finally(() => {
      if (this.queues.get(sittingId) === next) this.queues.delete(sittingId);
    });
    return next;
  }

  addCaption(sittingId: string, text: string, at: Date): void {
    const live = this.live.get(sittingId);
    if (!live) throw new RuleViolation('broadcast.not_running', 'captions are added while the sitting is broadcast');
    live.broadcast.addCaption(text, at);
  }

  isLive(sittingId: string): boolean {
    return this.live.has(sittingId);
  }

  /** The sitting's program FFmpeg now (pid null between a crash and its restart), for health and tests. */
  process(sittingId: string): { pid: number | null; runs: number } | null {
    return this.live.get(sittingId)?.broadcast.process ?? null;
  }

  async recordings(sittingId: string): Promise<readonly RecordingFile[]> {
    try {
      return JSON.parse(await fs.readFile(path.join(this.publicDir(sittingId), 'recordings', RECORDINGS_INDEX), 'utf8')) as RecordingFile[];
    } catch {
      return [];
    }
  }

  /** The recording's runs on the wall clock (from the private archive), to place the record's moments in it. */
  recordingRuns(sittingId: string): Promise<readonly RecordingRun[]> {
    return readRecordingRuns(path.join(this.deps.config.dataDir, 'archive', sittingId, 'video', ARCHIVE_PLAYLIST));
  }

  /**
   * A closed sitting's chapters in its recording. The record of a closed sitting no longer changes, so
   * the fold is kept while the recording's runs stay the same; a few sittings at most (the newest).
   */
  async closedSittingChapters(sittingId: string, protocol: () => Promise<Protocol>): Promise<RecordingChapter[]> {
    const runs = await this.recordingRuns(sittingId);
    if (runs.length === 0) return [];
    const key = JSON.stringify(runs);
    const kept = this.chapters.get(sittingId);
    if (kept?.runs === key) return kept.chapters;
    const chapters = protocol().then((p) => recordingChapters(p, runs));
    // A failed fold is not kept: the next request tries again.
    chapters.catch(() => {
      if (this.chapters.get(sittingId)?.chapters === chapters) this.chapters.delete(sittingId);
    });
    this.chapters.delete(sittingId);
    this.chapters.set(sittingId, { runs: key, chapters });
    for (const oldest of this.chapters.keys()) {
      if (this.chapters.size <= CHAPTER_SITTINGS_KEPT) break;
      this.chapters.delete(oldest);
    }
    return chapters;
  }

  /**
   * Plenum stops: every broadcast ends as at a close, its playlists end-listed and its recordings
   * (the sitting so far) assembled and listed, so that a stop which is never followed by a start
   * leaves a complete recording. A later start goes on from the archive (the lists are reopened)
   * and the sitting's close assembles the whole again.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    void this.commits?.return(undefined);
    this.commits = null;
    for (const t of this.retries) clearTimeout(t);
    this.retries.clear();
    await Promise.allSettled(this.queues.values());
    await Promise.allSettled(
      [...this.live.keys()].map((id) =>
        this.end(id).catch((error: unknown) => this.deps.log.error('broadcast | could not finalise the recording at the stop', { sitting: id, error })),
      ),
    );
  }

  private async apply(sittingId: string): Promise<void> {
    if (this.stopped) return;
    const snap = await this.deps.snapshot(sittingId);
    const phase = snap.state.phase;
    if (phase === 'closed') return this.end(sittingId);
    if (phase !== 'open' && phase !== 'suspended') return;
    const live =
      this.live.get(sittingId) ??
      (await this.begin(sittingId).catch((error: unknown) => {
        // No live worker yet (one just died and its replacement is starting): try again shortly.
        if (!this.stopped) {
          const retry = setTimeout(() => {
            this.retries.delete(retry);
            void this.sync(sittingId);
          }, RETRY_MS).unref();
          this.retries.add(retry);
        }
        throw error;
      }));
    const chairs = await this.chairsInPrecedence();
    const direction = programDirection(snap.state, chairs, snap.now, this.words);
    await live.broadcast.setProgram(direction);
    if (live.timer) clearTimeout(live.timer);
    live.timer = direction.until ? setTimeout(() => void this.sync(sittingId), Math.max(0, direction.until.getTime() - Date.now()) + 50) : null;
  }

  private async begin(sittingId: string): Promise<Live> {
    const { config } = this.deps;
    const media = await this.deps.registry.getOrCreate(sittingId);
    const spoken = (await this.deps.booths()).filter((b) => b.kind === 'spoken');
    const broadcast = await Broadcast.start(programSource(media), {
      outDir: this.publicDir(sittingId),
      archiveDir: path.join(config.dataDir, 'archive', sittingId),
      dvrSeconds: config.broadcast.dvrSeconds,
      ports: config.broadcast.ports,
      floor: { language: config.broadcast.floorLanguage, name: 'Original' },
      interpretations: spoken.map((b) => ({ language: b.language, name: b.name })),
      log: this.deps.log,
    });
    const live: Live = { broadcast, media, timer: null };
    this.live.set(sittingId, live);
    media.once('close', (reason) => {
      if (reason !== 'worker_died' || this.live.get(sittingId) !== live) return;
      // The media is rebuilt on a live worker; the broadcast goes on there from its archive.
      this.live.delete(sittingId);
      void this.halt(live).then(() => this.sync(sittingId));
    });
    this.deps.log.info('broadcast | started', { sitting: sittingId });
    return live;
  }

  private async end(sittingId: string): Promise<void> {
    const live = this.live.get(sittingId);
    if (!live) return;
    this.live.delete(sittingId);
    if (live.timer) clearTimeout(live.timer);
    const result = await live.broadcast.stop();
    // The recordings are public beside the stream, listed with their languages.
    const dir = path.join(this.publicDir(sittingId), 'recordings');
    await fs.mkdir(dir, { recursive: true });
    const files: RecordingFile[] = [];
    for (const r of result.recordings) {
      const name = path.basename(r.file);
      await fs.rm(path.join(dir, name), { force: true });
      await fs.link(r.file, path.join(dir, name));
      files.push({ language: r.language, name: r.name, path: `/hls/${sittingId}/recordings/${name}`, durationSeconds: r.durationSeconds });
    }
    if (result.captionsFile) {
      const name = path.basename(result.captionsFile);
      await fs.rm(path.join(dir, name), { force: true });
      await fs.link(result.captionsFile, path.join(dir, name));
      files.push({ language: 'captions', name: 'Captions (WebVTT)', path: `/hls/${sittingId}/recordings/${name}`, durationSeconds: 0 });
    }
    await fs.writeFile(path.join(dir, RECORDINGS_INDEX), JSON.stringify(files));
    this.deps.log.info('broadcast | ended with its recordings', { sitting: sittingId, recordings: files.length });
  }

  private async halt(live: Live): Promise<void> {
    if (live.timer) clearTimeout(live.timer);
    await live.broadcast.halt();
  }

  /** The president first, then the vice-presidents, then the rest of the chair's team. */
  private async chairsInPrecedence(): Promise<string[]> {
    const rank = (p: Person) => (p.office === 'president' ? 0 : p.office === 'vice_president' ? 1 : p.roles.includes('chair') ? 2 : 3);
    return (await this.deps.people())
      .filter((p) => isChairTeam(p.roles))
      .sort((a, b) => rank(a) - rank(b))
      .map((p) => p.id);
  }

  private publicDir(sittingId: string): string {
    return path.join(this.deps.config.dataDir, 'hls', sittingId);
  }
}
