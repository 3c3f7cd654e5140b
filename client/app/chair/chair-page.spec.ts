import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import { demoPerson, demoProcedure, demoRequest } from '../../testing/demo-procedure';
import { answerByName, procedureAnswer } from '../../testing/procedure-answers';
import { ViewerState } from '../auth/viewer-state';
import { browserLanguages } from '../i18n/translation-state';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlSubscriptions, type LiveConnection } from '../shared/graphql-subscriptions';
import { ChairPage } from './chair-page';

describe('ChairPage', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;

  const keller = { username: 'a.keller', name: 'Anna Keller', roles: ['MEMBER', 'CHAIR'], person: { id: 'a.keller', name: 'Anna Keller', faction: null } };
  const debate = demoProcedure({
    speakerList: {
      agendaItemId: 'sitting-42-item-2',
      closed: false,
      requests: [demoRequest('r1', 'j.brandt', '2026-12-03T09:20:00Z'), demoRequest('r2', 'f.kuhn', '2026-12-03T09:25:00Z')],
    },
    pointsOfOrder: [
      {
        id: 'poo-1',
        person: demoPerson('l.vogel'),
        category: 'close_of_debate',
        text: 'Move to close the debate.',
        raisedAt: '2026-12-03T09:10:00Z',
        heard: false,
      },
    ],
  });

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    const subscriptions = jasmine.createSpyObj<GraphqlSubscriptions>('GraphqlSubscriptions', ['subscribe'], {
      connection: signal<LiveConnection>('open').asReadonly(),
      reconnected: new Subject<void>().asObservable(),
    });
    subscriptions.subscribe.and.returnValue(new Subject<never>().asObservable());
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: GraphqlClient, useValue: graphql },
        { provide: GraphqlSubscriptions, useValue: subscriptions },
        { provide: browserLanguages, useValue: ['en'] },
      ],
    });
  });

  async function render(viewer: unknown, answers: Record<string, unknown> = {}): Promise<[ComponentFixture<ChairPage>, HTMLElement]> {
    answerByName(graphql, {
      Viewer: { me: viewer },
      Procedure: procedureAnswer(debate),
      ChairSetup: { sitting: { id: 'sitting-42', voteDrafts: [] }, people: [] },
      ...answers,
    });
    await TestBed.inject(ViewerState).load();
    const fixture = TestBed.createComponent(ChairPage);
    fixture.componentRef.setInput('id', 'sitting-42');
    await fixture.whenStable();
    await fixture.whenStable();
    return [fixture, fixture.nativeElement as HTMLElement];
  }

  it('puts the points of order ahead of the floor and the speaker list', async () => {
    const [, page] = await render(keller);

    const headings = [...page.querySelectorAll('.main-column h2')].map((heading) => heading.textContent?.trim());
    expect(headings[0]).toBe('Points of order (1)');
    expect(headings.indexOf('Speaker list (2)')).toBeGreaterThan(0);
    expect(page.querySelector('[data-testid="point-of-order"]')?.textContent).toContain('Close of debate');
  });

  it('lists the point of order first in the event console, then the hands, newest first', async () => {
    const [, page] = await render(keller);

    const entries = [...page.querySelectorAll('[data-testid="event-entry"]')].map(
      (entry) => `${entry.getAttribute('data-kind')} ${entry.querySelector('.who')?.textContent}`,
    );
    expect(entries).toEqual(['point-of-order Leonie Vogel (SDA)', 'hand Finn Kuhn (CVP)', 'hand Jonas Brandt (SDA)']);
  });

  it('sends "Next speaker" and shows a refusal right beside the floor controls', async () => {
    const [fixture, page] = await render(keller, {
      NextSpeaker: {
        nextSpeaker: { __typename: 'RuleViolation', code: 'RULE_VIOLATION', rule: 'floor.point_of_order_first', message: 'Decide the point of order first.' },
      },
    });

    page.querySelector<HTMLButtonElement>('[data-testid="next-speaker"]')?.click();
    await fixture.whenStable();
    await fixture.whenStable();

    expect(graphql.request.calls.mostRecent().args[1]).toEqual({ sittingId: 'sitting-42' });
    const floorPanel = page.querySelector('[aria-labelledby="floor-heading"]');
    expect(floorPanel?.querySelector('[data-testid="command-problem"]')?.textContent).toContain('Decide the point of order first.');
    expect(page.querySelectorAll('[data-testid="command-problem"]').length).toBe(1);
  });

  it('decides a point of order with the chosen decision and note', async () => {
    const [fixture, page] = await render(keller, {
      DecidePointOfOrder: { decidePointOfOrder: { __typename: 'MutationDecidePointOfOrderSuccess', data: demoProcedure({ seq: 11 }) } },
    });
    const select = page.querySelector<HTMLSelectElement>('[data-testid="point-decision"]')!;
    select.value = 'REJECTED';
    select.dispatchEvent(new Event('change'));
    const note = page.querySelector<HTMLInputElement>('[data-testid="point-of-order"] input[name="note"]')!;
    note.value = 'Debate time is not used up.';
    note.dispatchEvent(new Event('input'));
    await fixture.whenStable();

    page.querySelector<HTMLButtonElement>('[data-testid="decide-point"]')?.click();
    await fixture.whenStable();
    await fixture.whenStable();

    const call = graphql.request.calls.all().find((candidate) => candidate.args[0].operationName === 'DecidePointOfOrder');
    expect(call?.args[1]).toEqual({ sittingId: 'sitting-42', pointId: 'poo-1', decision: 'REJECTED', note: 'Debate time is not used up.', voteDraftId: null });
    expect(page.querySelector('[data-testid="point-of-order"]')).toBeNull();
  });

  it('keeps the console from members outside the chair’s team', async () => {
    const [, page] = await render({ ...keller, username: 'j.brandt', name: 'Jonas Brandt', roles: ['MEMBER'] });

    expect(page.querySelector('[data-testid="chair-forbidden"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="next-speaker"]')).toBeNull();
    expect(graphql.request.calls.all().map((call) => call.args[0].operationName)).toEqual(['Viewer']);
  });
});
