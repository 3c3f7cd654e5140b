import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

/** An exclusion not lifted, with the sittings it has served since (opened after it, besides its own and `exceptSittingId`). */
export interface ExclusionInForce {
  readonly exclusionId: string;
  readonly personId: string;
  readonly sittingId: string;
  readonly sittingDays: number;
  readonly excludedAt: Date;
  readonly objection: { readonly text: string | null } | null;
  readonly served: number;
}

export async function insertExclusion(
  db: Kysely<Database>,
  x: { exclusionId: string; personId: string; sittingId: string; sittingDays: number; excludedAt: Date },
): Promise<void> {
  await db
    .insertInto('order_exclusions')
    .values({ exclusion_id: x.exclusionId, person_id: x.personId, sitting_id: x.sittingId, sitting_days: x.sittingDays, excluded_at: x.excludedAt })
    .execute();
}

export async function recordExclusionObjection(db: Kysely<Database>, exclusionId: string, text: string | null): Promise<void> {
  await db.updateTable('order_exclusions').set({ objection_lodged: true, objection_text: text }).where('exclusion_id', '=', exclusionId).execute();
}

export async function liftExclusion(db: Kysely<Database>, exclusionId: string, at: Date): Promise<void> {
  await db.updateTable('order_exclusions').set({ lifted_at: at }).where('exclusion_id', '=', exclusionId).where('lifted_at', 'is', null).execute();
}

/**
 * Exclusions of other sittings not lifted, each with the number of sittings opened after it (a sitting
 * day served each), leaving out `exceptSittingId` (the sitting about to open, which is not served yet).
 */
export async function exclusionsInForce(db: Kysely<Database>, exceptSittingId: string): Promise<ExclusionInForce[]> {
  const rows = await db
    .selectFrom('order_exclusions as x')
    .select(['x.exclusion_id', 'x.person_id', 'x.sitting_id', 'x.sitting_days', 'x.excluded_at', 'x.objection_lodged', 'x.objection_text'])
    .select(
      sql<string>`(select count(distinct r.sitting_id) from record_entries r
        where r.kind = 'sitting.opened' and r.at > x.excluded_at and r.sitting_id <> x.sitting_id and r.sitting_id <> ${exceptSittingId})`.as('served'),
    )
    .where('x.lifted_at', 'is', null)
    .where('x.sitting_id', '<>', exceptSittingId)
    .orderBy('x.excluded_at')
    .execute();
  return rows.map((r) => ({
    exclusionId: r.exclusion_id,
    personId: r.person_id,
    sittingId: r.sitting_id,
    sittingDays: r.sitting_days,
    excludedAt: r.excluded_at,
    objection: r.objection_lodged ? { text: r.objection_text } : null,
    served: Number(r.served),
  }));
}
