/**
 * The clerk's minutes notes: what the protocol records beside the speeches (applause, interjections,
 * calls) and how each kind is worded. Shared by the record (server/domain/procedure/minutes.ts), the
 * protocol and the clerk's desk. Imports nothing at run time.
 */
import type { WordLanguage } from './languages';

/** applause: "(Beifall bei der SDA)"; interjection: a heckle, "(Zuruf von …: …)"; call: a call from a group, "(Zurufe von der CVP)"; other: laughter, unrest. */
export const minutesNoteKinds = ['applause', 'interjection', 'call', 'other'] as const;
export type MinutesNoteKind = (typeof minutesNoteKinds)[number];

export const minutesNoteKindNames: Readonly<Record<WordLanguage, Readonly<Record<MinutesNoteKind, string>>>> = {
  de: { applause: 'Beifall', interjection: 'Zwischenruf', call: 'Zuruf', other: 'Sonstiges' },
  en: { applause: 'Applause', interjection: 'Interjection', call: 'Call', other: 'Other' },
};

/** How long before now a note's moment may lie: the clerk types it just after it happened, not hours later (a correction is for that). */
export const minutesNoteMaxDelaySeconds = 30 * 60;

/**
 * A note as the protocol prints it, in the parliament's convention: in parentheses (the clerk may type them
 * or not; they are not doubled).
 */
export function parenthesised(text: string): string {
  const t = text.trim();
  return t.startsWith('(') && t.endsWith(')') ? t : `(${t})`;
}
