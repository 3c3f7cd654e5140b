import type { Kysely } from 'kysely';
import type { Database } from './database';
import type { Parliament } from '../domain/parliament';
import type { ParliamentSettings } from '../domain/parliament-settings';
import type { Rulebook } from '../domain/rulebook';
import { upgradeRulebook } from '../domain/rulebook/upgrade';

export async function getParliament(db: Kysely<Database>): Promise<Parliament | undefined> {
  const row = await db.selectFrom('parliament').select(['name', 'statutory_members', 'short_name', 'time_zone']).executeTakeFirst();
  return row && { name: row.name, statutoryMembers: row.statutory_members, shortName: row.short_name, timeZone: row.time_zone };
}

export async function upsertParliament(db: Kysely<Database>, p: Parliament): Promise<void> {
  await db
    .insertInto('parliament')
    .values({ id: 1, name: p.name, statutory_members: p.statutoryMembers })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: p.name, statutory_members: p.statutoryMembers }))
    .execute();
}

/** The settings as stored, with the rulebook in force; undefined while the parliament is not set up. */
export async function getParliamentSettings(
  db: Kysely<Database>,
): Promise<{ settings: Omit<ParliamentSettings, 'rulebookPreset' | 'rulebookOverrides'>; rulebook: Rulebook | null; overrides: unknown } | undefined> {
  const row = await db.selectFrom('parliament').selectAll().executeTakeFirst();
  if (!row) return undefined;
  return {
    settings: {
      name: row.name,
      shortName: row.short_name,
      statutoryMembers: row.statutory_members,
      termName: row.term_name,
      termStartsOn: row.term_starts_on,
      termEndsOn: row.term_ends_on,
      floorLanguage: row.floor_language,
      timeZone: row.time_zone,
    },
    // Stored before fields were added (e.g. order measures): read with the defaults of its time.
    rulebook: row.rulebook && upgradeRulebook(row.rulebook),
    overrides: row.rulebook_overrides,
  };
}

/** Creates the parliament's row (a fresh production database has none) or replaces its settings. */
export async function saveParliamentSettings(db: Kysely<Database>, s: ParliamentSettings, rulebook: Rulebook): Promise<void> {
  const values = {
    name: s.name,
    short_name: s.shortName,
    statutory_members: s.statutoryMembers,
    term_name: s.termName,
    term_starts_on: s.termStartsOn,
    term_ends_on: s.termEndsOn,
    floor_language: s.floorLanguage,
    time_zone: s.timeZone,
    rulebook: JSON.stringify(rulebook),
    rulebook_overrides: s.rulebookOverrides === null ? null : JSON.stringify(s.rulebookOverrides),
  };
  await db
    .insertInto('parliament')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** The zone protocol times are printed in. */
export async function getParliamentTimeZone(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db.selectFrom('parliament').select('time_zone').executeTakeFirst();
  return row?.time_zone;
}
