import { boothForm } from '@contract/forms/booth-forms';
import type { Language } from '../../i18n/translation-state';
import { checkForm } from '../../shared/form-check';
import type { BoothInput, BoothKind, BoothPatch } from '../../shared/graphql-schema.generated';
import type { BoothFieldsFragment, BoothPersonFragment } from './booths.generated';

/** The booth form as typed. */
export interface BoothTyped {
  readonly language: string;
  readonly name: string;
  readonly kind: BoothKind;
}

/** The floor language of a parliament not set up yet (the server's settingsDefaults). */
export const defaultFloorLanguage = 'de';

export const emptyBooth: BoothTyped = { language: '', name: '', kind: 'SPOKEN' };

export const typedOf = (b: BoothFieldsFragment): BoothTyped => ({ language: b.language, name: b.name, kind: b.kind });

/** The contract's kind ('spoken') for the wire's (SPOKEN): the form rules speak the contract's. */
const contractKind = (kind: BoothKind) => kind.toLowerCase();

/** What the form's problems are, by field, in the reader's language (the server's rules: contract/forms/booth-forms.ts). */
export function boothProblems(typed: Partial<BoothTyped>, language: Language, partial = false): Map<string, string> {
  const { kind, ...text } = typed;
  return checkForm(boothForm, { ...text, ...(kind !== undefined ? { kind: contractKind(kind) } : {}) }, language, partial);
}

/** A new booth: the input to send, or the problems that keep it from being sent. */
export function boothInputOf(typed: BoothTyped, language: Language): { readonly input: BoothInput | null; readonly problems: Map<string, string> } {
  const problems = boothProblems(typed, language);
  return { input: problems.size > 0 ? null : { language: typed.language.trim(), name: typed.name.trim(), kind: typed.kind }, problems };
}

/** A change to a booth: only the fields that differ (null when none does), or the problems. */
export function boothPatchOf(
  before: BoothFieldsFragment,
  typed: BoothTyped,
  language: Language,
): { readonly patch: BoothPatch | null; readonly problems: Map<string, string> } {
  const changed: { language?: string; name?: string; kind?: BoothKind } = {};
  if (typed.language.trim() !== before.language) changed.language = typed.language.trim();
  if (typed.name.trim() !== before.name) changed.name = typed.name.trim();
  if (typed.kind !== before.kind) changed.kind = typed.kind;
  const problems = boothProblems(changed, language, true);
  return { patch: problems.size > 0 || Object.keys(changed).length === 0 ? null : changed, problems };
}

/** Spoken booths first, then sign language; each by name. */
export function sortBooths<B extends Pick<BoothFieldsFragment, 'kind' | 'name'>>(booths: readonly B[]): B[] {
  const rank = (b: B) => (b.kind === 'SPOKEN' ? 0 : 1);
  return [...booths].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The server's refusals by field: input.name → name. */
export function fieldProblems(issues: readonly { readonly path: readonly string[]; readonly message: string }[]): Map<string, string> {
  return new Map(issues.map((i) => [i.path.filter((p) => p !== 'input').join('.'), i.message]));
}

/** Someone who can be added to a booth, and the booth they would leave. */
export interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly from: string | null;
}

/** Who can be added to `booth`: the assignable not in it already, those in no booth first, then by name as the server sorts them. */
export function candidatesFor(booth: Pick<BoothFieldsFragment, 'id'>, assignable: readonly BoothPersonFragment[]): Candidate[] {
  const out = assignable.filter((p) => p.booth?.id !== booth.id).map((p) => ({ id: p.id, name: p.name, from: p.booth?.name ?? null }));
  return [...out.filter((c) => c.from === null), ...out.filter((c) => c.from !== null)];
}

/** Why someone assigned to a booth does not work in it (no longer assignable), or null. */
export function staffNote(person: BoothPersonFragment, assignableIds: ReadonlySet<string>): 'noRole' | 'ended' | null {
  if (!person.roles.includes('INTERPRETER')) return 'noRole';
  return assignableIds.has(person.id) ? null : 'ended';
}

/** A language tag's name in the reader's language ("Englisch" for en), or null when the browser does not know it. */
export function languageName(tag: string, reader: Language): string | null {
  try {
    const name = new Intl.DisplayNames([reader], { type: 'language', fallback: 'none' }).of(tag);
    return name && name.toLowerCase() !== tag.toLowerCase() ? name : null;
  } catch {
    return null;
  }
}
