import type { Role } from '../db/database';
import { roles as knownRoles } from '../domain/parliament';

/** What the identity provider says about the account, whichever way it was proved. */
export interface ClaimedUser {
  /** The issuer's `iss`: with `subject`, the account. */
  readonly issuer: string;
  /** The issuer's `sub`; stable per account. */
  readonly subject: string;
  /** `preferred_username`: a label that finds the person only for the account's first sign-in. */
  readonly username: string;
  readonly name: string;
  readonly email: string | null;
  readonly roles: readonly Role[];
  readonly via: 'session' | 'bearer';
}

/** The signed-in user as the rest of Plenum sees them: the account and the person bound to it. */
export interface AuthUser extends ClaimedUser {
  /** The person bound to (issuer, subject) (server/auth/identity-binding.ts); null for accounts with no person. */
  readonly personId: string | null;
}

function stringsAt(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function objectAt(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Plenum's roles from token claims: `roles` (the development provider, and Keycloak with the
 * realm's mapper), Keycloak's `realm_access.roles` and `resource_access[clientId].roles`.
 * Anything that is not one of Plenum's roles (offline_access, default-roles-…) is dropped.
 */
export function rolesFromClaims(claims: Record<string, unknown>, clientId: string): Role[] {
  const found = [
    ...stringsAt(claims.roles),
    ...stringsAt(objectAt(claims.realm_access, 'roles')),
    ...stringsAt(objectAt(objectAt(claims.resource_access, clientId), 'roles')),
  ];
  return knownRoles.filter((r) => found.includes(r));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** OpenID Connect Core §2: `sub` is at most 255 ASCII characters. */
const MAX_SUBJECT = 255;

/** Who the claims describe; `iss` and `sub` are required, everything else falls back sensibly. */
export function userFromClaims(claims: Record<string, unknown>, clientId: string, via: ClaimedUser['via']): ClaimedUser | undefined {
  const subject = text(claims.sub);
  const issuer = text(claims.iss);
  if (!subject || !issuer || subject.length > MAX_SUBJECT) return undefined;
  const username = text(claims.preferred_username) ?? subject;
  const fullName = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  return {
    issuer,
    subject,
    username,
    name: text(claims.name) ?? (fullName || username),
    email: text(claims.email) ?? null,
    roles: rolesFromClaims(claims, clientId),
    via,
  };
}
