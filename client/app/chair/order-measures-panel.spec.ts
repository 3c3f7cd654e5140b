import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { demoPerson, demoProcedure } from '../../testing/demo-procedure';
import { answerByName, procedureAnswer } from '../../testing/procedure-answers';
import { browserLanguages } from '../i18n/translation-state';
import type { OrderMeasures } from '../procedure/order-measures-state';
import { ProcedureState } from '../procedure/procedure-state';
import { GraphqlClient } from '../shared/graphql-client';
import { ChairState } from './chair-state';
import { OrderMeasuresPanel } from './order-measures-panel';

const measures: OrderMeasures = {
  callToPointAllowed: true,
  withdrawAfterCalls: 3,
  callsCountedPerSpeech: true,
  maxExclusionSittingDays: 30,
  objectionAllowed: true,
  floorCalls: null,
  mayWithdrawFloor: false,
  calls: [],
  muted: [],
  exclusions: [],
  excludedIds: [],
  floorWithdrawnFrom: [],
};

describe('OrderMeasuresPanel', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;

  beforeEach(async () => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: browserLanguages, useValue: ['en-GB'] },
      ],
    });
    const brandt = { ...demoPerson('j.brandt'), roles: ['MEMBER'] };
    const keller = { ...demoPerson('a.keller'), roles: ['MEMBER', 'CHAIR'] };
    answerByName(graphql, {
      Procedure: procedureAnswer(demoProcedure()),
      ChairSetup: { sitting: { id: 'sitting-42', voteDrafts: [] }, people: [keller, brandt] },
      OrderMeasures: { sitting: { id: 'sitting-42', procedure: { seq: 10, orderMeasures: measures } } },
      ExcludeMember: { excludeMember: { __typename: 'MutationExcludeMemberSuccess', data: procedureAnswer(demoProcedure({ seq: 11 })).sitting!.procedure } },
    });
    await TestBed.inject(ProcedureState).load('sitting-42');
    await TestBed.inject(ChairState).loadSetup('sitting-42');
  });

  async function render(): Promise<[ComponentFixture<OrderMeasuresPanel>, HTMLElement]> {
    const fixture = TestBed.createComponent(OrderMeasuresPanel);
    await fixture.whenStable();
    await fixture.whenStable();
    return [fixture, fixture.nativeElement as HTMLElement];
  }
  const byTestId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const sent = (name: string) => graphql.request.calls.all().filter((call) => call.args[0].operationName === name);

  it('offers members and guests, never the chair’s team; no withdrawal without a floor', async () => {
    const [, panel] = await render();
    const options = [...panel.querySelectorAll('[data-testid="measure-member"] option')].map((o) => o.textContent?.trim());
    expect(options).toEqual(['Choose a member…', 'Jonas Brandt']);
    expect(byTestId(panel, 'withdraw-floor')).toBeNull();
    // Nobody holds the floor and nobody is chosen: no measure falls on whoever is first in the list.
    expect((byTestId(panel, 'call-to-order') as HTMLButtonElement).disabled).toBeTrue();
    expect((byTestId(panel, 'exclude-member') as HTMLButtonElement).disabled).toBeTrue();
  });

  /** Chooses a member in the panel's list. */
  async function choose(fixture: ComponentFixture<OrderMeasuresPanel>, panel: HTMLElement, personId: string): Promise<void> {
    const select = byTestId(panel, 'measure-member') as HTMLSelectElement;
    select.value = personId;
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  it('excludes only after confirmation, with the sitting days chosen', async () => {
    const [fixture, panel] = await render();
    await choose(fixture, panel, 'j.brandt');
    byTestId(panel, 'exclude-member')!.click();
    await fixture.whenStable();
    expect(sent('ExcludeMember')).toEqual([]);
    const days = byTestId(panel, 'exclusion-days') as HTMLInputElement;
    days.value = '2';
    days.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(panel.textContent).toContain('Jonas Brandt leaves the chamber at once and may not return for 2 sitting days');
    byTestId(panel, 'confirm-exclude')!.click();
    await fixture.whenStable();
    expect(sent('ExcludeMember').map((call) => call.args[1])).toEqual([{ personId: 'j.brandt', sittingDays: 2, reason: null, sittingId: 'sitting-42' }]);
  });
});
