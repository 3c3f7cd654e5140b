import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { demoProcedure, demoVote } from '../../testing/demo-procedure';
import { answerByName, procedureAnswer } from '../../testing/procedure-answers';
import { browserLanguages, TranslationState } from '../i18n/translation-state';
import { ProcedureState } from '../procedure/procedure-state';
import { GraphqlClient } from '../shared/graphql-client';
import { OpenVoteControl } from './open-vote-control';
import { readCounts } from './vote-counts';

describe('readCounts', () => {
  const options = [{ id: 'yes' }, { id: 'no' }, { id: 'abstain' }];

  it('reads a whole number from 0 for every option, in option order', () => {
    expect(readCounts(options, { no: 3, yes: '12', abstain: 0 })).toEqual({
      counts: [
        { optionId: 'yes', count: 12 },
        { optionId: 'no', count: 3 },
        { optionId: 'abstain', count: 0 },
      ],
      problems: [],
      total: 15,
    });
  });

  it('names empty, negative and fractional entries and sends nothing', () => {
    const read = readCounts(options, { yes: -1, no: 2.5, abstain: ' ' });
    expect(read.counts).toBeNull();
    expect(read.problems).toEqual([
      { optionId: 'yes', problem: 'not-whole' },
      { optionId: 'no', problem: 'not-whole' },
      { optionId: 'abstain', problem: 'missing' },
    ]);
    expect(readCounts(options, { yes: 4 })).toEqual(jasmine.objectContaining({ counts: null, total: 4 }));
  });
});

describe('the chair’s counts of a show of hands', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  const hands = demoVote({ kind: 'SHOW_OF_HANDS', eligibleCount: 30, eligibleToMe: false });
  let enterAnswer: unknown;

  beforeEach(async () => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: browserLanguages, useValue: ['en-GB'] },
      ],
    });
    enterAnswer = { enterVoteCounts: { __typename: 'MutationEnterVoteCountsSuccess', data: procedureAnswer(demoProcedure({ seq: 20 })).sitting!.procedure } };
    answerByName(graphql, {
      Procedure: procedureAnswer(demoProcedure({ openVote: hands, votes: [hands] })),
      EnterVoteCounts: () => enterAnswer,
    });
    await TestBed.inject(ProcedureState).load('sitting-42');
  });

  async function render(): Promise<[ComponentFixture<OpenVoteControl>, HTMLElement]> {
    const fixture = TestBed.createComponent(OpenVoteControl);
    await fixture.whenStable();
    return [fixture, fixture.nativeElement as HTMLElement];
  }
  const byTestId = <T extends HTMLElement = HTMLElement>(root: HTMLElement, id: string) => root.querySelector<T>(`[data-testid="${id}"]`);
  async function type(fixture: ComponentFixture<unknown>, input: HTMLInputElement | null, value: string): Promise<void> {
    input!.value = value;
    input!.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  const enterCalls = () => graphql.request.calls.all().filter((call) => call.args[0].operationName === 'EnterVoteCounts');

  it('offers a count per option instead of turnout and closing, with the total beside those entitled', async () => {
    const [fixture, panel] = await render();

    expect(byTestId(panel, 'close-vote')).toBeNull();
    expect(byTestId(panel, 'vote-turnout')).toBeNull();
    expect(byTestId(panel, 'cancel-vote')).not.toBeNull();
    const labels = [...panel.querySelectorAll('.count .option')].map((label) => label.textContent?.trim());
    expect(labels).toEqual(['Yes', 'No', 'Abstain']);
    await type(fixture, byTestId(panel, 'count-yes'), '16');
    await type(fixture, byTestId(panel, 'count-no'), '10');
    expect(byTestId(panel, 'count-total')?.textContent).toContain('Total 26 of 30 entitled to vote');
    await type(fixture, byTestId(panel, 'count-abstain'), '5');
    expect(byTestId(panel, 'count-total')?.textContent).toContain('More hands than members entitled to vote');
  });

  it('names what is missing and sends nothing', async () => {
    const [fixture, panel] = await render();
    await type(fixture, byTestId(panel, 'count-yes'), '16');
    byTestId(panel, 'enter-counts')!.click();
    await fixture.whenStable();

    expect(byTestId(panel, 'count-problems')?.textContent).toContain('Enter a count for “No” (0 if no hands).');
    expect(byTestId(panel, 'count-no')?.getAttribute('aria-invalid')).toBe('true');
    expect(panel.querySelector('dialog')?.open).toBeFalse();
    expect(enterCalls()).toEqual([]);
  });

  it('asks for confirmation with the counts, then enters them', async () => {
    const [fixture, panel] = await render();
    await type(fixture, byTestId(panel, 'count-yes'), '16');
    await type(fixture, byTestId(panel, 'count-no'), '10');
    await type(fixture, byTestId(panel, 'count-abstain'), '0');
    byTestId(panel, 'enter-counts')!.click();
    await fixture.whenStable();

    const dialog = panel.querySelector('dialog');
    expect(dialog?.open).toBeTrue();
    const summary = [...panel.querySelectorAll('[data-testid="count-summary"] div')].map((row) => [
      row.querySelector('dt')?.textContent,
      row.querySelector('dd')?.textContent,
    ]);
    expect(summary).toEqual([
      ['Yes', '16'],
      ['No', '10'],
      ['Abstain', '0'],
    ]);
    expect(enterCalls()).toEqual([]);
    byTestId(panel, 'confirm-counts')!.click();
    await fixture.whenStable();

    expect(enterCalls()[0]?.args[1]).toEqual({
      sittingId: 'sitting-42',
      voteId: 'vote-1',
      counts: [
        { optionId: 'opt-yes', count: 16 },
        { optionId: 'opt-no', count: 10 },
        { optionId: 'opt-abstain', count: 0 },
      ],
    });
    expect(dialog?.open).toBeFalse();
  });

  it('shows the server’s refusal in the chair’s language', async () => {
    enterAnswer = {
      enterVoteCounts: {
        __typename: 'RuleViolation',
        code: 'RULE_VIOLATION',
        rule: 'vote.counts_exceed_eligible',
        message: '31 counted, but only 30 members may vote',
      },
    };
    TestBed.inject(TranslationState).setLanguage('de');
    const [fixture, panel] = await render();
    await type(fixture, byTestId(panel, 'count-yes'), '31');
    await type(fixture, byTestId(panel, 'count-no'), '0');
    await type(fixture, byTestId(panel, 'count-abstain'), '0');
    byTestId(panel, 'enter-counts')!.click();
    await fixture.whenStable();
    byTestId(panel, 'confirm-counts')!.click();
    await fixture.whenStable();
    await fixture.whenStable();

    expect(byTestId(panel, 'command-problem')?.textContent).toContain('Die Zählung ergibt mehr Stimmen, als Stimmberechtigte da sind.');
    expect(byTestId(panel, 'count-total')?.textContent).toContain('Zusammen 31 von 30 Stimmberechtigten');
    TestBed.inject(TranslationState).setLanguage('en');
  });
});
