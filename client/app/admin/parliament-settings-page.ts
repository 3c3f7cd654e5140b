import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslationState } from '../i18n/translation-state';
import { ErrorNotice } from '../shared/error-notice';
import { GraphqlClient } from '../shared/graphql-client';
import { ShellState } from '../shell/shell-state';
import { checkForm } from '../shared/form-check';
import { parliamentForm } from '@contract/forms/parliament-forms';
import {
  parliamentSettingsQuery,
  updateParliamentSettingsMutation,
  type ParliamentSettingsFieldsFragment,
  type ParliamentSettingsResult,
} from './admin.generated';
import { adminText } from './admin-text';
import { inputText, otherOverrides, parseOverride, ruleFields, valueAt, withOverride, type RuleField } from './rulebook-fields';

/** The form as typed: text for every field, so a half-typed number stays as it is until saved. */
interface SettingsForm {
  readonly name: string;
  readonly shortName: string;
  readonly statutoryMembers: string;
  readonly termName: string;
  readonly termStartsOn: string;
  readonly termEndsOn: string;
  readonly floorLanguage: string;
  readonly timeZone: string;
  readonly rulebookPreset: string;
  readonly overrides: Record<string, unknown>;
}

const emptyForm: SettingsForm = {
  name: '',
  shortName: '',
  statutoryMembers: '',
  termName: '',
  termStartsOn: '',
  termEndsOn: '',
  floorLanguage: 'de',
  timeZone: 'Europe/Berlin',
  rulebookPreset: 'bundestag-2025',
  overrides: {},
};

function formOf(s: ParliamentSettingsFieldsFragment): SettingsForm {
  return {
    name: s.name,
    shortName: s.shortName ?? '',
    statutoryMembers: String(s.statutoryMembers),
    termName: s.termName ?? '',
    termStartsOn: s.termStartsOn ?? '',
    termEndsOn: s.termEndsOn ?? '',
    floorLanguage: s.floorLanguage,
    timeZone: s.timeZone,
    rulebookPreset: s.rulebookPreset,
    overrides: s.rulebookOverrides !== null && typeof s.rulebookOverrides === 'object' ? (s.rulebookOverrides as Record<string, unknown>) : {},
  };
}

const blank = (s: string) => (s.trim() === '' ? null : s);

/** Parliament IT's settings: names, term, floor language, time zone and the rules of procedure. */
@Component({
  selector: 'plenum-parliament-settings-page',
  imports: [ErrorNotice, FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './parliament-settings-page.html',
  styleUrl: './admin-form.css',
})
export class ParliamentSettingsPage implements OnInit {
  private readonly graphql = inject(GraphqlClient);
  private readonly shellState = inject(ShellState);
  protected readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(adminText);
  /** What each field accepts: the server's rules (contract/forms/parliament-forms.ts). */
  protected readonly rules = parliamentForm;
  protected readonly ruleFields = ruleFields;
  protected readonly timeZones: readonly string[] = Intl.supportedValuesOf('timeZone');

  protected readonly loaded = signal<ParliamentSettingsResult | null>(null);
  protected readonly loadError = signal<unknown>(null);
  protected readonly form = signal<SettingsForm>(emptyForm);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly saveError = signal<unknown>(null);
  /** The server's refusals by field path (name, termEndsOn, rulebookOverrides.quorum.fraction, …). */
  protected readonly problems = signal<ReadonlyMap<string, string>>(new Map());

  protected readonly presetRulebook = computed(() => this.loaded()?.rulebookPresets.find((p) => p.id === this.form().rulebookPreset)?.rulebook ?? null);
  protected readonly otherOverrides = computed(() => {
    const rest = otherOverrides(this.form().overrides);
    return rest && JSON.stringify(rest, null, 2);
  });
  protected readonly problemList = computed(() => [...this.problems().entries()]);

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.loadError.set(null);
    try {
      const result = await this.graphql.request(parliamentSettingsQuery, {});
      this.loaded.set(result);
      this.form.set(result.parliamentSettings ? formOf(result.parliamentSettings) : emptyForm);
    } catch (error: unknown) {
      this.loadError.set(error);
    }
  }

  protected update(change: Partial<SettingsForm>): void {
    this.form.update((f) => ({ ...f, ...change }));
    this.saved.set(false);
  }

  protected presetValue(field: RuleField): string {
    return this.show(valueAt(this.presetRulebook(), field.path));
  }

  protected overrideText(field: RuleField): string {
    return inputText(valueAt(this.form().overrides, field.path));
  }

  protected setOverride(field: RuleField, text: string): void {
    this.update({ overrides: withOverride(this.form().overrides, field.path, parseOverride(field.kind, text)) });
  }

  protected problem(path: string): string | null {
    return this.problems().get(path) ?? null;
  }

  protected show(value: unknown): string {
    if (value === null || value === undefined) return this.text().noValue;
    if (typeof value === 'boolean') return value ? this.text().yes : this.text().no;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  }

  async save(): Promise<void> {
    const f = this.form();
    this.saving.set(true);
    this.saved.set(false);
    this.saveError.set(null);
    // The server's rules (contract/forms/parliament-forms.ts), checked here first: refusals in the reader's language.
    const typed = { ...f, overrides: undefined };
    const problems = checkForm(parliamentForm, typed, this.translation.language());
    this.problems.set(problems);
    if (problems.size > 0) {
      this.saving.set(false);
      return;
    }
    try {
      const { updateParliamentSettings: r } = await this.graphql.request(updateParliamentSettingsMutation, {
        input: {
          name: f.name,
          shortName: blank(f.shortName),
          statutoryMembers: Number(f.statutoryMembers),
          termName: blank(f.termName),
          termStartsOn: blank(f.termStartsOn),
          termEndsOn: blank(f.termEndsOn),
          floorLanguage: f.floorLanguage,
          timeZone: f.timeZone,
          rulebookPreset: f.rulebookPreset,
          rulebookOverrides: Object.keys(f.overrides).length ? f.overrides : null,
        },
      });
      if (r.__typename === 'MutationUpdateParliamentSettingsSuccess') {
        this.form.set(formOf(r.data));
        this.loaded.update((l) => l && { ...l, parliamentSettings: r.data });
        this.saved.set(true);
        // The header's name and every page's clock follow the new settings.
        void this.shellState.loadParliament(true);
      } else if (r.__typename === 'InputError') {
        this.problems.set(new Map(r.issues.map((i) => [i.path.filter((p) => p !== 'input').join('.'), i.message])));
      } else {
        this.problems.set(new Map([['', r.message]]));
      }
    } catch (error: unknown) {
      this.saveError.set(error);
    } finally {
      this.saving.set(false);
    }
  }
}
