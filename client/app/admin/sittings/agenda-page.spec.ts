import { answerByName } from '../../../testing/procedure-answers';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslationState } from '../../i18n/translation-state';
import { GraphqlClient } from '../../shared/graphql-client';
import type { SittingState } from '../../shared/graphql-schema.generated';
import type { AdminAgendaItemFieldsFragment } from './admin-sittings.generated';
import { AgendaPage } from './agenda-page';

const item = (id: string, position: number, title: string, more: Partial<AdminAgendaItemFieldsFragment> = {}): AdminAgendaItemFieldsFragment => ({
  id,
  position,
  title,
  kind: 'DEBATE',
  description: null,
  debateMinutes: null,
  documentLinks: [],
  ...more,
});

describe('AgendaPage', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  let agenda: AdminAgendaItemFieldsFragment[];
  let state: SittingState;
  let answers: Record<string, unknown>;

  beforeEach(() => {
    state = 'SCHEDULED';
    agenda = [
      item('i1', 1, 'Eröffnung', { kind: 'PROCEDURE' }),
      item('i2', 2, 'Haushalt 2027', { debateMinutes: 90, documentLinks: ['https://dokumente.example/drs/4711.pdf'] }),
      item('i3', 3, 'Wahl zum Rechnungshof', { kind: 'ELECTION' }),
    ];
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    answers = {
      AdminAgenda: () => ({
        sitting: {
          id: 's-43',
          number: 43,
          title: '43. Plenarsitzung',
          startsAt: '2026-12-17T08:00:00.000Z',
          state,
          postponedFrom: null,
          cancelReason: null,
          deletable: true,
          agenda,
        },
        parliament: { timeZone: 'Europe/Berlin' },
      }),
      MoveAgendaItem: (v: { id: string; position: number }) => {
        const moving = agenda.find((i) => i.id === v.id)!;
        const rest = agenda.filter((i) => i.id !== v.id);
        rest.splice(v.position - 1, 0, moving);
        agenda = rest.map((i, n) => ({ ...i, position: n + 1 }));
        return { moveAgendaItem: { __typename: 'MutationMoveAgendaItemSuccess', data: { id: v.id, position: v.position } } };
      },
    };
    answerByName(graphql, answers);
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: GraphqlClient, useValue: graphql }] });
    TestBed.inject(TranslationState).setLanguage('en');
  });

  async function render(): Promise<{ fixture: ComponentFixture<AgendaPage>; page: HTMLElement }> {
    const fixture = TestBed.createComponent(AgendaPage);
    fixture.componentRef.setInput('id', 's-43');
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, page: fixture.nativeElement as HTMLElement };
  }

  const titles = (page: HTMLElement) => [...page.querySelectorAll('[data-testid="agenda-item"] .item-title')].map((t) => t.textContent?.trim());
  const type = (page: HTMLElement, selector: string, value: string) => {
    const input = page.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const mutations = () => graphql.request.calls.all().filter((c) => c.args[0].kind === 'mutation');
  const settle = async (fixture: ComponentFixture<AgendaPage>) => {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  };

  it('shows the items in order with kind, debate time and documents', async () => {
    const { page } = await render();
    expect(titles(page)).toEqual(['1. Eröffnung', '2. Haushalt 2027', '3. Wahl zum Rechnungshof']);
    const budget = page.querySelector('[data-item="i2"]')!;
    expect(budget.textContent).toContain('90 min planned');
    expect(budget.querySelector('a')?.getAttribute('href')).toBe('https://dokumente.example/drs/4711.pdf');
    expect(page.querySelector('[data-item="i3"]')?.textContent).toContain('Election');
    expect(page.querySelector('[data-testid="state-note"]')?.textContent).toContain('changed freely');
  });

  it('moves an item with the buttons, says where it went and keeps the keyboard on it', async () => {
    const { fixture, page } = await render();
    expect(page.querySelector<HTMLButtonElement>('[data-move="up"][data-item="i1"]')!.disabled).toBeTrue();
    expect(page.querySelector<HTMLButtonElement>('[data-move="down"][data-item="i3"]')!.disabled).toBeTrue();
    page.querySelector<HTMLButtonElement>('[data-move="down"][data-item="i2"]')!.click();
    await settle(fixture);
    expect(mutations()[0]?.args[1]).toEqual({ id: 'i2', position: 3 });
    expect(titles(page)).toEqual(['1. Eröffnung', '2. Wahl zum Rechnungshof', '3. Haushalt 2027']);
    expect(page.querySelector('[data-testid="announcement"]')?.textContent).toContain('“Haushalt 2027” moved to position 3 of 3.');
    // At the bottom it cannot go further down: the keyboard is on its "up" button.
    expect(document.activeElement?.getAttribute('data-move')).toBe('up');
    expect(document.activeElement?.getAttribute('data-item')).toBe('i2');
  });

  it('adds an item at the end after checking it, links one per line', async () => {
    answers['AddAgendaItem'] = () => ({
      addAgendaItem: { __typename: 'MutationAddAgendaItemSuccess', data: item('i4', 4, 'Fragestunde', { kind: 'QUESTION_TIME' }) },
    });
    const { fixture, page } = await render();
    type(page, '#new-item-title', 'Fragestunde');
    type(page, '#new-item-links', 'https://dokumente.example/fragen.pdf\njavascript:alert(1)');
    page.querySelector<HTMLFormElement>('[data-testid="new-item-form"]')!.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(mutations()).toEqual([]);
    expect(page.querySelector('#new-item-links-problem')?.textContent).toContain('Entry 2: A link starting with https://.');
    expect(document.activeElement?.id).toBe('new-item-links');

    type(page, '#new-item-links', 'https://dokumente.example/fragen.pdf');
    const kind = page.querySelector<HTMLSelectElement>('#new-item-kind')!;
    kind.value = 'QUESTION_TIME';
    kind.dispatchEvent(new Event('change'));
    type(page, '#new-item-minutes', '60');
    page.querySelector<HTMLFormElement>('[data-testid="new-item-form"]')!.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(mutations()[0]?.args[1]).toEqual({
      sittingId: 's-43',
      input: { title: 'Fragestunde', kind: 'QUESTION_TIME', debateMinutes: 60, description: null, documentLinks: ['https://dokumente.example/fragen.pdf'] },
    });
    expect(page.querySelector('[data-testid="announcement"]')?.textContent).toContain('“Fragestunde” added as item 4.');
    expect(page.querySelector<HTMLInputElement>('#new-item-title')?.value).toBe('');
  });

  it('edits an item in place, sending all of it (an emptied field clears it)', async () => {
    answers['UpdateAgendaItem'] = () => ({ updateAgendaItem: { __typename: 'MutationUpdateAgendaItemSuccess', data: item('i2', 2, 'Haushalt 2027') } });
    const { fixture, page } = await render();
    page.querySelector<HTMLButtonElement>('[data-testid="edit-item"][data-item="i2"]')!.click();
    await settle(fixture);
    expect(page.querySelector<HTMLInputElement>('#edit-i2-minutes')?.value).toBe('90');
    expect(document.activeElement?.id).toBe('edit-i2-title');
    type(page, '#edit-i2-minutes', '');
    type(page, '#edit-i2-links', '');
    page.querySelector<HTMLFormElement>('[data-testid="edit-i2-form"]')!.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(mutations()[0]?.args[1]).toEqual({
      id: 'i2',
      input: { title: 'Haushalt 2027', kind: 'DEBATE', debateMinutes: null, description: null, documentLinks: [] },
    });
    expect(page.querySelector('[data-testid="edit-i2-form"]')).toBeNull();
  });

  it('removes an item only after asking', async () => {
    answers['RemoveAgendaItem'] = () => {
      agenda = agenda.filter((i) => i.id !== 'i1').map((i, n) => ({ ...i, position: n + 1 }));
      return { removeAgendaItem: { __typename: 'MutationRemoveAgendaItemSuccess', data: 'i1' } };
    };
    const { fixture, page } = await render();
    page.querySelector<HTMLButtonElement>('[data-testid="remove-item"][data-item="i1"]')!.click();
    await settle(fixture);
    expect(page.querySelector('dialog[open]')?.textContent).toContain('Remove item 1?');
    expect(mutations()).toEqual([]);
    page.querySelector<HTMLButtonElement>('[data-testid="confirm-remove"]')!.click();
    await settle(fixture);
    expect(mutations()[0]?.args[1]).toEqual({ id: 'i1' });
    expect(titles(page)).toEqual(['1. Haushalt 2027', '2. Wahl zum Rechnungshof']);
    expect(page.querySelector('[data-testid="announcement"]')?.textContent).toContain('“Eröffnung” removed.');
  });

  it('while the sitting runs: corrections and additions only, reordering and removing left to the chair', async () => {
    state = 'OPEN';
    const { page } = await render();
    expect(page.querySelector('[data-move]')).toBeNull();
    expect(page.querySelector('[data-testid="remove-item"]')).toBeNull();
    expect(page.querySelector('[data-testid="edit-item"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="new-item-form"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="state-note"]')?.textContent).toContain('for the chair, through the procedure');
  });

  it('is read only once the sitting is closed or cancelled', async () => {
    for (const s of ['CLOSED', 'CANCELLED'] as const) {
      state = s;
      const { page } = await render();
      expect(page.querySelector('[data-testid="agenda-item"] button')).toBeNull();
      expect(page.querySelector('[data-testid="new-item-form"]')).toBeNull();
      expect(page.querySelector('[data-testid="state-note"]')?.textContent).toContain(s === 'CLOSED' ? 'closed' : 'cancelled');
    }
  });
});
