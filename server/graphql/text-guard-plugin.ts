/**
 * The one text rule for every argument of every mutation (server/domain/text.ts): no control
 * characters but newline and tab, no unpaired surrogates, no string longer than textLimits.any.
 * Ids, enums as strings, input objects and lists included, so no resolver can forget it; the
 * resolvers' schemas then apply each field's own limit. Runs inside the errors plugin, so the
 * refusal is the mutation's typed InputError naming the argument, and after authorisation.
 */
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { assertCleanText } from '../domain/text';

const pluginName = 'textGuard';

export class TextGuardPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.kind !== 'Mutation') return resolver;
    return (parent, args, context, info) => {
      assertCleanText(args);
      return resolver(parent, args, context, info);
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, TextGuardPlugin);

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      textGuard: TextGuardPlugin<Types>;
    }
  }
}

export default pluginName;
