import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { demoPerson, demoProcedure } from '../../testing/demo-procedure';
import { answerByName, procedureAnswer } from '../../testing/procedure-answers';
import { ViewerState } from '../auth/viewer-state';
import { browserLanguages } from '../i18n/translation-state';
import { ProcedureState } from '../procedure/procedure-state';
import { GraphqlClient } from '../shared/graphql-client';
import { PointOfOrderForm, pointOfOrderProblems } from './point-of-order-form';

describe('pointOfOrderProblems', () => {
  const categories = [{ id: 'adjournment' }, { id: 'close_of_debate' }];

  it('needs a category from the rulebook and a text of at most 500 characters', () => {
    expect(pointOfOrderProblems('adjournment', 'Motion to adjourn the debate.', categories)).toEqual([]);
    expect(pointOfOrderProblems('', 'x', categories)).toEqual(['category-missing']);
    expect(pointOfOrderProblems('filibuster', 'x', categories)).toEqual(['category-unknown']);
    expect(pointOfOrderProblems('adjournment', '   ', categories)).toEqual(['text-missing']);
    expect(pointOfOrderProblems('adjournment', 'a'.repeat(500), categories)).toEqual([]);
    expect(pointOfOrderProblems('adjournment', 'a'.repeat(501), categories)).toEqual(['text-too-long']);
    expect(pointOfOrderProblems('', '', categories)).toEqual(['category-missing', 'text-missing']);
  });
});

describe('PointOfOrderForm', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;

  beforeEach(async () => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: browserLanguages, useValue: ['en'] },
      ],
    });
    answerByName(graphql, {
      Viewer: { me: { username: 'l.vogel', name: 'Leonie Vogel', roles: ['MEMBER'], person: { id: 'l.vogel', name: 'Leonie Vogel', faction: null } } },
      Procedure: procedureAnswer(demoProcedure()),
      RaisePointOfOrder: (variables: { category: string; text: string }) => ({
        raisePointOfOrder: {
          __typename: 'MutationRaisePointOfOrderSuccess',
          data: demoProcedure({
            seq: 11,
            pointsOfOrder: [
              {
                id: 'poo-1',
                person: demoPerson('l.vogel'),
                category: variables.category,
                text: variables.text,
                raisedAt: '2026-12-03T09:31:00Z',
                heard: false,
              },
            ],
          }),
        },
      }),
    });
    await TestBed.inject(ViewerState).load();
    await TestBed.inject(ProcedureState).load('sitting-42');
  });

  async function render(): Promise<[ComponentFixture<PointOfOrderForm>, HTMLElement]> {
    const fixture = TestBed.createComponent(PointOfOrderForm);
    await fixture.whenStable();
    return [fixture, fixture.nativeElement as HTMLElement];
  }

  function raised(): number {
    return graphql.request.calls.all().filter((call) => call.args[0].operationName === 'RaisePointOfOrder').length;
  }

  async function fill(fixture: ComponentFixture<PointOfOrderForm>, form: HTMLElement, category: string, text: string): Promise<void> {
    const select = form.querySelector<HTMLSelectElement>('[data-testid="point-category"]')!;
    select.value = category;
    select.dispatchEvent(new Event('change'));
    const area = form.querySelector<HTMLTextAreaElement>('[data-testid="point-text"]')!;
    area.value = text;
    area.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('lists the categories of the rulebook in the interface language', async () => {
    const [, form] = await render();
    const labels = [...form.querySelectorAll('[data-testid="point-category"] option')].map((option) => option.textContent?.trim());

    expect(labels).toEqual(['Choose a category…', 'Adjournment', 'Close of debate']);
  });

  it('names what is missing and sends nothing', async () => {
    const [fixture, form] = await render();
    expect(form.querySelector('[data-testid="point-problems"]')).toBeNull();

    form.querySelector<HTMLButtonElement>('[data-testid="raise-point"]')?.click();
    await fixture.whenStable();

    const problems = form.querySelector('[data-testid="point-problems"]')?.textContent ?? '';
    expect(problems).toContain('Choose a category.');
    expect(problems).toContain('Say briefly what your point is.');
    expect(form.querySelector('[data-testid="point-text"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(raised()).toBe(0);
  });

  it('counts down the characters and refuses a text over 500', async () => {
    const [fixture, form] = await render();
    await fill(fixture, form, 'adjournment', 'b'.repeat(520));

    expect(form.querySelector('#point-text-count')?.textContent).toContain('20 characters too many');
    form.querySelector<HTMLButtonElement>('[data-testid="raise-point"]')?.click();
    await fixture.whenStable();

    expect(form.querySelector('[data-testid="point-problems"]')?.textContent).toContain('longer than 500');
    expect(raised()).toBe(0);
  });

  it('raises a valid point of order, then shows it as waiting and empties the form', async () => {
    const [fixture, form] = await render();
    await fill(fixture, form, 'adjournment', '  Motion to adjourn the debate.  ');

    form.querySelector<HTMLButtonElement>('[data-testid="raise-point"]')?.click();
    await fixture.whenStable();
    await fixture.whenStable();

    const call = graphql.request.calls.all().find((candidate) => candidate.args[0].operationName === 'RaisePointOfOrder');
    expect(call?.args[1]).toEqual({ sittingId: 'sitting-42', category: 'adjournment', text: 'Motion to adjourn the debate.' });
    expect(form.querySelector('[data-testid="my-point-of-order"]')?.textContent).toContain('Adjournment');
    expect(form.querySelector<HTMLTextAreaElement>('[data-testid="point-text"]')?.value).toBe('');
    expect(form.querySelector('[data-testid="point-problems"]')).toBeNull();
  });
});
