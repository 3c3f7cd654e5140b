import type { PersonRef, Procedure } from '../procedure/procedure-state';

/** A speaker prefix the captioner inserts with Alt+digit. */
export interface SpeakerPrefix {
  /** 1–9: Alt+key inserts it. */
  readonly key: number;
  readonly role: 'speaker' | 'chair' | 'next' | 'recent';
  readonly person: PersonRef;
  /** What is inserted: "Name: ". */
  readonly prefix: string;
}

/**
 * The speaker prefixes on Alt+1…9: 1 the speaker on the floor, 2 the presiding chair, then who is next
 * on the list, then who spoke recently (newest first); each person once, at most nine.
 */
export function speakerPrefixes(procedure: Procedure | null, recent: readonly PersonRef[]): SpeakerPrefix[] {
  const out: SpeakerPrefix[] = [];
  const seen = new Set<string>();
  const add = (role: SpeakerPrefix['role'], person: PersonRef | null | undefined) => {
    if (!person || seen.has(person.id) || out.length >= 9) {
      return;
    }
    seen.add(person.id);
    out.push({ key: out.length + 1, role, person, prefix: `${person.name}: ` });
  };
  add('speaker', procedure?.floor?.person);
  add('chair', procedure?.presiding);
  for (const request of procedure?.speakerList.requests ?? []) {
    add('next', request.person);
  }
  for (const person of recent) {
    add('recent', person);
  }
  return out;
}

/** The recent speakers after `person` took the floor: newest first, each once, at most `keep`. */
export function withRecent(recent: readonly PersonRef[], person: PersonRef | null | undefined, keep = 8): PersonRef[] {
  if (!person) {
    return [...recent];
  }
  return [person, ...recent.filter((other) => other.id !== person.id)].slice(0, keep);
}

/** The caption after inserting `prefix` at the caret (`start`–`end` replaced); the caret lands after it. */
export function insertPrefix(text: string, start: number, end: number, prefix: string): { text: string; caret: number } {
  const before = text.slice(0, start);
  // A prefix begins a line of speech: after other text it is set off by a space.
  const lead = before.length > 0 && !/\s$/.test(before) ? ' ' : '';
  const inserted = `${lead}${prefix}`;
  return { text: `${before}${inserted}${text.slice(end)}`, caret: start + inserted.length };
}
