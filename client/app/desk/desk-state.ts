import { Injectable, computed, signal } from '@angular/core';
import { ProcedureCommands } from '../procedure/procedure-commands';
import type { PersonRef } from '../procedure/procedure-state';
import type { MinutesNoteKind } from '../shared/graphql-schema.generated';
import { addCaptionMutation, approveProtocolMutation, correctProtocolMutation, deskRecordQuery, noteMinutesMutation } from './desk.generated';
import { protocolTexts, type DeskRecordEntry } from './record-texts';
import { withRecent } from './speaker-prefixes';

/** The parts of the desk whose commands report problems beside themselves. */
export type DeskControl = 'caption' | 'note' | 'correction' | 'approval';

/** A caption line as sent, with the server's time. */
export interface SentCaption {
  readonly text: string;
  readonly at: string;
}

/** Captions kept on screen, newest first. */
const keptCaptions = 6;

/**
 * What the clerk's desk operates: captions (to the live stream), minutes notes, corrections and the
 * chair's approval (into the record). The record's texts are read incrementally after each update.
 */
@Injectable({ providedIn: 'root' })
export class DeskState extends ProcedureCommands<DeskControl> {
  private readonly entriesSignal = signal<readonly DeskRecordEntry[]>([]);
  private readonly captionsSignal = signal<readonly SentCaption[]>([]);
  private readonly recentSignal = signal<readonly PersonRef[]>([]);
  private readonly recordErrorSignal = signal<unknown>(null);
  private loadedFor: string | null = null;
  private reading: Promise<void> | null = null;

  readonly captions = this.captionsSignal.asReadonly();
  readonly recent = this.recentSignal.asReadonly();
  /** Why the record could not be read (the texts shown may be behind). */
  readonly recordError = this.recordErrorSignal.asReadonly();
  readonly texts = computed(() => protocolTexts(this.entriesSignal()));
  /** The record's head as read: what the chair approves. */
  readonly head = computed(() => {
    const last = this.entriesSignal().at(-1);
    return last ? { seq: last.seq, hash: last.hash } : null;
  });

  /** The floor's holder joins the recent speakers (the captioner's Alt+digit prefixes). */
  noteFloor(person: PersonRef | null | undefined): void {
    if (person && this.recentSignal()[0]?.id !== person.id) {
      this.recentSignal.update((recent) => withRecent(recent, person));
    }
  }

  /** Reads the record on from the last entry read (from the start for another sitting). */
  readRecord(sittingId: string): Promise<void> {
    if (this.loadedFor !== sittingId) {
      this.loadedFor = sittingId;
      this.entriesSignal.set([]);
      this.recentSignal.set([]);
      this.captionsSignal.set([]);
    }
    // One read at a time; a read asked for meanwhile follows it.
    const next = (this.reading ?? Promise.resolve()).then(() => this.readOn(sittingId));
    this.reading = next;
    return next;
  }

  private async readOn(sittingId: string): Promise<void> {
    for (;;) {
      const afterSeq = this.entriesSignal().at(-1)?.seq ?? 0;
      let page: readonly DeskRecordEntry[];
      try {
        page = (await this.graphql.request(deskRecordQuery, { sittingId, afterSeq })).sitting?.record ?? [];
        this.recordErrorSignal.set(null);
      } catch (error: unknown) {
        this.recordErrorSignal.set(error);
        return;
      }
      if (this.loadedFor !== sittingId) {
        return;
      }
      this.entriesSignal.update((entries) => [...entries, ...page.filter((e) => e.seq > afterSeq)]);
      if (page.length < 1000) {
        return;
      }
    }
  }

  /** Sends one caption line; true when the stream took it. */
  async addCaption(text: string): Promise<boolean> {
    const outcome = await this.runner.run('caption', addCaptionMutation, { sittingId: this.sittingId(), text });
    if (outcome.ok) {
      const caption = outcome.data;
      this.captionsSignal.update((captions) => [{ text: caption.text, at: caption.at }, ...captions].slice(0, keptCaptions));
    }
    return outcome.ok;
  }

  noteMinutes = (kind: MinutesNoteKind, text: string, moment: string | null) => this.send('note', noteMinutesMutation, { kind, text, moment });
  correct = (seq: number, hash: string, text: string) => this.send('correction', correctProtocolMutation, { seq, hash, text });
  approve = (seq: number, head: string) => this.send('approval', approveProtocolMutation, { seq, head });
}
