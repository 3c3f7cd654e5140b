/**
 * What one GraphQL request may cost, checked before (and while) it runs, so that no request holds the
 * event loop for long (the invariant: ≤ 100 ms, see graphql-cost.test.ts). The client's own
 * operations stay well inside every limit (graphql-limits.test.ts checks each of them).
 */
export const graphqlLimits = {
  /** Bytes of a request body: the client's largest operation with variables is under 10 KB. */
  maxBodyBytes: 64 * 1024,
  /** Lexical tokens of a document: bounds parsing and every validation rule's walk; the client's largest operation has about 400. */
  maxTokens: 2_000,
  /** Nesting of selections: the client needs 8 (sitting → procedure → votes → ballots → person → faction → id). */
  maxDepth: 12,
  /** The same field in one selection set: graphql-js compares repeats pairwise while validating; the client repeats none. */
  maxFieldRepeats: 10,
  /** Aliases in a document: aliases are how one field is asked for many times; the client uses none. */
  maxAliases: 15,
  /** Directives in a document: each is evaluated per field it sits on; the client uses none. */
  maxDirectives: 10,
  /** graphql-armor's static cost (objects 2, scalars 1, times 1.5 per level): the client's largest operation costs about 2,500. */
  maxCost: 20_000,
  /** Field values resolved while executing one result (one event of a subscription): bounds list × nesting, which static limits cannot see. */
  maxResolvedFields: 10_000,
  /** Characters of one serialised result (one event of a subscription). */
  maxResponseChars: 2 * 1024 * 1024,
} as const;

/** How long pages of growing lists may be (the default page when `first` is omitted, and the most `first` may ask for). */
export const pageSizes = {
  /** A sitting's record: thousands of entries in a long sitting; read incrementally with afterSeq. */
  record: { default: 500, max: 1_000 },
  /** Sittings, ordered by start: a parliament holds some dozens a year. */
  sittings: { default: 200, max: 500 },
  /** Votes of a sitting, newest first. */
  votes: { default: 100, max: 200 },
  /** Published ballots of a vote: one per member; a parliament has up to some hundreds. */
  ballots: { default: 1_000, max: 1_000 },
  /** The admin log, newest first: one entry per back-office change. */
  adminLog: { default: 100, max: 500 },
} as const;

/** The error codes of refused requests; each comes with HTTP 400. */
export const limitCodes = {
  bodyTooLarge: 'REQUEST_TOO_LARGE',
  tooComplex: 'QUERY_TOO_COMPLEX',
  tooExpensive: 'QUERY_TOO_EXPENSIVE',
  responseTooLarge: 'RESPONSE_TOO_LARGE',
  introspectionDisabled: 'INTROSPECTION_DISABLED',
  pageTooLarge: 'PAGE_TOO_LARGE',
} as const;
