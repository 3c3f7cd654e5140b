import type { Role } from '../db/database';
import { roles as knownRoles } from '../domain/parliament';

/** The signed-in person as the rest of Plenum sees them, whichever way they proved it. */
export interface AuthUser {
  /** The issuer's `sub`; stable per account. */
  readonly subject: string;
  /** `preferred_username`; matches people.username. */
  readonly username: string;
  readonly name: string;
  readonly email: string | null;
  readonly roles: readonly Role[];
  readonly via: 'session' | 'bearer';
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

/** Who the claims describe; `sub` is required, everything else falls back sensibly. */
export function userFromClaims(claims: Record<string, unknown>, clientId: string, via: AuthUser['via']): AuthUser | undefined {
  const subject = text(claims.sub);
  if (!subject) return undefined;
  const username = text(claims.preferred_username) ?? subject;
  const fullName = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  return {
    subject,
    username,
    name: text(claims.name) ?? (fullName || username),
    email: text(claims.email) ?? null,
    roles: rolesFromClaims(claims, clientId),
    via,
  };
}
