/**
 * The sitting's original producers (not pipe copies), with the router each lives on, kept up
 * to date for the program: it says `changed` when one appears, pauses, resumes or closes.
 */
import { EventEmitter } from 'node:events';
import type { ProducerView } from './program-plan';
import type { ProgramProducer, ProgramSource } from './program-port';

export class ProducerDirectory extends EventEmitter<{ changed: [] }> {
  private readonly producers = new Map<string, ProgramProducer>();
  private readonly cleanup: (() => void)[] = [];

  constructor(source: ProgramSource) {
    super();
    this.cleanup.push(source.onProducer((p) => this.add(p)));
    for (const p of source.producers()) this.add(p);
  }

  get(id: string): ProgramProducer | undefined {
    return this.producers.get(id);
  }

  views(): ProducerView[] {
    return [...this.producers.values()].map(({ producer: p }) => ({
      id: p.id,
      peerId: p.appData.peerId,
      kind: p.kind,
      channel: p.appData.channel,
      source: p.appData.source,
      paused: p.paused,
    }));
  }

  close(): void {
    for (const undo of this.cleanup.splice(0)) undo();
    this.producers.clear();
  }

  private add(p: ProgramProducer): void {
    const { producer } = p;
    if (producer.closed || this.producers.has(producer.id)) return;
    this.producers.set(producer.id, p);
    const changed = () => this.emit('changed');
    producer.observer.on('pause', changed);
    producer.observer.on('resume', changed);
    producer.observer.once('close', () => {
      if (this.producers.delete(producer.id)) changed();
    });
    changed();
  }
}
