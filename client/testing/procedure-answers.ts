// A GraphqlClient stand-in for specs of the chair console and the member view: answers each
// operation by name, and loads the demo sitting's procedure.
import type { GraphqlClient } from '../app/shared/graphql-client';
import type { GraphqlOperation } from '../app/shared/graphql-operation';
import type { ProcedureResult } from '../app/procedure/procedure.generated';
import type { Procedure } from '../app/procedure/procedure-state';
import { protocolUrls } from './demo-parliament';

/** The answer to the Procedure query for sitting 42 with the given procedure. */
export function procedureAnswer(procedure: Procedure): ProcedureResult {
  return {
    sitting: {
      id: 'sitting-42',
      number: 42,
      title: '42nd plenary sitting',
      ...protocolUrls('sitting-42'),
      agenda: [
        { id: 'sitting-42-item-1', position: 1, title: 'Opening of the sitting, approval of the agenda', kind: 'PROCEDURE' },
        { id: 'sitting-42-item-2', position: 2, title: 'Budget Act 2027 – first reading', kind: 'DEBATE' },
      ],
      rulebook: {
        preset: 'bundestag-2025',
        name: 'Rules of procedure of the German Bundestag (2025)',
        pointOfOrderCategories: [
          { id: 'adjournment', labelDe: 'Vertagung', labelEn: 'Adjournment' },
          { id: 'close_of_debate', labelDe: 'Schluss der Aussprache', labelEn: 'Close of debate' },
        ],
      },
      procedure,
    },
  };
}

const isAnswerOfVariables = (answer: unknown): answer is (variables: unknown) => unknown => typeof answer === 'function';

/**
 * Makes the spy answer operations by name; each answer is a value or a function of the variables.
 * An operation without an answer fails the request, naming it.
 */
export function answerByName(graphql: jasmine.SpyObj<GraphqlClient>, answers: Record<string, unknown>): void {
  graphql.request.and.callFake(async (operation: GraphqlOperation<unknown, unknown>, variables: unknown) => {
    if (!(operation.operationName in answers)) {
      throw new Error(`unexpected ${operation.operationName}`);
    }
    const answer = answers[operation.operationName];
    // The spy stands for the generic request<T>(): its answer is whatever T the caller asked for, which a fake cannot name.
    return (isAnswerOfVariables(answer) ? answer(variables) : answer) as never;
  });
}
