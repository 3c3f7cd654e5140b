import { GraphQLError } from 'graphql';
import { limitCodes, pageSizes } from '../http/graphql-limits';

/**
 * Lists that grow are read in pages: `first` (a default page when omitted, never more than the
 * list's maximum) and `offset`. The record is read by `afterSeq` instead, its natural cursor.
 */
export type PageSize = (typeof pageSizes)[keyof typeof pageSizes];

export interface PageArgs {
  readonly first?: number | null;
  readonly offset?: number | null;
}

/** The window asked for, or a 400 refusal naming the maximum. */
export function pageWindow(args: PageArgs, size: PageSize): { limit: number; offset: number } {
  const limit = args.first ?? size.default;
  const offset = args.offset ?? 0;
  if (limit < 0 || limit > size.max) {
    throw new GraphQLError(`first must be between 0 and ${size.max}.`, { extensions: { code: limitCodes.pageTooLarge, http: { status: 400 } } });
  }
  if (offset < 0) throw new GraphQLError('offset must not be negative.', { extensions: { code: limitCodes.pageTooLarge, http: { status: 400 } } });
  return { limit, offset };
}

/** One page of a list already in memory. */
export function pageOf<T>(items: readonly T[], args: PageArgs, size: PageSize): T[] {
  const { limit, offset } = pageWindow(args, size);
  return items.slice(offset, offset + limit);
}

export const pageArgDescriptions = {
  first: (size: PageSize) => `Page size: ${size.default} when omitted, at most ${size.max}.`,
  offset: 'Entries to skip.',
} as const;
