import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { demoProcedure } from '../../testing/demo-procedure';
import { answerByName, procedureAnswer } from '../../testing/procedure-answers';
import { ViewerState } from '../auth/viewer-state';
import { browserLanguages, languageStorage } from '../i18n/translation-state';
import { ProcedureState } from '../procedure/procedure-state';
import { GraphqlClient } from '../shared/graphql-client';
import { decisionToTell } from './point-decision';
import { PointDecisionNotice } from './point-decision-notice';

const decided = (id: string, personId: string, decidedAt: string, decision: 'ACCEPTED' | 'REJECTED' | 'NOTED' | 'PUT_TO_VOTE' = 'REJECTED') => ({
  id,
  person: { id: personId },
  category: 'adjournment',
  text: `Point ${id}`,
  decision,
  note: null as string | null,
  decidedAt,
});

describe('decisionToTell', () => {
  const points = [
    decided('p1', 'l.vogel', '2026-12-03T09:30:00Z', 'NOTED'),
    decided('p2', 'j.brandt', '2026-12-03T09:40:00Z'),
    decided('p3', 'l.vogel', '2026-12-03T09:35:00Z', 'ACCEPTED'),
  ];

  it('tells me my newest decided point, never someone else’s', () => {
    expect(decisionToTell(points, 'l.vogel', new Set())?.id).toBe('p3');
    expect(decisionToTell(points, 'j.brandt', new Set())?.id).toBe('p2');
    expect(decisionToTell(points, 'f.kuhn', new Set())).toBeNull();
    expect(decisionToTell(points, null, new Set())).toBeNull();
  });

  it('skips what I dismissed', () => {
    expect(decisionToTell(points, 'l.vogel', new Set(['p3']))?.id).toBe('p1');
    expect(decisionToTell(points, 'l.vogel', new Set(['p1', 'p3']))).toBeNull();
  });
});

describe('PointDecisionNotice', () => {
  let fixture: ComponentFixture<PointDecisionNotice>;

  async function render(language: string, points: ReturnType<typeof decided>[]): Promise<HTMLElement> {
    const graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: browserLanguages, useValue: [language] },
        { provide: languageStorage, useValue: null },
      ],
    });
    answerByName(graphql, {
      Viewer: { me: { username: 'l.vogel', name: 'Leonie Vogel', roles: ['MEMBER'], person: { id: 'l.vogel', name: 'Leonie Vogel', faction: null } } },
      Procedure: procedureAnswer(demoProcedure({ decidedPoints: points })),
    });
    await TestBed.inject(ViewerState).load();
    await TestBed.inject(ProcedureState).load('sitting-42');
    fixture = TestBed.createComponent(PointDecisionNotice);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('tells the mover the decision with the category, their text and the chair’s note, until dismissed', async () => {
    const element = await render('en', [{ ...decided('p1', 'l.vogel', '2026-12-03T09:30:00Z'), note: 'Not now.' }]);
    const notice = element.querySelector('[data-testid="point-decision"]');

    expect(notice?.getAttribute('data-decision')).toBe('REJECTED');
    expect(element.querySelector('[data-testid="point-decision-text"]')?.textContent).toContain('The chair rejected your point of order (Adjournment).');
    expect(notice?.textContent).toContain('“Point p1”');
    expect(notice?.textContent).toContain('Not now.');
    expect(element.querySelector('[role="status"]')).not.toBeNull();

    element.querySelector<HTMLButtonElement>('[data-testid="dismiss-point-decision"]')?.click();
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="point-decision"]')).toBeNull();
  });

  it('says nothing about other members’ points, and speaks German', async () => {
    const other = await render('de', [decided('p2', 'j.brandt', '2026-12-03T09:40:00Z', 'ACCEPTED')]);
    expect(other.querySelector('[data-testid="point-decision"]')).toBeNull();
  });

  it('speaks German to the mover', async () => {
    const element = await render('de', [decided('p3', 'l.vogel', '2026-12-03T09:40:00Z', 'ACCEPTED')]);
    expect(element.querySelector('[data-testid="point-decision-text"]')?.textContent).toContain('angenommen');
  });
});
