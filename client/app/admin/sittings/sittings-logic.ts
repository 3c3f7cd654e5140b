import { agendaItemForm, cancelSittingForm, postponeSittingForm, sittingForm } from '@contract/forms/sitting-forms';
import type { RuleCode } from '@contract/rule-codes';
import { refusalText } from '../../procedure/rule-text';
import { apiValue, checkForm } from '../../shared/form-check';
import type { Language } from '../../i18n/translation-state';
import type { AgendaItemInput, AgendaItemKind, Role, SittingInput, SittingState } from '../../shared/graphql-schema.generated';
import type { AdminAgendaItemFieldsFragment, AdminRefusalFragment, AdminSittingFieldsFragment } from './admin-sittings.generated';
import { instantOf, wallClockOf } from './zoned-time';

/** Who plans sittings (the server's createSitting … deleteSitting); the chair keeps agendas only. */
export const sittingPlanners: readonly Role[] = ['IT_ADMIN', 'CLERK'];
export const agendaKeepers: readonly Role[] = ['IT_ADMIN', 'CLERK', 'CHAIR'];

export const mayPlanSittings = (roles: readonly Role[]) => roles.some((r) => sittingPlanners.includes(r));

/** What the server said no to: by field (its `input.<field>` path), or as a whole. */
export interface Refusal {
  readonly fields: ReadonlyMap<string, string>;
  readonly general: string | null;
}

export const noRefusal: Refusal = { fields: new Map(), general: null };

/** The field a server issue path names: `input.documentLinks.1` → documentLinks, `id` → id. */
export function fieldOfPath(path: readonly string[]): string {
  const rest = path[0] === 'input' ? path.slice(1) : path;
  return rest[0] ?? '';
}

export function refusalOf(r: AdminRefusalFragment, rules: Readonly<Record<RuleCode, string>>): Refusal {
  if (r.__typename === 'InputError') {
    const fields = new Map<string, string>();
    for (const issue of r.issues) {
      const field = fieldOfPath(issue.path);
      if (field !== '' && !fields.has(field)) fields.set(field, issue.message);
    }
    return { fields, general: fields.size === 0 ? r.message : null };
  }
  if (r.__typename === 'RuleViolation') return { fields: new Map(), general: refusalText({ rule: r.rule, message: r.message }, rules) };
  return { fields: new Map(), general: r.message };
}

/** Planned (to come or in progress; soonest first) and done (closed or cancelled; latest first). */
export function sittingGroups(sittings: readonly AdminSittingFieldsFragment[]): {
  readonly planned: readonly AdminSittingFieldsFragment[];
  readonly done: readonly AdminSittingFieldsFragment[];
} {
  const byStart = [...sittings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.number - b.number);
  const isDone = (s: SittingState) => s === 'CLOSED' || s === 'CANCELLED';
  return { planned: byStart.filter((s) => !isDone(s.state)), done: byStart.filter((s) => isDone(s.state)).reverse() };
}

/** The number a new sitting most likely gets: one after the highest. */
export function nextNumber(sittings: readonly AdminSittingFieldsFragment[]): number {
  return sittings.reduce((n, s) => Math.max(n, s.number), 0) + 1;
}

// ---- a sitting as typed ----

export interface SittingTyped {
  readonly number: string;
  readonly title: string;
  /** As a datetime-local input gives it: the wall clock of the parliament's zone. */
  readonly startsAt: string;
}

/** The start to check and send: the instant the wall clock means in the zone, or what was typed (refused then). */
const startOf = (typed: string, zone: string) => instantOf(typed, zone) ?? typed;

export function sittingTypedOf(s: AdminSittingFieldsFragment, zone: string): SittingTyped {
  return { number: String(s.number), title: s.title, startsAt: wallClockOf(s.startsAt, zone) };
}

export function sittingProblems(typed: SittingTyped, zone: string, language: Language): Map<string, string> {
  return checkForm(sittingForm, { ...typed, startsAt: startOf(typed.startsAt, zone) }, language);
}

export function sittingInput(typed: SittingTyped, zone: string): SittingInput {
  return {
    number: Number(typed.number.trim()),
    title: typed.title.trim(),
    startsAt: String(apiValue(sittingForm.startsAt, startOf(typed.startsAt, zone))),
  };
}

export function postponeProblems(typed: { readonly startsAt: string; readonly reason: string }, zone: string, language: Language): Map<string, string> {
  return checkForm(postponeSittingForm, { startsAt: startOf(typed.startsAt, zone), reason: typed.reason }, language);
}

export function postponeInput(typed: { readonly startsAt: string; readonly reason: string }, zone: string): { startsAt: string; reason: string | null } {
  return { startsAt: String(apiValue(postponeSittingForm.startsAt, startOf(typed.startsAt, zone))), reason: typed.reason.trim() || null };
}

export const cancelProblems = (reason: string, language: Language) => checkForm(cancelSittingForm, { reason }, language);

// ---- an agenda item as typed ----

export interface AgendaItemTyped {
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly debateMinutes: string;
  readonly description: string;
  /** One link per line. */
  readonly documentLinks: string;
}

export const emptyAgendaItem: AgendaItemTyped = { title: '', kind: 'DEBATE', debateMinutes: '', description: '', documentLinks: '' };

export function agendaItemTypedOf(item: AdminAgendaItemFieldsFragment): AgendaItemTyped {
  return {
    title: item.title,
    kind: item.kind,
    debateMinutes: item.debateMinutes === null ? '' : String(item.debateMinutes),
    description: item.description ?? '',
    documentLinks: item.documentLinks.join('\n'),
  };
}

/** The links typed, one per line; blank lines do not count. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function agendaItemProblems(typed: AgendaItemTyped, language: Language): Map<string, string> {
  return checkForm(
    agendaItemForm,
    {
      title: typed.title,
      // The API's enum is the form's choice in capitals.
      kind: typed.kind.toLowerCase(),
      debateMinutes: typed.debateMinutes,
      description: typed.description,
      documentLinks: linesOf(typed.documentLinks),
    },
    language,
  );
}

/** What the API is sent, as a new item or as the whole of a change (an empty field clears it). */
export function agendaItemInput(typed: AgendaItemTyped): AgendaItemInput {
  const minutes = apiValue(agendaItemForm.debateMinutes, typed.debateMinutes);
  return {
    title: typed.title.trim(),
    kind: typed.kind,
    debateMinutes: typeof minutes === 'number' ? minutes : null,
    description: typed.description.trim() || null,
    documentLinks: linesOf(typed.documentLinks),
  };
}

/** Whether items may be moved or removed outside procedure: only before the sitting opens. */
export function arrangeable(state: SittingState): boolean {
  return state === 'SCHEDULED';
}

/** Whether the agenda can change at all (correcting, adding at the end): not once closed or cancelled. */
export function editable(state: SittingState): boolean {
  return state !== 'CLOSED' && state !== 'CANCELLED';
}
