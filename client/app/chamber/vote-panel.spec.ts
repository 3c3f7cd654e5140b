import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { demoClosedVote, demoProcedure, demoVote } from '../../testing/demo-procedure';
import { answerByName, procedureAnswer } from '../../testing/procedure-answers';
import { ViewerState } from '../auth/viewer-state';
import { browserLanguages, TranslationState } from '../i18n/translation-state';
import { ProcedureState, type Vote } from '../procedure/procedure-state';
import { GraphqlClient } from '../shared/graphql-client';
import { VotePanel } from './vote-panel';

describe('VotePanel', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;

  beforeEach(async () => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: browserLanguages, useValue: ['en-GB'] },
      ],
    });
    answerByName(graphql, {
      Viewer: { me: { username: 'j.brandt', name: 'Jonas Brandt', roles: ['MEMBER'], person: { id: 'j.brandt', name: 'Jonas Brandt', faction: null } } },
      Procedure: procedureAnswer(demoProcedure()),
      CastVote: (variables: { optionId: string; voteId: string }) => ({
        castVote: {
          __typename: 'MutationCastVoteSuccess',
          data: { voteId: variables.voteId, optionId: variables.optionId, pseudonym: null, seq: 31, entryHash: 'ab12', code: 'K7Q2-9XWD' },
        },
      }),
    });
    await TestBed.inject(ViewerState).load();
    await TestBed.inject(ProcedureState).load('sitting-42');
  });

  async function render(vote: Vote): Promise<[ComponentFixture<VotePanel>, HTMLElement]> {
    const fixture = TestBed.createComponent(VotePanel);
    fixture.componentRef.setInput('vote', vote);
    await fixture.whenStable();
    return [fixture, fixture.nativeElement as HTMLElement];
  }

  const byTestId = (root: HTMLElement, id: string): HTMLElement | null => root.querySelector(`[data-testid="${id}"]`);

  it('offers a button per option of an open vote, with the turnout', async () => {
    const [, panel] = await render(demoVote({ ballotsCast: 1, eligibleCount: 3 }));

    const options = [...panel.querySelectorAll<HTMLButtonElement>('.options button')].map((button) => button.textContent?.trim());
    expect(options).toEqual(['Yes', 'No', 'Abstain']);
    expect(byTestId(panel, 'vote-turnout')?.textContent).toContain('1 of 3 ballots cast');
    expect(byTestId(panel, 'vote-receipt')).toBeNull();
  });

  it('asks for confirmation, casts the ballot and shows the receipt', async () => {
    const [fixture, panel] = await render(demoVote());

    byTestId(panel, 'vote-option-no')?.click();
    await fixture.whenStable();
    const dialog = panel.querySelector('dialog');
    expect(dialog?.open).toBeTrue();
    expect(dialog?.textContent).toContain('You are voting “No”');
    expect(graphql.request.calls.all().some((call) => call.args[0].operationName === 'CastVote')).toBeFalse();

    byTestId(panel, 'confirm-vote')?.click();
    await fixture.whenStable();
    await fixture.whenStable();

    const cast = graphql.request.calls.all().find((call) => call.args[0].operationName === 'CastVote');
    expect(cast?.args[1]).toEqual({ sittingId: 'sitting-42', voteId: 'vote-1', optionId: 'opt-no' });
    expect(dialog?.open).toBeFalse();
    expect(byTestId(panel, 'you-voted')?.textContent).toContain('You voted “No”');
    expect(byTestId(panel, 'receipt-code')?.textContent).toBe('K7Q2-9XWD');
    expect(panel.querySelector('.options')).toBeNull();
  });

  it('shows the receipt the procedure carries, with the pseudonym of a pseudonymous vote', async () => {
    const [, panel] = await render(
      demoVote({
        kind: 'PSEUDONYMOUS',
        myBallot: { voteId: 'vote-1', optionId: 'opt-yes', pseudonym: 'Amber Falcon 17', seq: 40, entryHash: 'cd34', code: 'P3LM-77QA' },
      }),
    );

    expect(byTestId(panel, 'you-voted')?.textContent).toContain('You voted “Yes”');
    expect(byTestId(panel, 'receipt-pseudonym')?.textContent).toBe('Amber Falcon 17');
    expect(byTestId(panel, 'receipt-code')?.textContent).toBe('P3LM-77QA');
  });

  it('tells a member who may not vote so, without option buttons', async () => {
    const [, panel] = await render(demoVote({ eligibleToMe: false }));

    expect(byTestId(panel, 'not-eligible')).not.toBeNull();
    expect(panel.querySelector('.options')).toBeNull();
  });

  it('shows the published result: outcome, counts per option and faction, every name with its ballot', async () => {
    const [, panel] = await render(demoClosedVote());

    expect(byTestId(panel, 'vote-outcome')?.textContent).toContain('Rejected (tie)');
    expect(byTestId(panel, 'vote-outcome')?.textContent).toContain('under the rules of procedure the motion is rejected');
    expect(byTestId(panel, 'result-count-yes')?.textContent).toContain('1');
    expect(byTestId(panel, 'result-count-abstain')?.textContent).toContain('0');
    expect(panel.querySelector('.per-faction tbody')?.textContent).toContain('SDA');
    const ballots = [...panel.querySelectorAll('[data-testid="ballot-entry"]')].map((entry) => [
      entry.querySelector('.voter')?.textContent,
      entry.querySelector('.choice')?.textContent,
    ]);
    expect(ballots).toEqual([
      ['Jonas Brandt (SDA)', 'Yes'],
      ['Leonie Vogel (SDA)', 'No'],
    ]);
    expect(panel.querySelector('.options')).toBeNull();
  });

  it('speaks German when switched', async () => {
    const [fixture, panel] = await render(demoClosedVote());
    TestBed.inject(TranslationState).setLanguage('de');
    await fixture.whenStable();

    expect(byTestId(panel, 'vote-outcome')?.textContent).toContain('Abgelehnt');
    expect(panel.querySelector('[data-testid="ballot-entry"]')?.textContent).toContain('Ja');
    TestBed.inject(TranslationState).setLanguage('en');
  });
});
