import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { demoClosedVote, demoProcedure, demoVote } from '../../testing/demo-procedure';
import { answerByName, procedureAnswer } from '../../testing/procedure-answers';
import { ViewerState } from '../auth/viewer-state';
import { browserLanguages, TranslationState } from '../i18n/translation-state';
import { ProcedureState, type Vote } from '../procedure/procedure-state';
import { GraphqlClient } from '../shared/graphql-client';
import { ballotStorage, type BallotStorage } from './secret-ballot';
import { VotePanel } from './vote-panel';

describe('VotePanel', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  /** What the browser kept of secret ballots (localStorage's shape over a Map). */
  let stored: Map<string, string>;

  beforeEach(async () => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    stored = new Map();
    const storage: BallotStorage = {
      get length() {
        return stored.size;
      },
      key: (index) => [...stored.keys()][index] ?? null,
      getItem: (key) => stored.get(key) ?? null,
      setItem: (key, value) => void stored.set(key, value),
      removeItem: (key) => void stored.delete(key),
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: browserLanguages, useValue: ['en-GB'] },
        { provide: ballotStorage, useValue: storage },
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

  it('shows a vote by show of hands as counted by the chair, without ballot buttons or turnout', async () => {
    const [, panel] = await render(demoVote({ kind: 'SHOW_OF_HANDS', eligibleToMe: false }));

    expect(byTestId(panel, 'show-of-hands')?.textContent).toContain('Vote by show of hands — the chair counts.');
    expect(panel.querySelector('.options')).toBeNull();
    expect(byTestId(panel, 'not-eligible')).toBeNull();
    expect(byTestId(panel, 'vote-turnout')).toBeNull();
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

  it('in a secret vote the member finds their token hash in the published list, which names nobody', async () => {
    const mine = '3f9a1c07e2b4'.padEnd(64, '0');
    const other = 'cd'.repeat(32);
    stored.set(
      'plenum.secret-ballot.vote-1',
      JSON.stringify({ stage: 'signed', voteId: 'vote-1', optionId: 'opt-yes', token: 'AAAA', signature: 'BBBB', tokenHash: mine, acknowledged: true }),
    );
    const [, panel] = await render(
      demoClosedVote({
        kind: 'SECRET',
        secretBallot: { publicKey: 'AAAA', tokensIssued: 3, myTokenIssued: true },
        ballots: [
          { optionId: 'opt-yes', person: null, pseudonym: null, tokenHash: mine },
          { optionId: 'opt-no', person: null, pseudonym: null, tokenHash: other },
        ],
      }),
    );

    expect(byTestId(panel, 'secret-check')?.getAttribute('data-kind')).toBe('found');
    expect(byTestId(panel, 'secret-check')?.textContent).toContain('Your ballot is in the published list: ✓ counted as “Yes”');
    expect(byTestId(panel, 'token-hash-short')?.textContent).toBe('3f9a 1c07 e2b4');
    expect(byTestId(panel, 'token-hash-full')?.textContent).toBe(mine);
    expect(byTestId(panel, 'secret-tally')?.textContent).toContain('3 ballot tokens issued, 2 ballots cast');
    const entries = [...panel.querySelectorAll('[data-testid="ballot-entry"]')];
    expect(entries.map((entry) => entry.getAttribute('data-token-hash'))).toEqual([mine, other]);
    expect(entries.map((entry) => entry.querySelector('.voter')?.textContent)).toEqual(['3f9a 1c07 e2b4', 'cdcd cdcd cdcd']);
    expect(panel.textContent).not.toContain('Brandt');
    // Seen in the list: the browser lets the kept ballot go.
    expect(stored.size).toBe(0);
  });

  it('warns when the published list lacks the secret ballot, and keeps it', async () => {
    const kept = JSON.stringify({
      stage: 'signed',
      voteId: 'vote-1',
      optionId: 'opt-yes',
      token: 'AAAA',
      signature: 'BBBB',
      tokenHash: 'ab'.repeat(32),
      acknowledged: true,
    });
    stored.set('plenum.secret-ballot.vote-1', kept);
    const [, panel] = await render(
      demoClosedVote({
        kind: 'SECRET',
        secretBallot: { publicKey: 'AAAA', tokensIssued: 2, myTokenIssued: true },
        ballots: [{ optionId: 'opt-no', person: null, pseudonym: null, tokenHash: 'cd'.repeat(32) }],
      }),
    );

    expect(byTestId(panel, 'secret-check')?.getAttribute('data-kind')).toBe('missing');
    expect(stored.get('plenum.secret-ballot.vote-1')).toBe(kept);
  });

  it('offers no options in a secret vote whose token was taken elsewhere, and says so', async () => {
    const [, panel] = await render(demoVote({ kind: 'SECRET', secretBallot: { publicKey: 'AAAA', tokensIssued: 1, myTokenIssued: true } }));

    expect(panel.querySelector('.options')).toBeNull();
    expect(byTestId(panel, 'secret-elsewhere')).not.toBeNull();
    expect(byTestId(panel, 'vote-turnout')?.textContent).toContain('1 ballot token issued, 0 ballots cast');
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
