import type { Migration } from 'kysely';
import * as createParliament from './2026_11_21_000000_create_parliament';
import * as createRecord from './2026_11_21_010000_create_record';
import * as createChamber from './2026_11_22_000000_create_chamber';
import * as bindIdentities from './2026_12_06_000000_bind_identities';
import * as parliamentSettings from './2026_12_06_100000_parliament_settings';
import * as rosterImport from './2026_12_06_110000_roster_import';
import * as sittingLifecycle from './2026_12_06_120000_sitting_lifecycle';
import * as secretBallots from './2026_12_07_010000_secret_ballots';
import * as showOfHands from './2026_12_07_020000_show_of_hands';
import * as voteDraftElections from './2026_12_07_030000_vote_draft_elections';
import * as orderExclusions from './2026_12_08_010000_order_exclusions';

/** Listed in code: Kysely's FileMigrationProvider cannot import .ts under vitest. Names sort by date. */
export const migrations: Record<string, Migration> = {
  '2026_11_21_000000_create_parliament': createParliament,
  '2026_11_21_010000_create_record': createRecord,
  '2026_11_22_000000_create_chamber': createChamber,
  '2026_12_06_000000_bind_identities': bindIdentities,
  '2026_12_06_100000_parliament_settings': parliamentSettings,
  '2026_12_06_110000_roster_import': rosterImport,
  '2026_12_06_120000_sitting_lifecycle': sittingLifecycle,
  '2026_12_07_010000_secret_ballots': secretBallots,
  '2026_12_07_020000_show_of_hands': showOfHands,
  '2026_12_07_030000_vote_draft_elections': voteDraftElections,
  '2026_12_08_010000_order_exclusions': orderExclusions,
};
