import { describe, expect, it } from 'vitest';
import { createLogger, outsideRequest, withRequestId } from './log';

function capture(format: 'text' | 'json', level: 'debug' | 'info' | 'warn' = 'info') {
  const lines: { line: string; at: string }[] = [];
  const log = createLogger(level, { format, write: (line, at) => lines.push({ line, at }) });
  return { log, lines };
}

describe('log', () => {
  it('writes one JSON object per line in the json format: time, level, namespace, msg, fields', () => {
    const { log, lines } = capture('json');
    log.child('engine').warn('run() | batch failed\nsecond line', { sitting: 's-1', error: new Error('boom'), n: 3 });
    log.debug('not at info');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.line).not.toContain('\n');
    const entry = JSON.parse(lines[0]!.line) as Record<string, unknown>;
    expect(entry).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: 'warn',
      namespace: 'plenum:engine',
      msg: 'run() | batch failed\nsecond line',
      fields: { sitting: 's-1', error: 'boom', n: 3 },
    });
    expect(lines[0]!.at).toBe('warn');
  });

  it('survives fields JSON cannot hold', () => {
    const { log, lines } = capture('json');
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    log.info('odd', { loop, big: 10n });
    expect(JSON.parse(lines[0]!.line)).toMatchObject({ msg: 'odd', fields: '(unserialisable)' });
    log.info('big', { big: 10n });
    expect(JSON.parse(lines[1]!.line)).toMatchObject({ fields: { big: '10' } });
  });

  it('keeps the text format for development', () => {
    const { log, lines } = capture('text');
    log.child('http').info('request | done', { status: 200 });
    expect(lines[0]!.line).toMatch(/^\d{4}-\d\d-\d\dT\S+ INFO {2}plenum:http request \| done \[status:200\]$/);
  });

  it('names the request in every line written within it, across awaits, and none outside or in shared work', async () => {
    const { log, lines } = capture('json');
    await withRequestId('req-1', async () => {
      await new Promise((r) => setTimeout(r, 1));
      log.info('inside');
      outsideRequest(() => log.info('shared'));
    });
    log.info('after');
    const parsed = lines.map((l) => JSON.parse(l.line) as { msg: string; requestId?: string });
    expect(parsed.map((p) => [p.msg, p.requestId])).toEqual([
      ['inside', 'req-1'],
      ['shared', undefined],
      ['after', undefined],
    ]);
  });
});
