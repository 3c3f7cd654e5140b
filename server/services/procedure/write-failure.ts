import { ConflictError, InputError, type PlenumError } from '../../domain/errors';

/**
 * SQLSTATE classes that something a command carries can cause: data exception (22: e.g. a byte
 * sequence the encoding refuses), integrity constraint (23) and program limit exceeded (54).
 * Connection, lock, timeout and server errors are not any one command's doing.
 */
const commandClasses = new Set(['22', '23', '54']);

function sqlState(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object' || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Could one command of a batch be the cause of this failure (so that retrying the others helps)? */
export function blamesACommand(error: unknown): boolean {
  // canonicalJson and JSON.stringify refuse what the record cannot hold with a TypeError or RangeError.
  if (error instanceof TypeError || error instanceof RangeError) return true;
  const code = sqlState(error);
  return code !== undefined && commandClasses.has(code.slice(0, 2));
}

/** The typed refusal of the one command the database would not take (no database detail leaks). */
export function unwritable(error: unknown): PlenumError {
  if (sqlState(error)?.startsWith('23')) return new ConflictError('record', 'this command conflicts with what is stored already');
  return new InputError([{ path: [], message: 'this command cannot be written to the record' }]);
}
