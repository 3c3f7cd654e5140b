import type { RuleCode } from '@contract/rule-codes';

/**
 * Expected failures, each with a stable code the API exposes. Thrown by domain rules and services,
 * mapped onto GraphQL error types in server/graphql/errors.ts. Never a plain Error for a rule.
 */
export type ErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID_INPUT' | 'RULE_VIOLATION';

export abstract class PlenumError extends Error {
  abstract readonly code: ErrorCode;
}

export type Entity =
  'faction' | 'person' | 'sitting' | 'agendaItem' | 'booth' | 'vote' | 'voteDraft' | 'speakerRequest' | 'pointOfOrder' | 'subroom' | 'participant';

export class NotFoundError extends PlenumError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: Entity,
    readonly id: string,
  ) {
    super(`${entity} ${id} does not exist`);
    this.name = 'NotFoundError';
  }
}

/** A uniqueness or reference conflict with data already stored. */
export class ConflictError extends PlenumError {
  readonly code = 'CONFLICT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

export interface InputIssue {
  readonly path: readonly string[];
  readonly message: string;
}

export class InputError extends PlenumError {
  readonly code = 'INVALID_INPUT';
  constructor(readonly issues: readonly InputIssue[]) {
    super(issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
    this.name = 'InputError';
  }
}

/** A rule of the house forbids the command in the current state; `rule` names which (e.g. "agenda.sitting_closed"), from contract/rule-codes.ts. */
export class RuleViolation extends PlenumError {
  readonly code = 'RULE_VIOLATION';
  constructor(
    readonly rule: RuleCode,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}
