import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { graphqlLimits, limitCodes } from '../http/graphql-limits';

/**
 * Counts the field values resolved for one result (a list's items' fields as soon as the list is
 * known) and refuses the rest once the budget is spent.
 * Static limits (depth, aliases, cost) cannot see how long lists are, and lists nest (a faction's
 * members' faction's members …); this bound holds whatever the data. Subscriptions get a fresh
 * budget per event: their context lives as long as the subscription.
 */
const spent = new WeakMap<object, number>();

export function budgetExceeded(): GraphQLError {
  return new GraphQLError(`The answer would need more than ${graphqlLimits.maxResolvedFields} values; ask for less (fewer fields, smaller pages).`, {
    extensions: { code: limitCodes.tooExpensive, http: { status: 400 } },
  });
}

export function isBudgetError(error: { extensions?: Record<string, unknown> }): boolean {
  return error.extensions?.['code'] === limitCodes.tooExpensive;
}

export class ExecutionBudgetPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const startsEvent = fieldConfig.kind === 'Subscription';
    return (parent, args, context, info) => {
      const key = context as object;
      if (startsEvent && info.path.prev === undefined) spent.delete(key);
      // The fields of a list's items were paid for when the list came back (below); once the budget
      // is spent, nothing more runs.
      if (typeof info.path.prev?.key !== 'number' || (spent.get(key) ?? 0) > graphqlLimits.maxResolvedFields) charge(key, 1);
      const result = resolver(parent, args, context, info);
      return isPromiseLike(result) ? Promise.resolve(result).then((v) => chargeList(key, v, info)) : chargeList(key, result, info);
    };
  }
}

/**
 * A list pays for all its items' fields before any of them resolves: refused there, a list of
 * thousands costs one error rather than one per item and field.
 */
function chargeList<T>(key: object, value: T, info: GraphQLResolveInfo): T {
  if (Array.isArray(value)) {
    const width = info.fieldNodes.reduce((n, node) => n + (node.selectionSet?.selections.length ?? 0), 0);
    charge(key, value.length * Math.max(1, width));
  }
  return value;
}

function charge(key: object, n: number): void {
  const used = (spent.get(key) ?? 0) + n;
  spent.set(key, used);
  if (used > graphqlLimits.maxResolvedFields) throw budgetExceeded();
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && 'then' in value && typeof value.then === 'function';
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      executionBudget: ExecutionBudgetPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('executionBudget', ExecutionBudgetPlugin);
export const executionBudgetPlugin = 'executionBudget' as const;
