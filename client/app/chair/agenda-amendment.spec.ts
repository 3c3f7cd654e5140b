import { demoPerson, demoProcedure } from '../../testing/demo-procedure';
import type { AgendaAuthority } from '../procedure/procedure-state';
import {
  amendmentInput,
  amendmentPreview,
  amendmentProblems,
  chooseItem,
  emptyAmendmentForm,
  positionChoices,
  switchChange,
  type AmendmentForm,
} from './agenda-amendment';

describe('changing the agenda (the dialog’s logic)', () => {
  const agenda = demoProcedure().agenda;
  const item = (position: number) => agenda[position - 1]!;
  const point: AgendaAuthority = {
    kind: 'POINT_OF_ORDER',
    id: 'poo-7',
    reference: 'Move item 3 before item 2',
    mover: demoPerson('d.peters'),
    category: 'agenda',
    decidedAt: '2026-12-03T09:40:00Z',
    amendedIn: [],
  };
  const vote: AgendaAuthority = {
    kind: 'VOTE',
    id: 'vote-3',
    reference: 'Sit until midnight',
    mover: null,
    category: null,
    decidedAt: '2026-12-03T09:20:00Z',
    amendedIn: [41],
  };
  const authorities = [point, vote];
  const form = (over: Partial<AmendmentForm> = {}): AmendmentForm => ({ ...emptyAmendmentForm(authorities), ...over });

  it('starts on the newest decision, with the change still to choose', () => {
    expect(emptyAmendmentForm(authorities)).toEqual({
      authority: 'POINT_OF_ORDER:poo-7',
      change: 'MOVE',
      itemId: '',
      position: null,
      title: '',
      itemKind: 'DEBATE',
      description: '',
    });
    expect(amendmentProblems(form(), agenda, authorities)).toEqual(['item-missing', 'position-missing']);
    expect(emptyAmendmentForm([]).authority).toBe('');
    expect(amendmentProblems(emptyAmendmentForm([]), agenda, [])).toContain('authority-missing');
  });

  it('moves item 3 before item 2, as the point of order says: the preview and the arguments', () => {
    const move = form({ itemId: item(3).id, position: 2 });
    expect(amendmentProblems(move, agenda, authorities)).toEqual([]);
    expect(amendmentPreview(move, agenda).map((line) => `${line.position} ${line.title}${line.mark ? ` (${line.mark})` : ''}`)).toEqual([
      `1 ${item(1).title}`,
      `2 ${item(3).title} (moved)`,
      `3 ${item(2).title}`,
      `4 ${item(4).title}`,
      `5 ${item(5).title}`,
      `6 ${item(6).title}`,
    ]);
    expect(amendmentInput(move)).toEqual({
      change: { kind: 'MOVE', agendaItemId: item(3).id, position: 2 },
      authority: { kind: 'POINT_OF_ORDER', id: 'poo-7' },
    });
    expect(amendmentProblems(form({ itemId: item(3).id, position: 3 }), agenda, authorities)).toEqual(['position-unchanged']);
    expect(amendmentProblems(form({ itemId: item(3).id, position: 7 }), agenda, authorities)).toEqual(['position-missing']);
  });

  it('inserts a new item anywhere up to one past the end, trimmed, without an empty description', () => {
    expect(positionChoices('INSERT', agenda)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(positionChoices('MOVE', agenda)).toEqual([1, 2, 3, 4, 5, 6]);
    const insert = form({ change: 'INSERT', authority: 'VOTE:vote-3', position: 7, title: '  Flood relief  ', itemKind: 'OTHER', description: '   ' });
    expect(amendmentProblems(insert, agenda, authorities)).toEqual([]);
    expect(amendmentInput(insert)).toEqual({
      change: { kind: 'INSERT', position: 7, title: 'Flood relief', itemKind: 'OTHER', description: null },
      authority: { kind: 'VOTE', id: 'vote-3' },
    });
    expect(amendmentPreview(insert, agenda).at(-1)).toEqual({ key: 'new', position: 7, title: 'Flood relief', mark: 'new' });
    expect(amendmentProblems(form({ change: 'INSERT', position: 1, title: ' ' }), agenda, authorities)).toEqual(['title-missing']);
    expect(amendmentProblems(form({ change: 'INSERT', position: 1, title: 'x'.repeat(301) }), agenda, authorities)).toEqual(['title-too-long']);
    expect(amendmentProblems(form({ change: 'INSERT', position: 1, title: 'x', description: 'd'.repeat(5001) }), agenda, authorities)).toEqual([
      'description-too-long',
    ]);
  });

  it('removes an item not dealt with; the preview strikes it and renumbers the rest', () => {
    const remove = form({ change: 'REMOVE', itemId: item(5).id });
    expect(amendmentProblems(remove, agenda, authorities)).toEqual([]);
    expect(amendmentPreview(remove, agenda).map((line) => [line.position, line.mark])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, null],
      [null, 'removed'],
      [5, null],
    ]);
    expect(amendmentInput(remove).change).toEqual({ kind: 'REMOVE', agendaItemId: item(5).id });
    // Item 2 is current in the demo: it stays.
    expect(amendmentProblems(form({ change: 'REMOVE', itemId: item(2).id }), agenda, authorities)).toEqual(['item-stays']);
  });

  it('corrects a title, starting from the title as it is', () => {
    let retitle = switchChange(form({ itemId: item(6).id }), 'RETITLE', agenda);
    expect(retitle.title).toBe(item(6).title);
    expect(amendmentProblems(retitle, agenda, authorities)).toEqual(['title-unchanged']);
    retitle = chooseItem(retitle, item(4).id, agenda);
    expect(retitle.title).toBe(item(4).title);
    retitle = { ...retitle, title: `${item(4).title} (third reading only)` };
    expect(amendmentProblems(retitle, agenda, authorities)).toEqual([]);
    expect(amendmentPreview(retitle, agenda)[3]).toEqual({ key: item(4).id, position: 4, title: `${item(4).title} (third reading only)`, mark: 'renamed' });
    expect(amendmentInput(retitle).change).toEqual({ kind: 'RETITLE', agendaItemId: item(4).id, title: `${item(4).title} (third reading only)` });
  });

  it('keeps the decision when the kind of change switches, and drops what the new kind does not use', () => {
    const moving = form({ authority: 'VOTE:vote-3', itemId: item(3).id, position: 2 });
    expect(switchChange(moving, 'INSERT', agenda)).toEqual({ ...moving, change: 'INSERT', itemId: '', position: null, title: '' });
    expect(switchChange(moving, 'REMOVE', agenda)).toEqual({ ...moving, change: 'REMOVE', position: null, title: '' });
  });
});
