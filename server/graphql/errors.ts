import { ConflictError, InputError, NotFoundError, PlenumError, RuleViolation, type InputIssue } from '../domain/errors';
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

builder.objectType(RuleViolation, {
  name: 'RuleViolation',
  description: 'A rule of the house forbids this now; `rule` names which.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof RuleViolation,
  fields: (t) => ({ rule: t.exposeString('rule') }),
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
