import { TestBed } from '@angular/core/testing';
import { demoProcedure } from '../../testing/demo-procedure';
import { answerByName, procedureAnswer } from '../../testing/procedure-answers';
import { ChairState } from '../chair/chair-state';
import { browserLanguages, languageStorage, TranslationState } from '../i18n/translation-state';
import { GraphqlClient } from '../shared/graphql-client';
import { ProcedureState } from './procedure-state';

describe('refusals in the interface language', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  let state: ChairState;
  let translation: TranslationState;

  beforeEach(async () => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: languageStorage, useValue: null },
        { provide: browserLanguages, useValue: ['en'] },
      ],
    });
    state = TestBed.inject(ChairState);
    translation = TestBed.inject(TranslationState);
  });

  async function refuse(rule: string, message: string): Promise<void> {
    answerByName(graphql, {
      Procedure: procedureAnswer(demoProcedure()),
      NextSpeaker: { nextSpeaker: { __typename: 'RuleViolation', code: 'RULE_VIOLATION', rule, message } },
    });
    await TestBed.inject(ProcedureState).load('sitting-42');
    expect(await state.nextSpeaker()).toBeFalse();
  }

  it('shows a known rule in English and in German, following a switch of language', async () => {
    await refuse('speaker.list_empty', 'nobody is waiting for the floor');

    expect(state.problem('floor')).toBe('Nobody is waiting for the floor.');
    translation.setLanguage('de');
    expect(state.problem('floor')).toBe('Niemand wartet auf das Wort.');
  });

  it('shows the server’s message for a rule it does not know, in either language', async () => {
    await refuse('speaker.brand_new_rule', 'a rule the client has no text for');

    expect(state.problem('floor')).toBe('a rule the client has no text for');
    translation.setLanguage('de');
    expect(state.problem('floor')).toBe('a rule the client has no text for');
  });

  it('does not take an inherited property for a rule', async () => {
    await refuse('constructor', 'the server’s own words');

    expect(state.problem('floor')).toBe('the server’s own words');
  });
});
