import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  BREAK,
  GraphQLError,
  Kind,
  getNamedType,
  isIntrospectionType,
  visit,
  type ASTNode,
  type DocumentNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { graphqlLimits, limitCodes } from './graphql-limits';

type ArmorConfig = NonNullable<Parameters<typeof EnvelopArmorPlugin>[0]>;
type RejectCallback = NonNullable<NonNullable<ArmorConfig['maxDepth']>['onReject']>[number];

/**
 * Refuses documents that would cost too much before anything runs: graphql-armor bounds tokens (while
 * parsing), depth, aliases, directives and the static cost, and hides field suggestions. Outside
 * development the schema is not introspectable (GraphiQL needs it; the client is typed from the
 * printed schema). Each refusal is a GraphQL error with a code, answered with HTTP 400.
 */
export function useCostLimits(opts: { introspection: boolean }): Plugin {
  const refuse =
    (code: string): RejectCallback =>
    (context, error) => {
      if (context) context.reportError(limitError(error.message, code));
      // The token limit stops the parser: there is no validation context, so mark the error it throws.
      else Object.assign(error.extensions, limitError(error.message, code).extensions);
    };
  const reporting = (code: string) => ({ propagateOnRejection: false, onReject: [refuse(code)] });
  return {
    onPluginInit: ({ addPlugin }) => {
      addPlugin(
        EnvelopArmorPlugin({
          maxTokens: { n: graphqlLimits.maxTokens, propagateOnRejection: true, onReject: [refuse(limitCodes.tooComplex)] },
          maxDepth: { n: graphqlLimits.maxDepth, flattenFragments: true, ignoreIntrospection: opts.introspection, ...reporting(limitCodes.tooComplex) },
          maxAliases: { n: graphqlLimits.maxAliases, ...reporting(limitCodes.tooComplex) },
          maxDirectives: { n: graphqlLimits.maxDirectives, ...reporting(limitCodes.tooComplex) },
          costLimit: { maxCost: graphqlLimits.maxCost, ignoreIntrospection: opts.introspection, ...reporting(limitCodes.tooExpensive) },
          blockFieldSuggestion: { enabled: !opts.introspection },
        }),
      );
    },
    onValidate: ({ addValidationRule, params, setResult }) => {
      // Before graphql-js validates: its rule for overlapping fields compares same-named fields pairwise.
      // Envelop types the parsed document as `any`; by onValidate it is graphql-js's DocumentNode.
      const repeated = repeatedField(params.documentAST as DocumentNode);
      if (repeated) return setResult([repeated]);
      if (!opts.introspection) addValidationRule(introspectionRefused);
      return undefined;
    },
  };
}

/**
 * A field asked for more than `maxFieldRepeats` times in one selection set (inline fragments
 * included): no client needs it, and graphql-js's OverlappingFieldsCanBeMergedRule compares such
 * fields pairwise (2,000 repeats of one field: seconds). Linear in the document.
 */
function repeatedField(document: DocumentNode): GraphQLError | null {
  let found: GraphQLError | null = null;
  const count = (set: SelectionSetNode, counts: Map<string, number>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) count(s.selectionSet, counts);
      else if (s.kind === Kind.FIELD) {
        const name = (s.alias ?? s.name).value;
        const n = (counts.get(name) ?? 0) + 1;
        counts.set(name, n);
        if (n > graphqlLimits.maxFieldRepeats && !found) {
          found = limitError(`"${name}" is asked for more than ${graphqlLimits.maxFieldRepeats} times in one selection.`, limitCodes.tooComplex, s);
        }
      }
    }
  };
  visit(document, {
    SelectionSet: (set) => {
      count(set, new Map());
      return found ? BREAK : undefined;
    },
  });
  return found;
}

/** As graphql-js's NoSchemaIntrospectionCustomRule (`__typename` stays allowed), with the refusal's code. */
const introspectionRefused: ValidationRule = (context) => ({
  Field(node) {
    const type = getNamedType(context.getType());
    if (type && isIntrospectionType(type)) {
      context.reportError(
        limitError(`Introspection is disabled here; the schema is published with the source ("${node.name.value}").`, limitCodes.introspectionDisabled, node),
      );
    }
  },
});

function limitError(message: string, code: string, node?: ASTNode): GraphQLError {
  return new GraphQLError(message.replace(/^Syntax Error: /, ''), { nodes: node, extensions: { code, http: { status: 400 } } });
}
