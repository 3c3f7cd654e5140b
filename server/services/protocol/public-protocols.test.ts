import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../test/support/database';
import { createLogger } from '../../log';
import { createPlenumPubSub } from '../pubsub';
import { createServices } from '..';
import type { Actor } from '../../domain/procedure/commands';
import { createPublicProtocols, oneAtATime, ProtocolBusy } from './public-protocols';
import { protocolPdf } from './protocol-pdf';
import { pdfText } from '../../../test/support/pdf-text';
import type { Protocol } from './protocol';
import type { ProtocolLanguage } from './labels';

describe.each(testDatabaseKinds())('public protocols on %s', (kind) => {
  let h: TestDatabase;
  let services: ReturnType<typeof createServices>;
  let renders: number;
  const render = async (p: Protocol, lang: ProtocolLanguage) => {
    renders++;
    return protocolPdf(p, lang);
  };
  beforeEach(async () => {
    h = await createTestDatabase(kind);
    services = createServices({ db: h.db, pubsub: createPlenumPubSub(), log: createLogger('silent'), now: () => new Date('2026-12-06T09:30:00Z') });
    renders = 0;
  });
  afterEach(() => h.close());

  const closeSitting = async () => {
    const [chair] = (await services.roster.people()).filter((p) => p.username === 'a.keller');
    const actor: Actor = { personId: chair!.id, roles: chair!.roles };
    await services.procedure.execute('sitting-42', actor, { kind: 'sitting.open' });
    await services.procedure.execute('sitting-42', actor, { kind: 'sitting.close' });
  };

  it('offers nothing before the close, then renders each language once however many ask at the same time', async () => {
    const protocols = createPublicProtocols({ db: h.db, protocol: services.procedure.protocol, render });
    expect(await protocols.pdf('sitting-42', 'de')).toBeNull();
    expect(await protocols.pdf('no-such-sitting', 'de')).toBeNull();
    await closeSitting();
    const all = await Promise.all(Array.from({ length: 5 }, () => protocols.pdf('sitting-42', 'de')));
    await protocols.pdf('sitting-42', 'de');
    expect(renders).toBe(1);
    expect(new Set(all.map((p) => p!.pdf)).size).toBe(1);
    await protocols.pdf('sitting-42', 'en');
    expect(renders).toBe(2);
  });

  it('renders again once the parliament is renamed, and says so in the PDF', async () => {
    const protocols = createPublicProtocols({ db: h.db, protocol: services.procedure.protocol, render });
    await closeSitting();
    await protocols.pdf('sitting-42', 'en');
    const { presetRulebook: _p, effectiveRulebook: _e, ...settings } = (await services.parliamentSettings.settings())!;
    await services.parliamentSettings.update({ username: 'it.admin', personId: null }, { ...settings, name: 'Gemeinderat Beispielstadt' });
    const renamed = await protocols.pdf('sitting-42', 'en');
    expect(renders).toBe(2);
    expect(pdfText(renamed!.pdf)).toContain('Gemeinderat Beispielstadt');
  });

  it('keeps no failed rendering: the next request tries again', async () => {
    let fail = true;
    const flaky = async (p: Protocol, lang: ProtocolLanguage) => {
      if (fail) throw new Error('disk full');
      return render(p, lang);
    };
    const protocols = createPublicProtocols({ db: h.db, protocol: services.procedure.protocol, render: flaky });
    await closeSitting();
    await expect(protocols.pdf('sitting-42', 'de')).rejects.toThrow('disk full');
    fail = false;
    expect((await protocols.pdf('sitting-42', 'de'))!.pdf.length).toBeGreaterThan(1000);
  });
});

describe('one rendering at a time', () => {
  it('runs one, queues a few, refuses the rest as busy, and goes on after a failure', async () => {
    const queue = oneAtATime(2);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const order: number[] = [];
    const job =
      (n: number, fail = false) =>
      async () => {
        await gate;
        order.push(n);
        if (fail) throw new Error(`job ${n} failed`);
        return n;
      };
    const accepted = [queue(job(1, true)), queue(job(2)), queue(job(3))];
    await expect(queue(job(4))).rejects.toBeInstanceOf(ProtocolBusy);
    release();
    const settled = await Promise.allSettled(accepted);
    expect(settled.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(order).toEqual([1, 2, 3]);
    await expect(queue(job(5))).resolves.toBe(5);
  });
});
