import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { BallotRow, Database, VoteDraftRow } from './database';
import type { VoteDraft } from '../domain/procedure/commands';

export function rowToVoteDraft(r: VoteDraftRow): VoteDraft & { sittingId: string; openedAt: Date | null } {
  return {
    id: r.id,
    sittingId: r.sitting_id,
    agendaItemId: r.agenda_item_id,
    title: r.title,
    kind: r.kind,
    options: r.options,
    abstention: r.abstention,
    majority: r.majority,
    live: r.live,
    durationSeconds: r.duration_seconds,
    autoCloseWhenAllVoted: r.auto_close,
    category: r.category,
    election: r.election,
    openedAt: r.opened_at,
  };
}

export async function insertVoteDraft(db: Kysely<Database>, sittingId: string, d: Omit<VoteDraft, 'id'>) {
  const row = await db
    .insertInto('vote_drafts')
    .values({
      sitting_id: sittingId,
      agenda_item_id: d.agendaItemId,
      title: d.title,
      kind: d.kind,
      options: JSON.stringify(d.options),
      abstention: d.abstention,
      majority: d.majority,
      live: d.live,
      duration_seconds: d.durationSeconds,
      auto_close: d.autoCloseWhenAllVoted,
      category: d.category,
      election: d.election ? JSON.stringify({ seats: d.election.seats }) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToVoteDraft(row);
}

export async function listVoteDrafts(db: Kysely<Database>, sittingId: string) {
  const rows = await db.selectFrom('vote_drafts').selectAll().where('sitting_id', '=', sittingId).orderBy('created_at').orderBy('id').execute();
  return rows.map(rowToVoteDraft);
}

export async function findVoteDraft(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('vote_drafts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToVoteDraft(row);
}

export async function deleteVoteDraft(db: Kysely<Database>, id: string): Promise<boolean> {
  const res = await db.deleteFrom('vote_drafts').where('id', '=', id).where('opened_at', 'is', null).executeTakeFirst();
  return res.numDeletedRows > 0n;
}

export async function markDraftOpened(tx: Transaction<Database>, id: string, at: Date): Promise<void> {
  await tx.updateTable('vote_drafts').set({ opened_at: at }).where('id', '=', id).execute();
}

/** The vote's pseudonym secret, created on first use. */
export async function voteSecret(db: Kysely<Database>, voteId: string): Promise<string> {
  await db
    .insertInto('vote_secrets')
    .values({ vote_id: voteId, secret: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('vote_id').doNothing())
    .execute();
  const row = await db.selectFrom('vote_secrets').select('secret').where('vote_id', '=', voteId).executeTakeFirstOrThrow();
  return row.secret;
}

/** One row per member and vote: the primary key is the database's guarantee of one ballot each. */
export async function insertBallots(
  tx: Transaction<Database>,
  rows: readonly { voteId: string; personId: string; sittingId: string; optionId: string; pseudonym: string | null; seq: number; castAt: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('ballots')
    .values(
      rows.map((r) => ({
        vote_id: r.voteId,
        person_id: r.personId,
        sitting_id: r.sittingId,
        option_id: r.optionId,
        pseudonym: r.pseudonym,
        seq: r.seq,
        cast_at: r.castAt,
      })),
    )
    .execute();
}

export async function findBallot(db: Kysely<Database>, voteId: string, personId: string): Promise<BallotRow | undefined> {
  return db.selectFrom('ballots').selectAll().where('vote_id', '=', voteId).where('person_id', '=', personId).executeTakeFirst();
}

export async function countBallots(db: Kysely<Database>, voteId: string): Promise<number> {
  const r = await db
    .selectFrom('ballots')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('vote_id', '=', voteId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
