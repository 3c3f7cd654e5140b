import { builder } from './builder';
import { writeErrors } from './errors';
import { adminActorOf } from './admin-actor';
import { withoutAbsent } from './input';
import { InputError } from '../domain/errors';
import type { ParliamentSettingsView, RulebookPresetView } from '../services/parliament-settings';

const ParliamentSettingsRef = builder.objectRef<ParliamentSettingsView>('ParliamentSettings').implement({
  description: "The parliament's settings as parliament IT keeps them.",
  fields: (t) => ({
    name: t.exposeString('name'),
    shortName: t.exposeString('shortName', { nullable: true }),
    statutoryMembers: t.exposeInt('statutoryMembers'),
    termName: t.exposeString('termName', { nullable: true, description: 'e.g. "20. Wahlperiode".' }),
    termStartsOn: t.exposeString('termStartsOn', { nullable: true, description: 'YYYY-MM-DD' }),
    termEndsOn: t.exposeString('termEndsOn', { nullable: true, description: 'YYYY-MM-DD' }),
    floorLanguage: t.exposeString('floorLanguage', { description: 'BCP 47 tag of the language spoken on the floor.' }),
    timeZone: t.exposeString('timeZone', { description: 'IANA zone; protocol times are printed in it.' }),
    rulebookPreset: t.exposeString('rulebookPreset'),
    rulebookOverrides: t.field({ type: 'JSON', nullable: true, description: 'A partial rulebook over the preset.', resolve: (s) => s.rulebookOverrides }),
    presetRulebook: t.field({ type: 'JSON', nullable: true, description: "The preset's own values.", resolve: (s) => s.presetRulebook }),
    effectiveRulebook: t.field({
      type: 'JSON',
      description: 'The preset with the overrides applied: what a sitting opened now starts with. A sitting already open keeps the one frozen at its opening.',
      resolve: (s) => s.effectiveRulebook,
    }),
  }),
});

const RulebookPresetRef = builder.objectRef<RulebookPresetView>('RulebookPreset').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    rulebook: t.field({ type: 'JSON', resolve: (p) => p.rulebook }),
  }),
});

const ParliamentSettingsInput = builder.inputType('ParliamentSettingsInput', {
  description: 'All settings at once; validated as a whole (the refusals name the field).',
  fields: (t) => ({
    name: t.string({ required: true }),
    shortName: t.string(),
    statutoryMembers: t.int({ required: true }),
    termName: t.string(),
    termStartsOn: t.string({ description: 'YYYY-MM-DD' }),
    termEndsOn: t.string({ description: 'YYYY-MM-DD' }),
    floorLanguage: t.string({ required: true }),
    timeZone: t.string({ required: true, description: 'IANA zone, e.g. Europe/Berlin.' }),
    rulebookPreset: t.string({ required: true }),
    rulebookOverrides: t.field({ type: 'JSON', description: 'A partial rulebook over the preset; null or absent: none.' }),
  }),
});

builder.queryFields((t) => ({
  parliamentSettings: t.field({
    type: ParliamentSettingsRef,
    nullable: true,
    authScopes: { itAdmin: true },
    description: 'Parliament IT: the settings; null while the parliament is not set up.',
    resolve: (_r, _a, ctx) => ctx.services.parliamentSettings.settings(),
  }),
  rulebookPresets: t.field({
    type: [RulebookPresetRef],
    authScopes: { itAdmin: true },
    resolve: (_r, _a, ctx) => ctx.services.parliamentSettings.presets(),
  }),
}));

builder.mutationFields((t) => ({
  updateParliamentSettings: t.field({
    type: ParliamentSettingsRef,
    authScopes: { itAdmin: true },
    errors: { types: writeErrors },
    description: 'Creates the parliament when the database has none. A sitting already open keeps its rulebook.',
    args: { input: t.arg({ type: ParliamentSettingsInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      try {
        return await ctx.services.parliamentSettings.update(adminActorOf(ctx), withoutAbsent(input));
      } catch (error) {
        // Refusals name the argument (input.timeZone), as inputArg does for the other mutations.
        if (error instanceof InputError) throw new InputError(error.issues.map((i) => ({ ...i, path: ['input', ...i.path] })));
        throw error;
      }
    },
  }),
}));
