import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ErrorsPlugin from '@pothos/plugin-errors';
import TextGuardPlugin from './text-guard-plugin';
import type { Role } from '../domain/parliament';
import { notAllowed, signInFirst, type GraphQLContext } from './context';
import { executionBudgetPlugin } from './execution-budget';

/** Configuration only: types live in one file per area. Scope-auth first, errors next, the execution budget innermost. */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  Scalars: { DateTime: { Input: Date; Output: Date }; JSON: { Input: unknown; Output: unknown } };
  AuthScopes: { signedIn: boolean; itAdmin: boolean; anyRole: readonly Role[] };
  DefaultFieldNullability: false;
}>({
  // Each wraps the ones after it: authorisation, then typed errors, then the text rule of mutation
  // arguments; the execution budget counts every resolved value.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, TextGuardPlugin, executionBudgetPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Checked when a subscription starts, not only per event: a refused subscriber must not even learn when events happen.
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      signedIn: ctx.user !== null,
      itAdmin: ctx.user?.roles.includes('it_admin') ?? false,
      anyRole: (wanted: readonly Role[]) => wanted.some((r) => ctx.user?.roles.includes(r) ?? false),
    }),
    unauthorizedError: (_parent, ctx) => (ctx.user ? notAllowed() : signInFirst()),
  },
  errors: { defaultTypes: [] },
});

// Every Query field needs a signed-in user unless it says otherwise (skipTypeScopes), e.g. `me`.
builder.queryType({ authScopes: { signedIn: true } });
builder.mutationType({});
builder.subscriptionType({});
