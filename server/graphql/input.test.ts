import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors';
import { id, oneOf, optionalText, parseArgs, whole } from './input';

// Arguments as Pothos infers them for `suspendSitting(sittingId: ID!, reason: String, breakMinutes: Int)`.
const args: { sittingId: string; reason?: string | null; breakMinutes?: number | null } = { sittingId: 's1', reason: '  tea  ', breakMinutes: 0 };

describe('parseArgs', () => {
  it('gives each argument its schema’s output type and names it in a refusal', () => {
    expect(parseArgs({ ...args, breakMinutes: 5 }, { sittingId: id, reason: optionalText(100) })).toEqual({ sittingId: 's1', reason: 'tea' });
    const refused = (() => {
      try {
        return parseArgs(args, { breakMinutes: whole(1, 60) });
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(InputError);
    expect(refused).toMatchObject({ issues: [{ path: ['breakMinutes'], message: 'must be at least 1' }] });
  });

  it('does not compile with a schema for an argument the field lacks, or one that refuses the argument’s type', () => {
    const point: { decision: 'accepted' | 'noted' } = { decision: 'noted' };
    // Never called: these lines are here for the compiler (npx tsc -p tsconfig.json --noEmit).
    const wrong = [
      // @ts-expect-error: the field has no argument `breakLength` (a renamed argument)
      () => parseArgs(args, { breakLength: whole(1, 60) }),
      // @ts-expect-error: `reason` is a string, not a number
      () => parseArgs(args, { reason: whole(1, 60) }),
      // @ts-expect-error: an enum value the command does not know ('noted' renamed on one side only)
      () => parseArgs(point, { decision: oneOf(['accepted', 'acknowledged'] as const) }),
    ];
    expect(wrong).toHaveLength(3);
  });
});
