// The last line of defence, in a process of its own: an uncaught exception and an unhandled rejection
// are logged and counted, and the process goes on (Node's default would end it with both).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const server = path.resolve(import.meta.dirname);

const script = `
const { installProcessGuard } = await import(${JSON.stringify(path.join(server, 'process-guard.ts'))});
const { createLogger } = await import(${JSON.stringify(path.join(server, 'log.ts'))});
const { createMetrics } = await import(${JSON.stringify(path.join(server, 'http/metrics.ts'))});
installProcessGuard(createLogger('error'));
const metrics = createMetrics();
setTimeout(() => { throw new Error('thrown from a timer'); }, 1);
Promise.reject(new Error('rejected and never caught'));
setTimeout(async () => {
  process.stdout.write(await metrics.registry.getSingleMetricAsString('plenum_unhandled_errors_total'));
}, 200);
`;

describe('process guard', () => {
  it('logs and counts an uncaught exception and an unhandled rejection, and the process lives on', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^plenum_unhandled_errors_total 2$/m);
    expect(run.stderr).toMatch(/uncaught exception; kept running.*thrown from a timer/);
    expect(run.stderr).toMatch(/unhandled rejection; kept running.*rejected and never caught/);
  });

  it('without it, the same script ends the process (the test can fail)', () => {
    const bare = script.replace("installProcessGuard(createLogger('error'));", '');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', bare], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).not.toBe(0);
    expect(run.stdout).not.toMatch(/plenum_unhandled_errors_total/);
  });
});
