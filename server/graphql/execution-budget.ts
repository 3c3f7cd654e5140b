import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver } from 'graphql';
import { graphqlLimits, limitCodes } from '../http/graphql-limits';

/**
 * Counts the field values resolved for one result and refuses the rest once the budget is spent.
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
      const used = (startsEvent && info.path.prev === undefined ? 0 : (spent.get(key) ?? 0)) + 1;
      spent.set(key, used);
      if (used > graphqlLimits.maxResolvedFields) throw budgetExceeded();
      return resolver(parent, args, context, info);
    };
  }
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
