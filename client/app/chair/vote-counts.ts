/** What stops one option's count from being sent. */
export type CountProblem = 'missing' | 'not-whole';

/** The counts as the chair typed them (a number field gives a number, or null when empty or not a number). */
export type CountEntries = Readonly<Record<string, number | string | null | undefined>>;

export interface ReadCounts {
  /** Every option once, in option order; only when no option has a problem. */
  readonly counts: readonly { readonly optionId: string; readonly count: number }[] | null;
  readonly problems: readonly { readonly optionId: string; readonly problem: CountProblem }[];
  /** The sum of the whole numbers entered so far. */
  readonly total: number;
}

/**
 * Reads the chair's entries for a show of hands: every option needs a whole number from 0. Whether
 * the total fits the members entitled to vote is the server's rule (vote.counts_exceed_eligible);
 * the form only shows the total beside them.
 */
export function readCounts(options: readonly { readonly id: string }[], entries: CountEntries): ReadCounts {
  const problems: { optionId: string; problem: CountProblem }[] = [];
  const counts: { optionId: string; count: number }[] = [];
  for (const option of options) {
    const raw = entries[option.id];
    const value = typeof raw === 'string' ? (raw.trim() === '' ? null : Number(raw)) : (raw ?? null);
    if (value === null) {
      problems.push({ optionId: option.id, problem: 'missing' });
    } else if (!Number.isSafeInteger(value) || value < 0) {
      problems.push({ optionId: option.id, problem: 'not-whole' });
    } else {
      counts.push({ optionId: option.id, count: value });
    }
  }
  return { counts: problems.length === 0 ? counts : null, problems, total: counts.reduce((sum, c) => sum + c.count, 0) };
}
