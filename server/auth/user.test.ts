import { describe, expect, it } from 'vitest';
import { rolesFromClaims, userFromClaims } from './user';

describe('rolesFromClaims', () => {
  it('reads the development provider’s roles claim', () => {
    expect(rolesFromClaims({ roles: ['member', 'chair'] }, 'plenum')).toEqual(['chair', 'member']);
  });

  it('reads Keycloak’s realm and client roles and drops what Plenum does not know', () => {
    const keycloak = {
      realm_access: { roles: ['offline_access', 'default-roles-plenum', 'clerk'] },
      resource_access: { plenum: { roles: ['moderator'] }, account: { roles: ['manage-account', 'it_admin'] } },
    };
    expect(rolesFromClaims(keycloak, 'plenum')).toEqual(['moderator', 'clerk']);
  });

  it('ignores malformed claims', () => {
    expect(rolesFromClaims({ roles: 'chair', realm_access: ['chair'], resource_access: null }, 'plenum')).toEqual([]);
    expect(rolesFromClaims({ roles: [1, null, 'member'] }, 'plenum')).toEqual(['member']);
  });
});

describe('userFromClaims', () => {
  it('requires an issuer and a subject and falls back sensibly for the rest', () => {
    expect(userFromClaims({ preferred_username: 'x' }, 'plenum', 'bearer')).toBeUndefined();
    expect(userFromClaims({ sub: 'f3a1', preferred_username: 'x' }, 'plenum', 'bearer')).toBeUndefined();
    expect(userFromClaims({ iss: 'https://idp.test', sub: 'x'.repeat(256) }, 'plenum', 'bearer')).toBeUndefined();
    expect(userFromClaims({ iss: 'https://idp.test', sub: 'f3a1', given_name: 'Anna', family_name: 'Keller' }, 'plenum', 'session')).toEqual({
      issuer: 'https://idp.test',
      subject: 'f3a1',
      username: 'f3a1',
      name: 'Anna Keller',
      email: null,
      roles: [],
      via: 'session',
    });
  });
});
