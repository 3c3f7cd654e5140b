/**
 * Bench helper: how much CPU this process and everything it started (mediasoup workers, FFmpeg,
 * Chromium, autocannon) used, and how much the rest of the machine did, over a window. On a
 * two-core machine shared with other work, a figure measured while other processes took a good
 * part of a core says more about them than about Plenum: the bench flags it. Beside it, the
 * longest this process's event loop was held up (the server and the program feed's slots run on it).
 */
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

interface ProcSample {
  readonly ppid: number;
  readonly ticks: number;
}

function readProcs(): Map<number, ProcSample> {
  const procs = new Map<number, ProcSample>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) }); // ppid, utime + stime
    } catch {
      // gone meanwhile
    }
  }
  return procs;
}

export interface CpuWindow {
  /** Percent of one core: this process and its descendants. */
  readonly ours: number;
  /** Percent of one core: every other process on the machine. */
  readonly others: number;
  readonly seconds: number;
  /** The longest delay of this process's event loop in the window, ms. */
  readonly loopMaxMs: number;
}

/** Samples /proc twice a second; windows are read between marks. */
export class CpuWatch {
  private readonly timer: NodeJS.Timeout;
  private last = readProcs();
  private ours = 0;
  private others = 0;
  private mark = { ours: 0, others: 0, at: Date.now() };
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });

  constructor(private readonly root = process.pid) {
    this.timer = setInterval(() => this.sample(), 500);
    this.loop.enable();
  }

  /** The window since the last call (or since the watch started). */
  window(): CpuWindow {
    this.sample();
    const now = Date.now();
    const seconds = (now - this.mark.at) / 1_000;
    const pct = (ticks: number) => Math.round((ticks / 100 / Math.max(seconds, 0.001)) * 100); // USER_HZ = 100
    const w = { ours: pct(this.ours - this.mark.ours), others: pct(this.others - this.mark.others), seconds, loopMaxMs: Math.round(this.loop.max / 1e6) };
    this.mark = { ours: this.ours, others: this.others, at: now };
    this.loop.reset();
    return w;
  }

  stop(): void {
    clearInterval(this.timer);
    this.loop.disable();
  }

  private sample(): void {
    const now = readProcs();
    const ourTree = new Set<number>([this.root]);
    // Parents come before children often but not always: repeat until no new descendant appears.
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, p] of now) {
        if (!ourTree.has(pid) && ourTree.has(p.ppid)) {
          ourTree.add(pid);
          grew = true;
        }
      }
    }
    for (const [pid, p] of now) {
      const before = this.last.get(pid);
      if (!before) continue; // started within the interval: counted from the next one
      const delta = Math.max(0, p.ticks - before.ticks);
      if (ourTree.has(pid)) this.ours += delta;
      else this.others += delta;
    }
    this.last = now;
  }
}
