import { ConflictError } from '../domain/errors';

/** Turns PostgreSQL constraint violations into the API's typed errors; anything else is rethrown. */
export function mapConstraintError(err: unknown, messages: Record<string, string> = {}): never {
  const e = err as { code?: string; constraint?: string; detail?: string };
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    const constraint = e.constraint ?? '';
    if (e.code === '23505') throw new ConflictError(constraint, messages[constraint] ?? `already exists (${e.detail ?? constraint})`);
    if (e.code === '23503' || e.code === '23001') throw new ConflictError(constraint, messages[constraint] ?? `still referenced (${e.detail ?? constraint})`);
  }
  throw err;
}
