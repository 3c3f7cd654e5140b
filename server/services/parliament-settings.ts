/**
 * The parliament's settings as parliament IT edits them. Saving creates the parliament's row when a
 * fresh database has none, checks the seats already given out still fit, and appends the change to
 * the admin log in the same transaction. A sitting already open keeps the rulebook frozen into its
 * record at opening (sitting.opened); only sittings opened later use the new one.
 */
import { sql } from 'kysely';
import { appendAdminLog } from '../db/admin-log';
import { seatCounts } from '../db/factions';
import { getParliamentSettings, saveParliamentSettings } from '../db/parliament';
import type { AdminActor } from '../domain/admin-log';
import { checkParliamentSettings, type ParliamentSettings } from '../domain/parliament-settings';
import { checkSeats } from '../domain/roster';
import type { Rulebook } from '../domain/rulebook';
import { presets } from '../domain/rulebook/presets';
import type { ServiceDeps } from './context';
import { defaultPreset } from './procedure/context';
import type { RulebookPresetId } from '@contract/forms/parliament-forms';

export interface ParliamentSettingsView extends Omit<ParliamentSettings, 'rulebookPreset'> {
  /** The stored rulebook's preset: one the form offers, or an older one no longer offered. */
  readonly rulebookPreset: string;
  /** The preset's own values, to show beside the overrides; null for a stored rulebook of no known preset. */
  readonly presetRulebook: Rulebook | null;
  /** The preset with the overrides applied: what a sitting opened now starts with (before its own overrides). */
  readonly effectiveRulebook: Rulebook;
}

export interface RulebookPresetView {
  readonly id: string;
  readonly name: string;
  readonly rulebook: Rulebook;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function createParliamentSettingsService(deps: ServiceDeps) {
  const { db, now } = deps;

  async function view(of: typeof db): Promise<ParliamentSettingsView | null> {
    const stored = await getParliamentSettings(of);
    if (!stored) return null;
    const effective = stored.rulebook ?? presets[defaultPreset];
    const preset = Object.hasOwn(presets, effective.preset) ? presets[effective.preset as RulebookPresetId] : null;
    return {
      ...stored.settings,
      rulebookPreset: effective.preset,
      rulebookOverrides: isObject(stored.overrides) ? stored.overrides : null,
      presetRulebook: preset,
      effectiveRulebook: effective,
    };
  }

  return {
    /** null while the parliament is not set up (a fresh production database). */
    settings: () => view(db),
    presets: (): RulebookPresetView[] => Object.entries(presets).map(([id, rulebook]) => ({ id, name: rulebook.name, rulebook })),

    /** Replaces all settings (validated as a whole: domain/parliament-settings.ts). */
    async update(by: AdminActor, input: unknown): Promise<ParliamentSettingsView> {
      const { settings, rulebook } = checkParliamentSettings(input);
      return db.transaction().execute(async (tx) => {
        // The roster's lock: seats given out are counted against the new statutory membership.
        await sql`lock table factions in share row exclusive mode`.execute(tx);
        const before = await view(tx);
        const counts = await seatCounts(tx);
        checkSeats(settings.statutoryMembers, counts.factions, counts.independents);
        await saveParliamentSettings(tx, settings, rulebook);
        const strip = (v: ParliamentSettingsView | null) => v && { ...v, presetRulebook: undefined, effectiveRulebook: undefined };
        const after = await view(tx);
        await appendAdminLog(tx, now(), {
          actor: by,
          action: before ? 'parliament.update' : 'parliament.create',
          subject: 'parliament',
          before: strip(before),
          after: strip(after),
        });
        if (!after) throw new Error('the parliament row was not saved');
        return after;
      });
    },
  };
}

export type ParliamentSettingsService = ReturnType<typeof createParliamentSettingsService>;
