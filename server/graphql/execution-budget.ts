import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { graphqlLimits, limitCodes } from '../http/graphql-limits';
import { nextSlice, sliceSpent } from './time-slice';

/**
 * Counts the field values resolved for one result (a list's items' fields as soon as the list is
 * known) and refuses the rest once the budget is spent.
 * Static limits (depth, aliases, cost) cannot see how long lists are, and lists nest (a faction's
 * members' faction's members …); this bound holds whatever the data. Subscriptions get a fresh
 * budget per event: their context lives as long as the subscription.
 */
const spent = new WeakMap<object, number>();
/**
 * The one error a spent budget throws, for every field still running. Each new error would capture
 * and format a stack (with source maps: ~0.1 ms), and graphql-js wraps every unlocated error in
 * another: thousands of fields in flight made that a second of held event loop. Located (a path),
 * it passes graphql-js's locatedError unwrapped. The result is replaced by one error anyway.
 */
const exhausted = new WeakMap<object, GraphQLError>();

export function budgetExceeded(path?: readonly (string | number)[]): GraphQLError {
  return new GraphQLError(`The answer would need more than ${graphqlLimits.maxResolvedFields} values; ask for less (fewer fields, smaller pages).`, {
    path,
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
    const run: GraphQLFieldResolver<unknown, Types['Context'], object> = (parent, args, context, info) => {
      const key = context;
      if (startsEvent && info.path.prev === undefined) {
        spent.delete(key);
        exhausted.delete(key);
      }
      // The fields of a list's items were paid for when the list came back (below); once the budget
      // is spent, nothing more runs.
      if (typeof info.path.prev?.key !== 'number' || (spent.get(key) ?? 0) > graphqlLimits.maxResolvedFields) charge(key, 1);
      const result = resolver(parent, args, context, info);
      return isPromiseLike(result) ? Promise.resolve(result).then((v) => chargeList(key, v, info)) : chargeList(key, result, info);
    };
    // A field that starts after the loop's slice is spent waits for a later turn (time-slice.ts).
    return (parent, args, context, info) => (sliceSpent() ? nextSlice().then(() => run(parent, args, context, info)) : run(parent, args, context, info));
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
  if (used <= graphqlLimits.maxResolvedFields) return;
  let error = exhausted.get(key);
  if (!error) exhausted.set(key, (error = budgetExceeded([])));
  throw error;
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
