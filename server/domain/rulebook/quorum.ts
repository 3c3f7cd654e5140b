/**
 * Quorum: members present counted against the statutory membership (vacant seats included in the
 * base). Abstentions and invalid ballots are cast by members present, so they count for quorum;
 * the caller passes everyone present.
 */
import { InputError } from '../errors';
import type { Rulebook } from '../rulebook';

export interface QuorumStatus {
  readonly present: number;
  /** The smallest number of members present that satisfies the rule. */
  readonly required: number;
  readonly quorate: boolean;
}

/**
 * fraction × statutory, computed in floating point, is snapped to the nearest integer when it is
 * within this distance of it (e.g. 1/3 × 705 = 234.99999999999997 is 235). Fractions in rulebooks
 * are simple (1/2, 1/3, 2/3), so a true non-integer product is never this close to an integer.
 */
const SNAP = 1e-9;

/** The smallest count c with c > fraction × base (strictlyMore) or c ≥ fraction × base. */
export function requiredPresent(fraction: number, strictlyMore: boolean, base: number): number {
  const product = fraction * base;
  const nearest = Math.round(product);
  const exact = Math.abs(product - nearest) <= SNAP * Math.max(1, base) ? nearest : product;
  return strictlyMore ? Math.floor(exact) + 1 : Math.ceil(exact);
}

/**
 * Bundestag (§ 45 GO-BT): more than half of the members → 316 of 630. European Parliament (Rule
 * 178): one third → 235 of 705. NRW council (§ 49 GO NRW): more than half of the statutory
 * membership → 25 of 49 (48 councillors + the mayor).
 */
export function quorumStatus(rulebook: Rulebook, statutoryMembers: number, presentMembers: number): QuorumStatus {
  if (!Number.isInteger(statutoryMembers) || statutoryMembers < 0) {
    throw new InputError([{ path: ['statutoryMembers'], message: 'must be a whole number, 0 or more' }]);
  }
  if (!Number.isInteger(presentMembers) || presentMembers < 0 || presentMembers > statutoryMembers) {
    throw new InputError([{ path: ['presentMembers'], message: `must be a whole number from 0 to the statutory ${statutoryMembers}` }]);
  }
  const { fraction, strictlyMore } = rulebook.quorum;
  const required = requiredPresent(fraction, strictlyMore, statutoryMembers);
  return { present: presentMembers, required, quorate: presentMembers >= required };
}
