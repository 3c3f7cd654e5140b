import { z } from 'zod';
import { InputError } from '../domain/errors';

/** Validates mutation input inside the resolver, so authorisation has already run when it fails. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InputError(result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })));
}

/** GraphQL null means "clear" for nullable fields, absent means "keep": drop the absent ones before validating. */
export function withoutAbsent<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A patch: every field optional, at least one given. */
export const patchOf = <S extends z.ZodObject>(s: S) =>
  s.partial().refine((v) => Object.values(v).some((x) => x !== undefined), 'change at least one field');
