import { signal } from '@angular/core';
import { describeError } from '../shared/error-notice';
import type { GraphqlClient } from '../shared/graphql-client';
import type { GraphqlOperation } from '../shared/graphql-operation';

/** Why a command was not carried out, as shown next to the control that sent it. */
export interface CommandProblem {
  readonly message: string;
  /** The error's code (e.g. RULE_VIOLATION, FORBIDDEN), or null when the server was not reached. */
  readonly code: string | null;
  /** The rule of the house that forbids it, e.g. `speaker.list_closed` (contract/rule-codes.ts). */
  readonly rule: string | null;
  readonly issues: readonly { readonly path: readonly string[]; readonly message: string }[];
}

export type CommandOutcome<TData> = { readonly ok: true; readonly data: TData } | { readonly ok: false; readonly problem: CommandProblem };

/** The one field a command's result holds: `{ nextSpeaker: … }` → the union under it. */
type PayloadOf<TResult> = TResult[keyof TResult];
/** What the Success member of a result union carries. */
export type DataOf<TResult> = PayloadOf<TResult> extends infer Payload ? (Payload extends { readonly data: infer Data } ? Data : never) : never;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

/** The problem a result union's error member describes (see the CommandProblem fragment). */
export function problemFromPayload(payload: unknown): CommandProblem {
  if (!isRecord(payload)) {
    return { message: 'The server gave no answer to this command.', code: null, rule: null, issues: [] };
  }
  const issues = Array.isArray(payload['issues']) ? (payload['issues'] as CommandProblem['issues']) : [];
  const message = typeof payload['message'] === 'string' ? payload['message'] : 'The command was refused.';
  return {
    message: issues.length > 0 ? `${message} ${issues.map((issue) => issue.message).join(' ')}` : message,
    code: typeof payload['code'] === 'string' ? payload['code'] : null,
    rule: typeof payload['rule'] === 'string' ? payload['rule'] : null,
    issues,
  };
}

/**
 * Sends commands (mutations answering with a result union) on behalf of named controls, and keeps,
 * per control, whether a command is under way and why the last one failed. Controls show that
 * problem inline, beside themselves; the next command of the same control clears it.
 */
export class CommandRunner<Control extends string> {
  private readonly pendingSignal = signal<ReadonlySet<Control>>(new Set());
  private readonly problemsSignal = signal<ReadonlyMap<Control, CommandProblem>>(new Map());

  constructor(private readonly graphql: GraphqlClient) {}

  /** Whether a command of this control is waiting for its answer. */
  pending(control: Control): boolean {
    return this.pendingSignal().has(control);
  }

  /** Why the last command of this control failed, or null. */
  problem(control: Control): CommandProblem | null {
    return this.problemsSignal().get(control) ?? null;
  }

  clear(control: Control): void {
    if (this.problemsSignal().has(control)) {
      this.problemsSignal.update((problems) => new Map([...problems].filter(([other]) => other !== control)));
    }
  }

  async run<TResult, TVariables>(
    control: Control,
    operation: GraphqlOperation<TResult, TVariables>,
    variables: TVariables,
  ): Promise<CommandOutcome<DataOf<TResult>>> {
    this.clear(control);
    this.pendingSignal.update((pending) => new Set([...pending, control]));
    let outcome: CommandOutcome<DataOf<TResult>>;
    try {
      const result = await this.graphql.request(operation, variables);
      const payload = isRecord(result) ? Object.values(result)[0] : null;
      outcome =
        isRecord(payload) && 'data' in payload ? { ok: true, data: payload['data'] as DataOf<TResult> } : { ok: false, problem: problemFromPayload(payload) };
    } catch (error: unknown) {
      const problems: unknown = isRecord(error) ? error['problems'] : null;
      const first: unknown = Array.isArray(problems) ? problems[0] : null;
      const code = isRecord(first) && typeof first['code'] === 'string' ? first['code'] : null;
      outcome = { ok: false, problem: { message: describeError(error).join(' '), code, rule: null, issues: [] } };
    }
    this.pendingSignal.update((pending) => new Set([...pending].filter((other) => other !== control)));
    if (!outcome.ok) {
      const { problem } = outcome;
      this.problemsSignal.update((problems) => new Map([...problems, [control, problem]]));
    }
    return outcome;
  }
}
