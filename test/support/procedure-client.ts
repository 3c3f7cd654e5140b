/**
 * A member's and the chair's side of the procedure over HTTP GraphQL, for integration tests and
 * benchmarks that drive a running server (in-process or a child process): typed results of the
 * procedural mutations and of castVote, and signing many people in at once.
 */
import { fetchAccessToken, loginSession } from './oidc-login';

export type Headers = Record<string, string>;

export interface ReceiptData {
  readonly voteId: string;
  readonly optionId: string;
  readonly pseudonym: string | null;
  readonly seq: number;
  readonly entryHash: string;
  readonly code: string;
}

/** What castVote answered: a receipt, a typed refusal, or a transport/GraphQL failure. */
export type CastOutcome =
  | { readonly ok: true; readonly receipt: ReceiptData }
  | { readonly ok: false; readonly typename: string; readonly rule?: string; readonly code?: string; readonly message?: string };

const castMutation = /* GraphQL */ `
  mutation Cast($sittingId: ID!, $voteId: ID!, $optionId: ID!) {
    castVote(sittingId: $sittingId, voteId: $voteId, optionId: $optionId) {
      __typename
      ... on Error {
        code
        message
      }
      ... on RuleViolation {
        rule
      }
      ... on MutationCastVoteSuccess {
        data {
          voteId
          optionId
          pseudonym
          seq
          entryHash
          code
        }
      }
    }
  }
`;

/** POSTs one operation; throws on a non-JSON answer or GraphQL errors (not on typed error results). */
export async function graphql<T>(baseUrl: string, headers: Headers, query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'x-plenum-csrf': '1', ...headers },
    body: JSON.stringify({ query, variables }),
    ...(signal ? { signal } : {}),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(`GraphQL ${res.status}: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

export async function castVote(
  baseUrl: string,
  headers: Headers,
  sittingId: string,
  voteId: string,
  optionId: string,
  signal?: AbortSignal,
): Promise<CastOutcome> {
  const data = await graphql<{ castVote: { __typename: string; rule?: string; code?: string; message?: string; data?: ReceiptData } }>(
    baseUrl,
    headers,
    castMutation,
    { sittingId, voteId, optionId },
    signal,
  );
  const r = data.castVote;
  if (r.__typename === 'MutationCastVoteSuccess' && r.data) return { ok: true, receipt: r.data };
  return {
    ok: false,
    typename: r.__typename,
    ...(r.rule ? { rule: r.rule } : {}),
    ...(r.code ? { code: r.code } : {}),
    ...(r.message ? { message: r.message } : {}),
  };
}

/**
 * A procedural mutation (openSitting, joinSitting, openVote, closeVote, …) that must succeed; returns
 * its `data` selection. `args` is GraphQL argument text after sittingId.
 */
export async function procedure<T = Record<string, unknown>>(
  baseUrl: string,
  headers: Headers,
  sittingId: string,
  field: string,
  args = '',
  select = 'seq',
): Promise<T> {
  const success = `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
  const q = `mutation { r: ${field}(sittingId: ${JSON.stringify(sittingId)}${args ? `, ${args}` : ''}) { __typename ... on Error { code message } ... on RuleViolation { rule } ... on ${success} { data { ${select} } } } }`;
  const { r } = await graphql<{ r: { __typename: string; code?: string; rule?: string; message?: string; data?: T } }>(baseUrl, headers, q);
  if (r.__typename !== success) throw new Error(`${field} refused: ${r.rule ?? r.code}: ${r.message}`);
  return r.data!;
}

/** Prepares a vote (chair, moderator or clerk); returns the draft's id. */
export async function prepareVote(
  baseUrl: string,
  headers: Headers,
  sittingId: string,
  input: { title: string; kind?: 'NAMED' | 'PSEUDONYMOUS' | 'SECRET'; durationSeconds?: number; majority?: string; live?: boolean },
): Promise<string> {
  const fields = [
    `title: ${JSON.stringify(input.title)}`,
    `kind: ${input.kind ?? 'NAMED'}`,
    ...(input.durationSeconds !== undefined ? [`durationSeconds: ${input.durationSeconds}`] : []),
    ...(input.majority ? [`majority: ${input.majority}`] : []),
    ...(input.live !== undefined ? [`live: ${input.live}`] : []),
  ];
  const data = await graphql<{ prepareVote: { __typename: string; message?: string; data?: { id: string } } }>(
    baseUrl,
    headers,
    `mutation { prepareVote(sittingId: ${JSON.stringify(sittingId)}, input: { ${fields.join(', ')} }) { __typename ... on Error { message } ... on MutationPrepareVoteSuccess { data { id } } } }`,
  );
  if (!data.prepareVote.data) throw new Error(`prepareVote refused: ${data.prepareVote.message}`);
  return data.prepareVote.data.id;
}

/** Runs `task` over `items`, `concurrency` at a time; results in input order. */
export async function pool<T, R>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]!, i);
      }
    }),
  );
  return results;
}

/**
 * Signs everyone in through the development provider, `concurrency` at a time: bearer tokens
 * (the API client's flow) or browser sessions (cookies). Returns the request headers per username.
 */
export async function signInAll(baseUrl: string, usernames: readonly string[], how: 'bearer' | 'session', concurrency = 16): Promise<Map<string, Headers>> {
  const headers = await pool(usernames, concurrency, async (u): Promise<Headers> =>
    how === 'bearer' ? { authorization: `Bearer ${await fetchAccessToken(baseUrl, u)}` } : { cookie: (await loginSession(baseUrl, u)).cookie },
  );
  return new Map(usernames.map((u, i) => [u, headers[i]!]));
}

/** The option a voter picks in the tests and benchmarks: 3 in 5 yes, 1 in 5 no, 1 in 5 abstain. */
export function optionFor(i: number): 'yes' | 'no' | 'abstain' {
  const r = i % 5;
  return r < 3 ? 'yes' : r === 3 ? 'no' : 'abstain';
}

/** A vote every voter of a (grown) parliament can cast at once: signed in, present, the vote open. */
export interface OpenVoteForAll {
  readonly headers: Map<string, Headers>;
  readonly chair: Headers;
  readonly voteId: string;
  readonly closesAt: number;
  readonly eligibleCount: number;
}

/** Signs every voter in (sessions), opens the sitting, has every voter join it and opens a named vote. */
export async function openVoteForAll(
  baseUrl: string,
  parliament: { readonly voters: readonly { readonly username: string }[]; readonly chair: { readonly username: string } },
  sittingId: string,
  draft: { title: string; durationSeconds: number },
): Promise<OpenVoteForAll> {
  const headers = await signInAll(
    baseUrl,
    parliament.voters.map((p) => p.username),
    'session',
    24,
  );
  const chair = headers.get(parliament.chair.username)!;
  await procedure(baseUrl, chair, sittingId, 'openSitting');
  await pool(parliament.voters, 32, (p) => procedure(baseUrl, headers.get(p.username)!, sittingId, 'joinSitting'));
  const voteId = await prepareVote(baseUrl, chair, sittingId, draft);
  const opened = await procedure<{ openVote: { closesAt: string; eligibleCount: number } }>(
    baseUrl,
    chair,
    sittingId,
    'openVote',
    `draftId: "${voteId}"`,
    'openVote { closesAt eligibleCount }',
  );
  return { headers, chair, voteId, closesAt: Date.parse(opened.openVote.closesAt), eligibleCount: opened.openVote.eligibleCount };
}
