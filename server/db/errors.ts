import { ConflictError } from '../domain/errors';

/**
 * Turns PostgreSQL constraint violations into the API's typed errors; anything else is rethrown.
 * Only constraints named in `messages` are told apart: for others neither the constraint's name nor
 * PostgreSQL's detail (table and column names, values) goes to the client.
 */
export function mapConstraintError(err: unknown, messages: Record<string, string> = {}): never {
  const e = err as { code?: string; constraint?: string; detail?: string };
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    const constraint = e.constraint ?? '';
    const known = Object.hasOwn(messages, constraint);
    if (e.code === '23505') throw new ConflictError(known ? constraint : '', known ? messages[constraint]! : 'already exists');
    if (e.code === '23503' || e.code === '23001')
      throw new ConflictError(known ? constraint : '', known ? messages[constraint]! : 'still referenced elsewhere');
  }
  throw err;
}
