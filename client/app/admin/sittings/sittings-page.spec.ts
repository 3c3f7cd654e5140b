import { answerByName } from '../../../testing/procedure-answers';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ViewerState, type Viewer, type ViewerStatus } from '../../auth/viewer-state';
import { TranslationState } from '../../i18n/translation-state';
import { GraphqlClient } from '../../shared/graphql-client';
import type { Role } from '../../shared/graphql-schema.generated';
import type { AdminSittingFieldsFragment } from './admin-sittings.generated';
import { SittingsPage } from './sittings-page';

const sitting = (id: string, number: number, state: AdminSittingFieldsFragment['state'], startsAt: string, more: Partial<AdminSittingFieldsFragment> = {}) => ({
  id,
  number,
  title: `${number}. Plenarsitzung`,
  startsAt,
  state,
  postponedFrom: null,
  cancelReason: null,
  deletable: state === 'SCHEDULED',
  ...more,
});

const sittings = [
  sitting('s-42', 42, 'CLOSED', '2026-12-03T08:00:00.000Z'),
  sitting('s-43', 43, 'SCHEDULED', '2026-12-17T08:00:00.000Z', { postponedFrom: '2026-12-10T08:00:00.000Z' }),
  sitting('s-44', 44, 'CANCELLED', '2027-01-14T08:00:00.000Z', { cancelReason: 'Entfällt.' }),
];

describe('SittingsPage', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  let answers: Record<string, unknown>;
  const viewer = signal<Viewer | null>(null);

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    answers = { AdminSittings: () => ({ sittings, parliament: { timeZone: 'Europe/Berlin' } }) };
    answerByName(graphql, answers);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: GraphqlClient, useValue: graphql },
        {
          provide: ViewerState,
          useValue: jasmine.createSpyObj<ViewerState>('ViewerState', [], {
            viewer: viewer.asReadonly(),
            status: signal<ViewerStatus>('signed-in').asReadonly(),
          }),
        },
      ],
    });
    TestBed.inject(TranslationState).setLanguage('en');
  });

  async function render(roles: Role[]): Promise<{ fixture: ComponentFixture<SittingsPage>; page: HTMLElement }> {
    viewer.set({ username: 'clerk', name: 'Clerk', roles, person: null });
    const fixture = TestBed.createComponent(SittingsPage);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, page: fixture.nativeElement as HTMLElement };
  }

  const type = (page: HTMLElement, selector: string, value: string) => {
    const input = page.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const rowIds = (page: HTMLElement, group: string) =>
    [...page.querySelectorAll(`[data-testid="sittings-${group}"] [data-testid="sitting-row"]`)].map((r) => r.getAttribute('data-sitting'));
  const mutations = () => graphql.request.calls.all().filter((c) => c.args[0].kind === 'mutation');

  it('lists the sittings planned and held, each start in the parliament’s zone, and offers a clerk what each allows', async () => {
    const { page } = await render(['CLERK']);
    expect(rowIds(page, 'planned')).toEqual(['s-43']);
    expect(rowIds(page, 'done')).toEqual(['s-44', 's-42']);
    const planned = page.querySelector('[data-sitting="s-43"]')!;
    expect(planned.textContent).toContain('09:00');
    expect(planned.textContent).toContain('Postponed; first planned for');
    expect(planned.querySelector('[data-testid="postpone"]')?.getAttribute('aria-label')).toBe('Postpone: 43. 43. Plenarsitzung');
    expect(planned.querySelector('[data-testid="delete"]')).not.toBeNull();
    const cancelled = page.querySelector('[data-sitting="s-44"]')!;
    expect(cancelled.textContent).toContain('Cancelled');
    expect(cancelled.textContent).toContain('Entfällt.');
    expect(cancelled.querySelector('button')).toBeNull();
    expect(page.textContent).toContain('Europe/Berlin');
    expect(page.querySelector<HTMLInputElement>('#new-number')?.value).toBe('45');
  });

  it('shows the chair the sittings and their agendas, but nothing to plan', async () => {
    const { page } = await render(['MEMBER', 'CHAIR']);
    expect(page.querySelector('[data-testid="new-sitting"]')).toBeNull();
    expect(page.querySelector('[data-testid="sitting-row"] button')).toBeNull();
    expect(page.querySelector('[data-sitting="s-43"] a')?.getAttribute('href')).toBe('/s-43');
    expect(page.textContent).toContain('you keep their agendas');
  });

  it('checks a new sitting before sending it, then sends its start as the instant in the parliament’s zone', async () => {
    answers['CreateSitting'] = () => ({
      createSitting: { __typename: 'MutationCreateSittingSuccess', data: sitting('s-45', 45, 'SCHEDULED', '2027-01-21T08:00:00.000Z') },
    });
    const { fixture, page } = await render(['CLERK']);
    type(page, '#new-title', '   ');
    page.querySelector<HTMLFormElement>('[data-testid="new-sitting"]')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(mutations()).toEqual([]);
    expect(page.querySelector('#new-title')?.getAttribute('aria-invalid')).toBe('true');
    expect(page.querySelector('#new-title-problem')?.textContent).toContain('Required.');
    expect(page.querySelector('#new-starts-problem')?.textContent).toContain('Required.');

    type(page, '#new-title', '45. Plenarsitzung');
    type(page, '#new-starts', '2027-01-21T09:00');
    page.querySelector<HTMLFormElement>('[data-testid="new-sitting"]')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(mutations()[0]?.args[1]).toEqual({ input: { number: 45, title: '45. Plenarsitzung', startsAt: '2027-01-21T08:00:00.000Z' } });
    expect(page.querySelector('[data-testid="announcement"]')?.textContent).toContain('Sitting 45 created.');
    expect(page.querySelector<HTMLInputElement>('#new-number')?.value).toBe('46');
  });

  it('cancels a sitting only with a reason, after asking, and shows the server’s refusal at the field', async () => {
    let reply: unknown = {
      cancelSitting: {
        __typename: 'InputError',
        code: 'INVALID_INPUT',
        message: 'x',
        issues: [{ path: ['input', 'reason'], message: 'must not contain control characters' }],
      },
    };
    answers['CancelSitting'] = () => reply;
    const { fixture, page } = await render(['IT_ADMIN']);
    page.querySelector<HTMLButtonElement>('[data-sitting="s-43"] [data-testid="cancel"]')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    const dialog = page.querySelector('dialog[open]')!;
    expect(dialog.textContent).toContain('Cancel sitting 43?');
    dialog.querySelector<HTMLButtonElement>('[data-testid="confirm-cancel"]')!.click();
    await fixture.whenStable();
    expect(mutations()).toEqual([]);
    expect(dialog.querySelector('#cancel-reason-problem')?.textContent).toContain('Required.');

    type(page, '#cancel-reason', 'Mangels Beratungsgegenständen.');
    dialog.querySelector<HTMLButtonElement>('[data-testid="confirm-cancel"]')!.click();
    await fixture.whenStable();
    expect(mutations()[0]?.args[1]).toEqual({ id: 's-43', input: { reason: 'Mangels Beratungsgegenständen.' } });
    expect(dialog.querySelector('#cancel-reason-problem')?.textContent).toContain('must not contain control characters');

    reply = { cancelSitting: { __typename: 'RuleViolation', code: 'RULE_VIOLATION', message: 'm', rule: 'sitting.already_started' } };
    dialog.querySelector<HTMLButtonElement>('[data-testid="confirm-cancel"]')!.click();
    await fixture.whenStable();
    expect(dialog.querySelector('.refusal')?.textContent).toContain('The sitting has begun');
  });

  it('postpones to a later start in the parliament’s zone, with the reason for the log', async () => {
    answers['PostponeSitting'] = () => ({
      postponeSitting: { __typename: 'MutationPostponeSittingSuccess', data: sitting('s-43', 43, 'SCHEDULED', '2027-01-07T08:00:00.000Z') },
    });
    const { fixture, page } = await render(['CLERK']);
    page.querySelector<HTMLButtonElement>('[data-sitting="s-43"] [data-testid="postpone"]')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    type(page, '#postpone-starts', '2027-01-07T09:00');
    type(page, '#postpone-reason', 'Die Vorlage fehlt.');
    page.querySelector<HTMLButtonElement>('[data-testid="confirm-postpone"]')!.click();
    await fixture.whenStable();
    expect(mutations()[0]?.args[1]).toEqual({ id: 's-43', input: { startsAt: '2027-01-07T08:00:00.000Z', reason: 'Die Vorlage fehlt.' } });
    expect(page.querySelector('dialog[open]')).toBeNull();
    expect(page.querySelector('[data-testid="announcement"]')?.textContent).toContain('Sitting 43 postponed');
  });
});
