import type { MinutesNoteKind } from '../shared/graphql-schema.generated';

/** One entry of the record as the desk reads it. */
export interface DeskRecordEntry {
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly payload: unknown;
  readonly hash: string;
}

/** A text of the protocol a correction may replace, as it reads now, and the entry that wrote it. */
export interface ProtocolText {
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
  readonly what: 'minutes_note' | 'point_of_order' | 'decision_note';
  readonly noteKind: MinutesNoteKind | null;
  /** The moment a note is about (else the entry's time). */
  readonly moment: string;
  readonly text: string;
  readonly corrections: number;
}

function field(payload: unknown, name: string): unknown {
  return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[name] : undefined;
}

function str(payload: unknown, name: string): string | null {
  const value = field(payload, name);
  return typeof value === 'string' ? value : null;
}

/**
 * The texts of the protocol a correction may replace (minutes notes, points of order, notes on
 * decisions), newest first, each as corrected so far: the same reading as the server's protocol.
 */
export function protocolTexts(entries: readonly DeskRecordEntry[]): ProtocolText[] {
  const texts = new Map<number, ProtocolText>();
  for (const e of entries) {
    if (e.kind === 'minutes.noted') {
      const kind = str(e.payload, 'noteKind');
      texts.set(e.seq, {
        seq: e.seq,
        hash: e.hash,
        at: e.at,
        what: 'minutes_note',
        noteKind: kind ? (kind.toUpperCase() as MinutesNoteKind) : null,
        moment: str(e.payload, 'moment') ?? e.at,
        text: str(e.payload, 'text') ?? '',
        corrections: 0,
      });
    } else if (e.kind === 'point_of_order.raised') {
      texts.set(e.seq, {
        seq: e.seq,
        hash: e.hash,
        at: e.at,
        what: 'point_of_order',
        noteKind: null,
        moment: e.at,
        text: str(e.payload, 'text') ?? '',
        corrections: 0,
      });
    } else if (e.kind === 'point_of_order.decided' && str(e.payload, 'note') !== null) {
      texts.set(e.seq, {
        seq: e.seq,
        hash: e.hash,
        at: e.at,
        what: 'decision_note',
        noteKind: null,
        moment: e.at,
        text: str(e.payload, 'note') ?? '',
        corrections: 0,
      });
    } else if (e.kind === 'protocol.corrected') {
      const target = field(e.payload, 'target');
      const seq = field(target, 'seq');
      const text = str(e.payload, 'text');
      const old = typeof seq === 'number' ? texts.get(seq) : undefined;
      if (old && text !== null) {
        texts.set(old.seq, { ...old, text, corrections: old.corrections + 1 });
      }
    }
  }
  return [...texts.values()].reverse();
}
