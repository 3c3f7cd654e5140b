import { z } from 'zod';
import { fieldProblem, fieldValue, problemMessage, type FieldRule, type FormRules, type FormValues } from '@contract/form-rules';

/** One field by its contract rule: the same check the browser runs, refusals in the API's words. */
function fieldSchema(rule: FieldRule): z.ZodType<unknown> {
  return z.unknown().transform((value, ctx) => {
    const problem = fieldProblem(rule, value);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problemMessage(problem) });
      return z.NEVER;
    }
    return fieldValue(rule, value);
  });
}

/** A form's fields as a zod shape, to combine with fields of other kinds (a rulebook's overrides). */
export function formShape<F extends FormRules>(rules: F): { [K in keyof F]: z.ZodType<FormValues<F>[K]> } {
  // The transforms above yield exactly FormValues<F>[K]; zod cannot infer it from a mapped shape.
  return Object.fromEntries(Object.entries(rules).map(([k, rule]) => [k, fieldSchema(rule)])) as { [K in keyof F]: z.ZodType<FormValues<F>[K]> };
}

/** A whole form (contract/forms/): every field by its rule; unknown fields are refused. */
export function formSchema<F extends FormRules>(rules: F): z.ZodType<FormValues<F>> {
  return z.strictObject(formShape(rules)) as unknown as z.ZodType<FormValues<F>>;
}

/**
 * A change to a form: only the fields given, each by its rule; at least one. An absent field is
 * kept as it is; null clears an optional field (and is refused for a required one).
 */
export function formPatchSchema<F extends FormRules>(rules: F): z.ZodType<Partial<FormValues<F>>> {
  const shape = Object.fromEntries(Object.entries(rules).map(([k, rule]) => [k, fieldSchema(rule).optional()]));
  const patch = z.strictObject(shape).transform((v) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)));
  return patch.refine((v) => Object.keys(v).length > 0, 'change at least one field') as unknown as z.ZodType<Partial<FormValues<F>>>;
}
