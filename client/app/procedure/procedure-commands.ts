import { Injectable, inject } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { GraphqlClient } from '../shared/graphql-client';
import type { GraphqlOperation } from '../shared/graphql-operation';
import { CommandRunner } from './command-runner';
import { ProcedureState } from './procedure-state';
import { refusalText, ruleText } from './rule-text';

/**
 * What the chair's and the member's stores share: commands of the loaded sitting, sent on behalf of
 * named controls. A command that answers with the procedure has it shown at once in ProcedureState,
 * before the update the server pushes to everyone.
 */
@Injectable()
export abstract class ProcedureCommands<Control extends string> {
  protected readonly graphql = inject(GraphqlClient);
  readonly procedure = inject(ProcedureState);

  protected readonly runner = new CommandRunner<Control>(this.graphql);
  private readonly rules = inject(TranslationState).catalogue(ruleText);

  pending(control: Control): boolean {
    return this.runner.pending(control);
  }

  /** Why the last command of this control failed, in the interface language where the rule is known. */
  problem(control: Control): string | null {
    const problem = this.runner.problem(control);
    return problem === null ? null : refusalText(problem, this.rules());
  }

  protected sittingId(): string {
    const sittingId = this.procedure.sittingId();
    if (sittingId === null) {
      throw new Error('No sitting is loaded.');
    }
    return sittingId;
  }

  /** Sends a command of the loaded sitting that answers with the procedure, and shows that procedure at once. */
  protected async send<TResult, TVariables extends { readonly sittingId: string }>(
    control: Control,
    operation: GraphqlOperation<TResult, TVariables>,
    variables: Omit<TVariables, 'sittingId'>,
  ): Promise<boolean> {
    const outcome = await this.runner.run(control, operation, { ...variables, sittingId: this.sittingId() } as TVariables);
    if (outcome.ok) {
      this.procedure.apply(outcome.data);
    }
    return outcome.ok;
  }
}
