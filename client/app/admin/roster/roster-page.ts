import { HttpClient } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';
import { rosterFilePath, type RosterFileUpload, type RosterFileUploaded } from '@contract/roster-files';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslationState } from '../../i18n/translation-state';
import { ErrorNotice } from '../../shared/error-notice';
import { csrfHeaders, GraphqlClient } from '../../shared/graphql-client';
import type { RosterFormat } from '../../shared/graphql-schema.generated';
import { applyRosterImportMutation, exportRosterQuery, previewRosterImportQuery, type RosterImportDiffFieldsFragment } from './roster-import.generated';
import { refusalText, ruleText } from '../../procedure/rule-text';
import { rosterText } from './roster-text';

type Section = 'factionsAdded' | 'factionsChanged' | 'peopleAdded' | 'peopleChanged' | 'peopleEnded';
const sections: readonly Section[] = ['factionsAdded', 'factionsChanged', 'peopleAdded', 'peopleChanged', 'peopleEnded'];

interface Field {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

interface Issue {
  readonly path: readonly string[];
  readonly message: string;
}

/** JSON when the text starts like an object, else CSV. */
export function guessFormat(content: string): RosterFormat {
  return content.trimStart().startsWith('{') ? 'JSON' : 'CSV';
}

/** Roster import for parliament IT: a file (uploaded or pasted), its differences, then apply; and export. */
/** Fields an addition's label and id already show (the name, the short name, the external id). */
const inLabel = new Set(['externalId', 'givenName', 'familyName', 'shortName']);

/** Characters sent inline in the GraphQL request; larger files are uploaded first (the API takes 10,000 at most). */
export const INLINE_MAX_CHARS = 8_000;

@Component({
  selector: 'plenum-roster-page',
  imports: [ErrorNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ text().heading }}</h1>
    <p>{{ text().intro }}</p>
    <form class="import" (submit)="$event.preventDefault(); preview()">
      <label for="roster-file">{{ text().file }}</label>
      <input id="roster-file" type="file" accept=".csv,.json,text/csv,application/json" (change)="readFile($event)" />
      <label for="roster-text">{{ text().paste }}</label>
      <textarea id="roster-text" rows="8" spellcheck="false" [value]="content()" (input)="setContent($any($event.target).value)"></textarea>
      <fieldset>
        <legend>{{ text().format }}</legend>
        <label><input type="radio" name="format" value="CSV" [checked]="format() === 'CSV'" (change)="format.set('CSV')" /> CSV</label>
        <label><input type="radio" name="format" value="JSON" [checked]="format() === 'JSON'" (change)="format.set('JSON')" /> JSON</label>
      </fieldset>
      <label class="check"><input type="checkbox" [checked]="wholeRoster()" (change)="setWhole($any($event.target).checked)" /> {{ text().wholeRoster }}</label>
      <div class="actions">
        <button type="submit" data-testid="preview" [disabled]="busy() || content() === ''">{{ text().preview }}</button>
        <button type="button" data-testid="apply" [disabled]="busy() || !canApply()" (click)="apply()">{{ text().apply }}</button>
        <button type="button" class="secondary" [disabled]="busy()" (click)="exportAs('CSV')">{{ text().exportCsv }}</button>
        <button type="button" class="secondary" [disabled]="busy()" (click)="exportAs('JSON')">{{ text().exportJson }}</button>
      </div>
    </form>
    <div aria-live="polite">
      @if (busy()) {
        <p role="status">{{ text().working }}</p>
      }
      @if (error(); as e) {
        <plenum-error-notice [heading]="text().failed" [error]="e" />
      }
      @if (refusal(); as r) {
        <p class="refusal" role="alert">{{ r }}</p>
      }
      @if (issues().length > 0) {
        <p role="alert">{{ text().problems }}</p>
        <table class="issues" data-testid="issues">
          <thead>
            <tr>
              <th scope="col">{{ text().where }}</th>
              <th scope="col">{{ text().problem }}</th>
            </tr>
          </thead>
          <tbody>
            @for (i of issues(); track $index) {
              <tr>
                <td>{{ place(i.path) }}</td>
                <td>{{ i.message }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
      @if (diff(); as d) {
        @if (applied()) {
          <p role="status" data-testid="roster-applied">{{ text().applied }}</p>
        }
        @if (d.empty) {
          <p data-testid="no-changes">{{ text().noChanges }}</p>
        } @else {
          <h2>{{ text().differences }}</h2>
          <p data-testid="roster-counts">
            {{ text().counts(d.factionsAdded.count + d.peopleAdded.count, d.factionsChanged.count + d.peopleChanged.count, d.peopleEnded.count) }}
          </p>
          @for (s of sections; track s) {
            @if (d[s].count > 0) {
              <h3>{{ text().sections[s] }} ({{ d[s].count }})</h3>
              <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="text().sections[s]">
                @if (s === 'factionsAdded' || s === 'peopleAdded') {
                  <!-- An addition is one line: 41 new members must not take 41 screens. -->
                  <table class="diff" [attr.data-testid]="s">
                    <thead>
                      <tr>
                        <th scope="col">{{ text().entry }}</th>
                        <th scope="col">{{ text().after }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (e of d[s].entries; track e.externalId) {
                        <tr>
                          <td>
                            {{ e.label }} <span class="muted">({{ e.externalId }})</span>
                          </td>
                          <td>{{ summary(e) }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                } @else {
                  <table class="diff" [attr.data-testid]="s">
                    <thead>
                      <tr>
                        <th scope="col">{{ text().entry }}</th>
                        <th scope="col">{{ text().field }}</th>
                        <th scope="col">{{ text().before }}</th>
                        <th scope="col">{{ text().after }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (e of d[s].entries; track e.externalId) {
                        @for (f of shown(e); track f.field; let first = $first) {
                          <tr>
                            <td>
                              @if (first) {
                                {{ e.label }} <span class="muted">({{ e.externalId }})</span>
                              }
                            </td>
                            <td>{{ text().fields[f.field] ?? f.field }}</td>
                            <td>
                              <del>{{ f.before ?? '—' }}</del>
                            </td>
                            <td>
                              <ins>{{ f.after ?? '—' }}</ins>
                            </td>
                          </tr>
                        }
                      }
                    </tbody>
                  </table>
                }
              </div>
              @if (d[s].count > d[s].entries.length) {
                <p class="muted">{{ text().moreNotShown(d[s].count - d[s].entries.length) }}</p>
              }
            }
          }
        }
      }
    </div>
  `,
  styles: `
    .import {
      display: grid;
      gap: 0.5rem;
      max-width: 60rem;
    }
    textarea {
      font-family: monospace;
      width: 100%;
    }
    fieldset {
      border: 1px solid var(--border);
      display: flex;
      gap: 1rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .table-scroll {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      background: var(--surface);
    }
    th,
    td {
      padding: 0.375rem 0.625rem;
      border-bottom: 1px solid var(--border);
      text-align: left;
      vertical-align: top;
    }
    del {
      color: var(--muted);
    }
    ins {
      text-decoration: none;
      font-weight: 600;
    }
    .muted {
      color: var(--muted);
    }
    .refusal {
      font-weight: 600;
    }
  `,
})
export class RosterPage {
  private readonly graphql = inject(GraphqlClient);
  private readonly http = inject(HttpClient);
  /** The file last uploaded (preview and apply name the same one). */
  private uploaded: { readonly format: RosterFormat; readonly content: string; readonly fileId: string } | null = null;
  protected readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(rosterText);
  private readonly rules = this.translation.catalogue(ruleText);
  protected readonly sections = sections;

  protected readonly content = signal('');
  protected readonly format = signal<RosterFormat>('CSV');
  protected readonly wholeRoster = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly refusal = signal<string | null>(null);
  protected readonly issues = signal<readonly Issue[]>([]);
  protected readonly diff = signal<RosterImportDiffFieldsFragment | null>(null);
  protected readonly applied = signal(false);
  /** The preview's: apply sends it, so a roster changed in between is refused, not overwritten. */
  private readonly fingerprint = signal<string | null>(null);
  protected readonly canApply = computed(() => this.fingerprint() !== null && !this.applied() && this.diff()?.empty === false);

  /** Where a problem is: "line 3 · faction" (CSV) or "people · 4 · roles" (JSON), the line in the interface language. */
  protected place(path: readonly string[]): string {
    return path.map((p) => p.replace(/^line (\d+)$/, (_m, n: string) => this.text().line(Number(n)))).join(' · ');
  }

  /** An addition lists only the fields it sets. */
  protected shown(e: { readonly id: string | null; readonly fields: readonly Field[] }): readonly Field[] {
    return e.id === null ? e.fields.filter((f) => f.after !== null) : e.fields;
  }

  /** An addition on one line: "Faction: CDU · Roles: member · …" in the interface language. */
  protected summary(e: { readonly id: string | null; readonly fields: readonly Field[] }): string {
    return this.shown(e)
      .filter((f) => !inLabel.has(f.field))
      .map((f) => `${this.text().fields[f.field] ?? f.field}: ${f.after === 'true' ? this.text().yes : f.after === 'false' ? this.text().no : f.after}`)
      .join(' · ');
  }

  protected setContent(value: string): void {
    this.content.set(value);
    this.format.set(guessFormat(value));
    this.reset();
  }

  protected setWhole(value: boolean): void {
    this.wholeRoster.set(value);
    this.reset();
  }

  protected async readFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.setContent(await file.text());
    if (file.name.toLowerCase().endsWith('.json')) this.format.set('JSON');
  }

  private reset(): void {
    this.fingerprint.set(null);
    this.diff.set(null);
    this.issues.set([]);
    this.refusal.set(null);
    this.error.set(null);
    this.applied.set(false);
  }

  private async run(step: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.refusal.set(null);
    this.issues.set([]);
    try {
      await step();
    } catch (e: unknown) {
      this.error.set(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected preview(): Promise<void> {
    return this.run(async () => {
      this.applied.set(false);
      const r = (await this.graphql.request(previewRosterImportQuery, await this.variables())).previewRosterImport;
      if (r.__typename === 'QueryPreviewRosterImportSuccess') {
        this.diff.set(r.data);
        this.fingerprint.set(r.data.fingerprint);
      } else this.refused(r);
    });
  }

  protected apply(): Promise<void> {
    return this.run(async () => {
      const r = (await this.graphql.request(applyRosterImportMutation, { ...(await this.variables()), fingerprint: this.fingerprint() })).applyRosterImport;
      if (r.__typename === 'MutationApplyRosterImportSuccess') {
        this.diff.set(r.data);
        this.applied.set(true);
      } else this.refused(r);
    });
  }

  protected exportAs(format: RosterFormat): Promise<void> {
    return this.run(async () => {
      const text = (await this.graphql.request(exportRosterQuery, { format })).exportRoster;
      const url = URL.createObjectURL(new Blob([text], { type: format === 'CSV' ? 'text/csv' : 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = format === 'CSV' ? 'roster.csv' : 'roster.json';
      a.click();
      URL.revokeObjectURL(url);
    });
  }

  /** The file inline when it fits one GraphQL request, else uploaded once and named by its id. */
  private async variables() {
    const format = this.format();
    const content = this.content();
    const wholeRoster = this.wholeRoster();
    if (content.length <= INLINE_MAX_CHARS) return { format, content, fileId: null, wholeRoster };
    if (this.uploaded?.content !== content || this.uploaded.format !== format) {
      const file: RosterFileUpload = { format: format === 'CSV' ? 'csv' : 'json', content };
      const r = await firstValueFrom(this.http.post<RosterFileUploaded>(rosterFilePath, file, { headers: csrfHeaders }));
      this.uploaded = { format, content, fileId: r.fileId };
    }
    return { format, content: null, fileId: this.uploaded.fileId, wholeRoster };
  }

  private refused(r: { __typename: string; message: string; issues?: readonly Issue[]; rule?: string }): void {
    this.diff.set(null);
    this.fingerprint.set(null);
    if (r.issues && r.issues.length > 0) this.issues.set(r.issues);
    else this.refusal.set(refusalText({ rule: r.rule ?? null, message: r.message }, this.rules()));
  }
}
