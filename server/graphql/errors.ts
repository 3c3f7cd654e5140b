import { ConflictError, InputError, NotFoundError, PlenumError, RuleViolation, type InputIssue } from '../domain/errors';
import { allRuleCodes, ruleCodeName, type RuleCode } from '@contract/rule-codes';
import { builder } from './builder';

/** One `Error` interface; each expected failure is an object type that mutations list in their result union. */
export const ErrorInterface = builder.interfaceRef<PlenumError>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code'),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotFoundError,
  fields: (t) => ({ entity: t.exposeString('entity'), id: t.exposeID('id') }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ConflictError,
  fields: (t) => ({ field: t.exposeString('field') }),
});

/** Each rule code under its GraphQL name (no dots allowed there); the value is the code itself. */
const ruleCodeValues: Record<string, { value: RuleCode; description: string }> = {};
for (const code of allRuleCodes) {
  const name = ruleCodeName(code);
  if (Object.hasOwn(ruleCodeValues, name)) throw new Error(`two rule codes share the GraphQL name ${name}`);
  ruleCodeValues[name] = { value: code, description: code };
}

export const RuleCodeEnum = builder.enumType('RuleCode', {
  description: 'Every rule of the house a command can break (contract/rule-codes.ts); `POINT_OF_ORDER__NOT_PENDING` is `point_of_order.not_pending`.',
  values: ruleCodeValues,
});

builder.objectType(RuleViolation, {
  name: 'RuleViolation',
  description: 'A rule of the house forbids this now; `rule` names which (as text, e.g. `vote.expired`), `ruleCode` the same as an enum value.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof RuleViolation,
  fields: (t) => ({
    rule: t.exposeString('rule'),
    ruleCode: t.field({ type: RuleCodeEnum, resolve: (e) => e.rule }),
  }),
});

const InputIssueRef = builder.objectRef<InputIssue>('InputIssue').implement({
  fields: (t) => ({ path: t.exposeStringList('path'), message: t.exposeString('message') }),
});

builder.objectType(InputError, {
  name: 'InputError',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InputError,
  fields: (t) => ({ issues: t.field({ type: [InputIssueRef], resolve: (e) => [...e.issues] }) }),
});

/** The error types a mutation of parliament data can answer with. */
export const writeErrors = [InputError, NotFoundError, ConflictError, RuleViolation];
