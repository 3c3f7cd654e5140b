/** The number bounds are the contract's (contract/number-limits.ts); re-exported for the server's importers. */
export { numberLimits } from '@contract/number-limits';
