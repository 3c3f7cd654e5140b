import { z } from 'zod';
import { InputError } from '../domain/errors';
import { numberLimits } from '../domain/number-limits';
import { textLimits, textProblem } from '../domain/text';

/** Validates mutation input inside the resolver, so authorisation has already run when it fails. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InputError(result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })));
}

/**
 * Schemas for some of a field's arguments, by argument name. Each key must be an argument of the field
 * and each schema must accept the type Pothos infers for it, so renaming an argument or an enum value
 * fails to compile where the arguments are read.
 */
export type ArgSchemas<Args, S> = {
  readonly [K in keyof S]: K extends keyof Args ? (Args[K] extends z.input<S[K]> ? S[K] : z.ZodType<unknown, Args[K]>) : `no argument named ${K & string}`;
};

/** Validates a field's arguments (Pothos' inferred shape), each by its own rule; refusals name the argument. */
export function parseArgs<Args extends object, S extends z.ZodRawShape & ArgSchemas<Args, S>>(args: Args, shape: S): z.output<z.ZodObject<S>> {
  return parseInput(z.object(shape), args);
}

/** Validates the `input` argument, so that refusals name it (input.title, not title). */
export function inputArg<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InputError(result.error.issues.map((i) => ({ path: ['input', ...i.path.map(String)], message: i.message })));
}

/** GraphQL null means "clear" for nullable fields, absent means "keep": drop the absent ones before validating. */
export function withoutAbsent<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Any string the house accepts (server/domain/text.ts): no control characters but newline and tab, no lone surrogates, at most `max`. */
export const cleanString = (max: number) =>
  z.string().superRefine((s, ctx) => {
    const problem = textProblem(s, max);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Text a person writes: trimmed, not empty, at most `max` characters, clean. */
export const text = (max: number) =>
  z
    .string()
    // Before trimming: trim() would drop a trailing vertical tab or form feed unseen.
    .superRefine((s, ctx) => {
      const problem = textProblem(s, Infinity);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** Optional text: absent, null or blank all mean none (null). */
export const optionalText = (max: number) =>
  cleanString(max)
    .nullish()
    .transform((s) => s?.trim() || null);

/** An id argument: a clean string of at most textLimits.id characters. */
export const id = cleanString(textLimits.id).min(1, 'must not be empty');
/** One id argument on its own, refused with its name. */
export function idArg(name: string, value: unknown): string {
  const r = id.safeParse(value);
  if (r.success) return r.data;
  throw new InputError(r.error.issues.map((i) => ({ path: [name], message: i.message })));
}
export const optionalId = id.nullish().transform((v) => v ?? null);
export const idList = z.array(id).max(numberLimits.listIds, `at most ${numberLimits.listIds} ids`);

/** A whole number from `min` to `max`. */
export const whole = (min: number, max: number) => z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** A patch: every field optional, at least one given. */
export const patchOf = <S extends z.ZodObject>(s: S) => s.partial().refine((v) => Object.values(v).some((x) => x !== undefined), 'change at least one field');

/** One of the values of a GraphQL enum (the schema has checked it; this gives the resolver its type back). */
export const oneOf = <T extends string>(values: readonly T[]) =>
  z.custom<T>((v) => typeof v === 'string' && (values as readonly string[]).includes(v), { message: `must be one of ${values.join(', ')}` });
