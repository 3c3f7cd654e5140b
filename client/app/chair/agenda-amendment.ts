import { textLimits } from '@contract/text-limits';
import type { AgendaAuthority, Procedure } from '../procedure/procedure-state';
import type { AgendaAuthorityInput, AgendaChangeInput, AgendaChangeKind, AgendaItemKind } from '../shared/graphql-schema.generated';

/** The agenda as the procedure gives it: in order, with the items that must stay. */
export type AmendableItem = Procedure['agenda'][number];

/** "Change the agenda" as the chair fills it in. */
export interface AmendmentForm {
  /** The decision carried out, as `authorityKey` gives it; empty: none chosen. */
  readonly authority: string;
  readonly change: AgendaChangeKind;
  /** The item moved, removed or retitled; empty: none chosen. */
  readonly itemId: string;
  /** The place an item moves to or a new item goes in (1-based); null: none chosen. */
  readonly position: number | null;
  /** A new item's title, or an item's corrected title. */
  readonly title: string;
  readonly itemKind: AgendaItemKind;
  readonly description: string;
}

export type AmendmentProblem =
  | 'authority-missing'
  | 'item-missing'
  | 'position-missing'
  | 'position-unchanged'
  | 'item-stays'
  | 'title-missing'
  | 'title-too-long'
  | 'title-unchanged'
  | 'description-too-long';

/** The server's limits (contract/text-limits.ts): the browser stops at the same lengths. */
export const agendaTitleLimit = textLimits.agendaTitle;
export const agendaDescriptionLimit = textLimits.agendaDescription;

export function authorityKey(authority: Pick<AgendaAuthority, 'kind' | 'id'>): string {
  return `${authority.kind}:${authority.id}`;
}

/** A fresh form: the newest decision already chosen (the one the chair has just taken, as a rule). */
export function emptyAmendmentForm(authorities: readonly AgendaAuthority[]): AmendmentForm {
  const newest = authorities[0];
  return { authority: newest ? authorityKey(newest) : '', change: 'MOVE', itemId: '', position: null, title: '', itemKind: 'DEBATE', description: '' };
}

/** What the form keeps when the kind of change switches: the decision, and the item where the new kind uses one. */
export function switchChange(form: AmendmentForm, change: AgendaChangeKind, agenda: readonly AmendableItem[]): AmendmentForm {
  const item = agenda.find((candidate) => candidate.id === form.itemId);
  return {
    ...form,
    change,
    itemId: change === 'INSERT' ? '' : form.itemId,
    position: null,
    // Correcting a title starts from the title as it is.
    title: change === 'RETITLE' ? (item?.title ?? '') : change === 'INSERT' ? form.title : '',
  };
}

/** The item chosen; for a title correction the field starts from its title. */
export function chooseItem(form: AmendmentForm, itemId: string, agenda: readonly AmendableItem[]): AmendmentForm {
  const item = agenda.find((candidate) => candidate.id === itemId);
  return { ...form, itemId, title: form.change === 'RETITLE' ? (item?.title ?? '') : form.title };
}

/** The places the change can take an item to: any place for a move, one past the end too for a new item. */
export function positionChoices(change: AgendaChangeKind, agenda: readonly AmendableItem[]): number[] {
  const last = change === 'INSERT' ? agenda.length + 1 : change === 'MOVE' ? agenda.length : 0;
  return Array.from({ length: last }, (_, i) => i + 1);
}

/** What stops the change from being sent, if anything (the server decides the rest). */
export function amendmentProblems(form: AmendmentForm, agenda: readonly AmendableItem[], authorities: readonly AgendaAuthority[]): AmendmentProblem[] {
  const problems: AmendmentProblem[] = [];
  if (!authorities.some((authority) => authorityKey(authority) === form.authority)) {
    problems.push('authority-missing');
  }
  const index = agenda.findIndex((item) => item.id === form.itemId);
  const item = agenda[index];
  if (form.change !== 'INSERT' && item === undefined) {
    problems.push('item-missing');
  }
  if (form.change === 'MOVE' || form.change === 'INSERT') {
    if (form.position === null || !positionChoices(form.change, agenda).includes(form.position)) {
      problems.push('position-missing');
    } else if (form.change === 'MOVE' && index + 1 === form.position) {
      problems.push('position-unchanged');
    }
  }
  if (form.change === 'REMOVE' && item?.dealtWith) {
    problems.push('item-stays');
  }
  if (form.change === 'INSERT' || form.change === 'RETITLE') {
    const title = form.title.trim();
    if (title === '') {
      problems.push('title-missing');
    } else if (title.length > agendaTitleLimit) {
      problems.push('title-too-long');
    } else if (form.change === 'RETITLE' && item !== undefined && title === item.title) {
      problems.push('title-unchanged');
    }
  }
  if (form.change === 'INSERT' && form.description.trim().length > agendaDescriptionLimit) {
    problems.push('description-too-long');
  }
  return problems;
}

/** The API's arguments for a valid form. */
export function amendmentInput(form: AmendmentForm): { change: AgendaChangeInput; authority: AgendaAuthorityInput } {
  const separator = form.authority.indexOf(':');
  const authority: AgendaAuthorityInput = {
    kind: form.authority.slice(0, separator) === 'VOTE' ? 'VOTE' : 'POINT_OF_ORDER',
    id: form.authority.slice(separator + 1),
  };
  switch (form.change) {
    case 'MOVE':
      return { change: { kind: 'MOVE', agendaItemId: form.itemId, position: form.position }, authority };
    case 'INSERT': {
      const description = form.description.trim();
      return {
        change: {
          kind: 'INSERT',
          position: form.position,
          title: form.title.trim(),
          itemKind: form.itemKind,
          description: description === '' ? null : description,
        },
        authority,
      };
    }
    case 'REMOVE':
      return { change: { kind: 'REMOVE', agendaItemId: form.itemId }, authority };
    case 'RETITLE':
      return { change: { kind: 'RETITLE', agendaItemId: form.itemId, title: form.title.trim() }, authority };
  }
}

/** One line of the preview: the item's place after the change (null: removed), and what happened to it. */
export interface PreviewLine {
  readonly key: string;
  readonly position: number | null;
  readonly title: string;
  readonly mark: 'moved' | 'new' | 'removed' | 'renamed' | null;
}

/**
 * The agenda as it will read after the change, as far as the form says yet; a removed item stays
 * in the list, struck through, at its old place, so the chair sees what goes.
 */
export function amendmentPreview(form: AmendmentForm, agenda: readonly AmendableItem[]): PreviewLine[] {
  const lines: { key: string; title: string; mark: PreviewLine['mark'] }[] = agenda.map((item) => ({ key: item.id, title: item.title, mark: null }));
  const index = lines.findIndex((line) => line.key === form.itemId);
  const position = form.position;
  switch (form.change) {
    case 'MOVE':
      if (index >= 0 && position !== null && position >= 1 && position <= lines.length && position !== index + 1) {
        const [moved] = lines.splice(index, 1);
        lines.splice(position - 1, 0, { ...moved!, mark: 'moved' });
      }
      break;
    case 'INSERT':
      if (position !== null && position >= 1 && position <= lines.length + 1) {
        lines.splice(position - 1, 0, { key: 'new', title: form.title.trim() || '…', mark: 'new' });
      }
      break;
    case 'REMOVE':
      if (index >= 0) {
        lines[index] = { ...lines[index]!, mark: 'removed' };
      }
      break;
    case 'RETITLE':
      if (index >= 0 && form.title.trim() !== '' && form.title.trim() !== lines[index]!.title) {
        lines[index] = { ...lines[index]!, title: form.title.trim(), mark: 'renamed' };
      }
      break;
  }
  let place = 0;
  return lines.map((line) => ({ ...line, position: line.mark === 'removed' ? null : ++place }));
}
