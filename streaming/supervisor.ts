/**
 * Keeps one FFmpeg process running: starts it, restarts it soon after it dies (the first
 * restart within a quarter second, backing off only when it keeps dying young), and stops it
 * cleanly (SIGINT lets FFmpeg finish its segment and playlists; SIGKILL after a timeout).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import type { Logger } from './program-port';

export interface SupervisorOptions {
  readonly command: string;
  readonly cwd: string;
  /** Called before every start, the first and each restart: this run's arguments. */
  readonly prepare: (run: number) => Promise<readonly string[]>;
  readonly log: Logger;
  /** Delays before restarts of a process that keeps dying young; the last one repeats. */
  readonly restartDelaysMs?: readonly number[];
}

export interface SupervisorEvents {
  /** Run `run` (0, 1, …) is running as process `pid`. */
  started: [run: number, pid: number];
  /** Run `run` ended by itself (not by stop()); the tail of its stderr says why. */
  crashed: [run: number, exit: { code: number | null; signal: NodeJS.Signals | null }, stderrTail: string];
  /** A restart failed to even spawn or prepare; the supervisor tries again after the next delay. */
  restartFailed: [error: Error];
}

/** A run that lived this long counts as healthy: the next crash restarts after the shortest delay. */
const HEALTHY_RUN_MS = 30_000;
const STDERR_TAIL_LINES = 40;

export class FfmpegSupervisor extends EventEmitter<SupervisorEvents> {
  private child: ChildProcess | null = null;
  private run = -1;
  private stopping = false;
  private youngDeaths = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private stderrTail: string[] = [];

  constructor(private readonly opts: SupervisorOptions) {
    super();
  }

  /** The running FFmpeg's pid, or null between runs. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  get runs(): number {
    return this.run + 1;
  }

  /** Starts the first run; rejects if it cannot be prepared or spawned. */
  async start(): Promise<void> {
    if (this.run >= 0) throw new Error('FfmpegSupervisor.start(): already started');
    await this.spawnRun();
  }

  /** Stops FFmpeg (SIGINT, then SIGKILL after `timeoutMs`) and does not restart it. Idempotent. */
  async stop(timeoutMs = 5_000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const timer = setTimeout(() => {
      this.opts.log.warn('stop() | FFmpeg did not stop in time, killing it', { pid: child.pid, timeoutMs });
      child.kill('SIGKILL');
    }, timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private async spawnRun(): Promise<void> {
    const run = ++this.run;
    const args = await this.opts.prepare(run);
    if (this.stopping) return;
    const child = spawn(this.opts.command, args, { cwd: this.opts.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    this.stderrTail = [];
    const startedAt = Date.now();
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderrTail.push(...chunk.split('\n').filter(Boolean));
      if (this.stderrTail.length > STDERR_TAIL_LINES) this.stderrTail.splice(0, this.stderrTail.length - STDERR_TAIL_LINES);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
    } catch (error) {
      this.child = null;
      throw error;
    }
    child.on('error', (error) => this.opts.log.warn('FFmpeg process error', { run, error }));
    child.once('exit', (code, signal) => this.onExit(run, child, startedAt, code, signal));
    this.opts.log.info('spawnRun() | FFmpeg started', { run, pid: child.pid });
    this.emit('started', run, child.pid!);
  }

  private onExit(run: number, child: ChildProcess, startedAt: number, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child === child) this.child = null;
    if (this.stopping) return;
    const tail = this.stderrTail.join('\n');
    this.opts.log.error('onExit() | FFmpeg died, restarting it', { run, code, signal, stderr: tail.slice(-2_000) });
    this.emit('crashed', run, { code, signal }, tail);
    this.youngDeaths = Date.now() - startedAt >= HEALTHY_RUN_MS ? 0 : this.youngDeaths + 1;
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const delays = this.opts.restartDelaysMs ?? [250, 1_000, 2_000, 5_000, 10_000];
    const delay = delays[Math.min(Math.max(this.youngDeaths - 1, 0), delays.length - 1)]!;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.spawnRun().catch((error: unknown) => {
        const err = error instanceof Error ? error : new Error(String(error));
        this.opts.log.error('scheduleRestart() | FFmpeg could not be restarted', { error: err });
        this.emit('restartFailed', err);
        this.youngDeaths++;
        if (!this.stopping) this.scheduleRestart();
      });
    }, delay);
  }
}
