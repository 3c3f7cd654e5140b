import { builder } from './builder';
import { RoleEnum } from './scalars';
import { PersonRef } from './roster';
import type { AuthUser } from '../auth';

const ViewerRef = builder.objectRef<AuthUser>('Viewer').implement({
  description: 'The signed-in user as the identity provider describes them.',
  fields: (t) => ({
    username: t.exposeString('username'),
    name: t.exposeString('name'),
    roles: t.field({ type: [RoleEnum], resolve: (u) => [...u.roles] }),
    person: t.field({
      type: PersonRef,
      nullable: true,
      description: 'The parliament’s record of this user (the person bound to their account), if any.',
      resolve: (u, _a, ctx) => ctx.services.roster.personOf(u).then((p) => p ?? null),
    }),
  }),
});

builder.queryField('me', (t) =>
  t.field({ type: ViewerRef, nullable: true, skipTypeScopes: true, description: 'null when not signed in.', resolve: (_r, _a, ctx) => ctx.user }),
);
