/** The kind of a GraphQL operation, as written before its name. */
export type GraphqlOperationKind = 'query' | 'mutation' | 'subscription';

/**
 * A GraphQL document with the types of its result and variables attached. Instances are generated
 * from the `.graphql` files beside the features (see client/codegen/graphql-codegen.ts).
 */
export interface GraphqlOperation<TResult, TVariables> {
  readonly kind: GraphqlOperationKind;
  readonly operationName: string;
  readonly document: string;
  /** Carries the result and variable types for inference; never set at run time. */
  readonly types?: { readonly result: TResult; readonly variables: TVariables };
}
