import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { demoProcedure } from '../../testing/demo-procedure';
import { answerByName, procedureAnswer } from '../../testing/procedure-answers';
import { browserLanguages, TranslationState } from '../i18n/translation-state';
import { ProcedureState } from '../procedure/procedure-state';
import { GraphqlClient } from '../shared/graphql-client';
import { NamedVoteDemands, ruleOfName, type NamedVoteDemand } from './named-vote-demands';

function demand(change: Partial<NamedVoteDemand> = {}): NamedVoteDemand {
  return {
    draftId: 'draft-1',
    title: 'Referral to the budget committee',
    kind: 'SHOW_OF_HANDS',
    deadline: 'SITTING_START',
    deadlineAt: '2026-12-03T09:00:00.000Z',
    demandBy: 'FACTION',
    refusal: null,
    demandedByMine: false,
    factionsDemanding: 0,
    membersDemanding: 0,
    membersNeeded: null,
    valid: false,
    ...change,
  };
}

describe('NamedVoteDemands', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  let listed: NamedVoteDemand[];
  let demandAnswer: unknown;

  beforeEach(async () => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: browserLanguages, useValue: ['en-GB'] },
      ],
    });
    listed = [demand(), demand({ draftId: 'draft-late', title: 'Too late', refusal: 'VOTE__NAMED_DEMAND_LATE' })];
    demandAnswer = { demandNamedVote: { __typename: 'MutationDemandNamedVoteSuccess', data: procedureAnswer(demoProcedure({ seq: 12 })).sitting!.procedure } };
    answerByName(graphql, {
      Procedure: procedureAnswer(demoProcedure()),
      NamedVoteDemands: () => ({ sitting: { id: 'sitting-42', namedVoteDemands: listed } }),
      DemandNamedVote: () => demandAnswer,
    });
    TestBed.inject(TranslationState).setTimeZone('Europe/Berlin');
    await TestBed.inject(ProcedureState).load('sitting-42');
  });

  async function render(): Promise<[ComponentFixture<NamedVoteDemands>, HTMLElement]> {
    const fixture = TestBed.createComponent(NamedVoteDemands);
    await fixture.whenStable();
    await fixture.whenStable();
    return [fixture, fixture.nativeElement as HTMLElement];
  }
  const byTestId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const demandCalls = () => graphql.request.calls.all().filter((call) => call.args[0].operationName === 'DemandNamedVote');

  it('maps GraphQL rule names back to rule codes', () => {
    expect(ruleOfName('VOTE__NAMED_DEMAND_LATE')).toBe('vote.named_demand_late');
    expect(ruleOfName('POINT_OF_ORDER__NOT_PENDING')).toBe('point_of_order.not_pending');
  });

  it('lists what can still be demanded, with the deadline on the parliament’s clock; drafts past it are left out', async () => {
    const [, panel] = await render();

    const rows = panel.querySelectorAll('[data-testid="named-demand"]');
    expect(rows.length).toBe(1);
    expect(rows[0]?.textContent).toContain('Referral to the budget committee');
    expect(rows[0]?.textContent).toContain('Prepared as: Show of hands');
    expect(byTestId(panel, 'demand-deadline')?.textContent).toContain('Until the sitting opens');
    expect(byTestId(panel, 'demand-deadline')?.textContent).toContain('10:00');
    expect(byTestId(panel, 'demand-named')?.getAttribute('aria-label')).toBe('Demand a named vote on “Referral to the budget committee”');
  });

  it('asks for confirmation, demands for the faction and shows that it stands', async () => {
    const [fixture, panel] = await render();
    byTestId(panel, 'demand-named')!.click();
    await fixture.whenStable();
    const dialog = panel.querySelector('dialog');
    expect(dialog?.open).toBeTrue();
    expect(dialog?.textContent).toContain('Your faction demands that “Referral to the budget committee” be taken by name.');
    expect(demandCalls()).toEqual([]);

    listed = [demand({ demandedByMine: true, factionsDemanding: 1, valid: true })];
    byTestId(panel, 'confirm-demand')!.click();
    await fixture.whenStable();
    await fixture.whenStable();

    expect(demandCalls()[0]?.args[1]).toEqual({ sittingId: 'sitting-42', draftId: 'draft-1' });
    expect(byTestId(panel, 'demanded')?.textContent).toContain('Demanded');
    expect(byTestId(panel, 'demand-state')?.textContent).toContain('Your faction has demanded it.');
    expect(byTestId(panel, 'demand-state')?.textContent).toContain('The demand stands: this vote will be taken by name.');
    expect(byTestId(panel, 'demand-named')).toBeNull();
  });

  it('counts a members’ demand against those needed', async () => {
    listed = [demand({ demandBy: 'MEMBERS', deadline: 'UNTIL_VOTE_OPENS', deadlineAt: null, membersDemanding: 2, membersNeeded: 3 })];
    const [, panel] = await render();
    expect(byTestId(panel, 'demand-state')?.textContent).toContain('2 of 3 members needed demand it');
    expect(byTestId(panel, 'demand-state')?.textContent).toContain('Not yet enough members demand it.');
    expect(byTestId(panel, 'demand-deadline')?.textContent?.trim()).toBe('Until the vote is opened');
  });

  it('says in German why the server refused (the deadline passed meanwhile)', async () => {
    demandAnswer = {
      demandNamedVote: {
        __typename: 'RuleViolation',
        code: 'RULE_VIOLATION',
        rule: 'vote.named_demand_late',
        message: 'too late to demand a named vote: the sitting has started',
      },
    };
    TestBed.inject(TranslationState).setLanguage('de');
    const [fixture, panel] = await render();
    expect(byTestId(panel, 'demand-named')?.textContent?.trim()).toBe('Namentliche Abstimmung verlangen');
    byTestId(panel, 'demand-named')!.click();
    await fixture.whenStable();
    byTestId(panel, 'confirm-demand')!.click();
    await fixture.whenStable();
    await fixture.whenStable();

    expect(byTestId(panel, 'command-problem')?.textContent).toContain('Für das Verlangen einer namentlichen Abstimmung ist es zu spät.');
    TestBed.inject(TranslationState).setLanguage('en');
  });

  it('tells when nothing can be demanded', async () => {
    listed = [];
    const [, panel] = await render();
    expect(byTestId(panel, 'no-demandable')?.textContent).toContain('No prepared vote can be demanded by name now.');
  });
});
