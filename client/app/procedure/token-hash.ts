/** How many hex digits of a secret ballot's token hash are shown at a glance. */
export const shortHashDigits = 12;

/** The first 12 hex digits of a token hash in groups of four (`3f9a 1c07 e2b4`): what a member compares by eye. */
export function shortTokenHash(hash: string): string {
  return (hash.slice(0, shortHashDigits).match(/.{1,4}/g) ?? []).join(' ');
}
