import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database';

/** The signing key made for a secret vote before it opens (the record pins its public half). */
export async function insertVoteKey(db: Kysely<Database>, voteId: string, publicKey: string, privateKey: string): Promise<void> {
  await db.insertInto('secret_vote_keys').values({ vote_id: voteId, public_key: publicKey, private_key: privateKey }).execute();
}

/** A key whose vote did not open (the opening was refused): it must not linger. */
export async function deleteVoteKey(db: Kysely<Database>, voteId: string, publicKey: string): Promise<void> {
  await db.deleteFrom('secret_vote_keys').where('vote_id', '=', voteId).where('public_key', '=', publicKey).execute();
}

/** Every key of a vote, in the transaction that closes or cancels it: no token is signed after that. */
export async function deleteVoteKeys(tx: Transaction<Database>, voteId: string): Promise<void> {
  await tx.deleteFrom('secret_vote_keys').where('vote_id', '=', voteId).execute();
}

export type Issue = { readonly kind: 'issued'; readonly blindSignature: string } | { readonly kind: 'no_key' } | { readonly kind: 'already_issued' };

/**
 * Issues a member's one token of a vote: under a share lock on the vote's key (the close deletes it,
 * so it waits for issues in flight and none follows it), the same blinded message again gets the
 * stored blind signature, another one is refused, a first one is signed and stored.
 */
export async function issueToken(
  db: Kysely<Database>,
  voteId: string,
  publicKey: string,
  personId: string,
  blindedMessage: string,
  sign: (privateKey: string) => Promise<string>,
): Promise<Issue> {
  return db.transaction().execute(async (tx): Promise<Issue> => {
    const key = await tx
      .selectFrom('secret_vote_keys')
      .select('private_key')
      .where('vote_id', '=', voteId)
      .where('public_key', '=', publicKey)
      .forShare()
      .executeTakeFirst();
    if (!key) return { kind: 'no_key' };
    const earlier = () =>
      tx
        .selectFrom('ballot_tokens_issued')
        .select(['blinded_message', 'blind_signature'])
        .where('vote_id', '=', voteId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
    const answer = (row: { blinded_message: string; blind_signature: string }): Issue =>
      row.blinded_message === blindedMessage ? { kind: 'issued', blindSignature: row.blind_signature } : { kind: 'already_issued' };
    const before = await earlier();
    if (before) return answer(before);
    const blindSignature = await sign(key.private_key);
    const inserted = await tx
      .insertInto('ballot_tokens_issued')
      .values({ vote_id: voteId, person_id: personId, blinded_message: blindedMessage, blind_signature: blindSignature })
      .onConflict((oc) => oc.columns(['vote_id', 'person_id']).doNothing())
      .returning('blind_signature')
      .executeTakeFirst();
    if (inserted) return { kind: 'issued', blindSignature: inserted.blind_signature };
    // Another request of the same member got there first.
    const row = await earlier();
    return row ? answer(row) : { kind: 'already_issued' };
  });
}

export async function countTokensIssued(db: Kysely<Database>, voteId: string): Promise<number> {
  const r = await db
    .selectFrom('ballot_tokens_issued')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('vote_id', '=', voteId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function tokenIssuedTo(db: Kysely<Database>, voteId: string, personId: string): Promise<boolean> {
  const r = await db.selectFrom('ballot_tokens_issued').select('vote_id').where('vote_id', '=', voteId).where('person_id', '=', personId).executeTakeFirst();
  return r !== undefined;
}

/** Spent tokens, in the transaction that appends their ballots to the record: the primary key spends each once. */
export async function insertSecretBallots(tx: Transaction<Database>, rows: readonly { voteId: string; tokenHash: string; optionId: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('secret_ballots')
    .values(rows.map((r) => ({ vote_id: r.voteId, token_hash: r.tokenHash, option_id: r.optionId })))
    .execute();
}

export async function countSecretBallots(db: Kysely<Database>, voteId: string): Promise<number> {
  const r = await db
    .selectFrom('secret_ballots')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('vote_id', '=', voteId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
