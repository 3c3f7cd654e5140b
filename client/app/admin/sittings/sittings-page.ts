import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { sittingForm, cancelSittingForm, postponeSittingForm } from '@contract/forms/sitting-forms';
import { numberLimits } from '@contract/number-limits';
import { ViewerState } from '../../auth/viewer-state';
import { TranslationState } from '../../i18n/translation-state';
import { ruleText } from '../../procedure/rule-text';
import { DialogFrame } from '../../shared/dialog-frame';
import { ErrorNotice } from '../../shared/error-notice';
import { maxLengthOf } from '../../shared/form-check';
import { GraphqlClient } from '../../shared/graphql-client';
import {
  adminSittingsQuery,
  cancelSittingMutation,
  createSittingMutation,
  deleteSittingMutation,
  postponeSittingMutation,
  updateSittingMutation,
  type AdminRefusalFragment,
  type AdminSittingFieldsFragment,
  type AdminSittingsResult,
} from './admin-sittings.generated';
import {
  cancelProblems,
  mayPlanSittings,
  nextNumber,
  noRefusal,
  postponeInput,
  postponeProblems,
  refusalOf,
  sittingGroups,
  sittingInput,
  sittingProblems,
  sittingTypedOf,
  type Refusal,
  type SittingTyped,
} from './sittings-logic';
import { sittingsText } from './sittings-text';
import { browserTimeZone, formatInZone } from './zoned-time';
import { FieldProblem } from './field-problem';

type Sitting = AdminSittingFieldsFragment;
const blankSitting: SittingTyped = { number: '', title: '', startsAt: '' };

/**
 * /admin/sittings: the sittings planned and held, a new one, and per scheduled sitting: edit,
 * postpone, cancel (with its reason) and delete (one created by mistake). Every form is checked
 * with the server's own rules before it is sent; the server's refusals appear at the field.
 */
@Component({
  selector: 'plenum-admin-sittings-page',
  imports: [DialogFrame, ErrorNotice, FieldProblem, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ text().heading }}</h1>
    <p>{{ mayPlan() ? text().intro : text().introChair }} {{ zoneNote() }}</p>
    @if (!mayPlan()) {
      <p class="notice">{{ text().chairOnly }}</p>
    }
    <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcement">{{ announcement() }}</p>
    @if (loadError(); as error) {
      <plenum-error-notice [heading]="text().loadFailed" [error]="error" />
    }
    @if (data(); as d) {
      @for (group of groupList(); track group.key) {
        <section [attr.aria-labelledby]="'group-' + group.key">
          <h2 [id]="'group-' + group.key">{{ group.heading }}</h2>
          @if (group.sittings.length > 0) {
            <table class="sittings" [attr.data-testid]="'sittings-' + group.key">
              <caption class="visually-hidden">
                {{
                  group.caption
                }}
              </caption>
              <colgroup>
                <col class="col-number" />
                <col class="col-title" />
                <col class="col-starts" />
                <col class="col-state" />
                <col class="col-actions" />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{{ text().number }}</th>
                  <th scope="col">{{ text().title }}</th>
                  <th scope="col">{{ text().starts }}</th>
                  <th scope="col">{{ text().state }}</th>
                  <th scope="col">{{ text().actions }}</th>
                </tr>
              </thead>
              <tbody>
                @for (s of group.sittings; track s.id) {
                  <tr data-testid="sitting-row" [attr.data-sitting]="s.id">
                    <td>
                      <span class="cell-label" aria-hidden="true">{{ text().number }} </span>{{ s.number }}
                    </td>
                    <th scope="row" class="title">{{ s.title }}</th>
                    <td>
                      <time [attr.datetime]="s.startsAt">{{ when(s.startsAt) }}</time>
                      @if (s.postponedFrom; as from) {
                        <span class="muted small">{{ text().postponedFrom(when(from)) }}</span>
                      }
                    </td>
                    <td>
                      <span class="state" [attr.data-state]="s.state">{{ text().state_[s.state] }}</span>
                      @if (s.cancelReason; as reason) {
                        <span class="muted small">{{ reason }}</span>
                      }
                    </td>
                    <td>
                      <div class="row-actions">
                        <a class="button secondary-link" [routerLink]="[s.id]" [attr.aria-label]="text().forSitting(text().agenda, s.number, s.title)">{{
                          text().agenda
                        }}</a>
                        @if (mayPlan() && s.state === 'SCHEDULED') {
                          <button type="button" class="secondary" [attr.aria-label]="text().forSitting(text().edit, s.number, s.title)" (click)="openEdit(s)">
                            {{ text().edit }}
                          </button>
                          <button
                            type="button"
                            class="secondary"
                            data-testid="postpone"
                            [attr.aria-label]="text().forSitting(text().postpone, s.number, s.title)"
                            (click)="openPostpone(s)"
                          >
                            {{ text().postpone }}
                          </button>
                          <button
                            type="button"
                            class="secondary danger-text"
                            data-testid="cancel"
                            [attr.aria-label]="text().forSitting(text().cancel, s.number, s.title)"
                            (click)="openCancel(s)"
                          >
                            {{ text().cancel }}
                          </button>
                          @if (s.deletable) {
                            <button
                              type="button"
                              class="secondary danger-text"
                              data-testid="delete"
                              [attr.aria-label]="text().forSitting(text().delete, s.number, s.title)"
                              (click)="openDelete(s)"
                            >
                              {{ text().delete }}
                            </button>
                          }
                        }
                      </div>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          } @else {
            <p class="muted">{{ group.empty }}</p>
          }
        </section>
      }

      @if (mayPlan()) {
        <form class="new-sitting" novalidate (submit)="$event.preventDefault(); create()" data-testid="new-sitting">
          <fieldset>
            <legend>{{ text().newSitting }}</legend>
            <div class="row">
              <div class="field narrow">
                <label for="new-number">{{ text().numberLabel }}</label>
                <input
                  id="new-number"
                  type="number"
                  inputmode="numeric"
                  min="1"
                  [max]="maxNumber"
                  step="1"
                  required
                  [value]="newSitting().number"
                  (input)="setNew({ number: value($event) })"
                  [attr.aria-invalid]="newProblem('number') ? true : null"
                  [attr.aria-describedby]="newProblem('number') ? 'new-number-problem' : null"
                />
                <plenum-field-problem id="new-number-problem" [message]="newProblem('number')" />
              </div>
              <div class="field wide">
                <label for="new-title">{{ text().titleLabel }}</label>
                <input
                  id="new-title"
                  required
                  [attr.maxlength]="titleMax"
                  [value]="newSitting().title"
                  (input)="setNew({ title: value($event) })"
                  [attr.aria-invalid]="newProblem('title') ? true : null"
                  [attr.aria-describedby]="newProblem('title') ? 'new-title-hint new-title-problem' : 'new-title-hint'"
                />
                <p class="hint" id="new-title-hint">{{ text().titleHint }}</p>
                <plenum-field-problem id="new-title-problem" [message]="newProblem('title')" />
              </div>
              <div class="field">
                <label for="new-starts">{{ text().startsAtLabel }}</label>
                <input
                  id="new-starts"
                  type="datetime-local"
                  required
                  [value]="newSitting().startsAt"
                  (input)="setNew({ startsAt: value($event) })"
                  [attr.aria-invalid]="newProblem('startsAt') ? true : null"
                  [attr.aria-describedby]="newProblem('startsAt') ? 'new-starts-hint new-starts-problem' : 'new-starts-hint'"
                />
                <p class="hint" id="new-starts-hint">{{ text().zoneHint(zone()) }}</p>
                <plenum-field-problem id="new-starts-problem" [message]="newProblem('startsAt')" />
              </div>
            </div>
            @if (newRefusal().general; as general) {
              <p class="refusal" role="alert">{{ text().refused }} {{ general }}</p>
            }
            <button type="submit" [disabled]="busy()">{{ busy() ? text().working : text().create }}</button>
          </fieldset>
        </form>
      }
    } @else if (loadError() === null) {
      <p role="status">{{ text().loading }}</p>
    }

    <plenum-dialog-frame #editDialog [heading]="target() ? text().editHeading(target()!.number) : ''">
      <form novalidate (submit)="$event.preventDefault(); saveEdit()">
        <div class="field">
          <label for="edit-number">{{ text().numberLabel }}</label>
          <input
            id="edit-number"
            type="number"
            inputmode="numeric"
            min="1"
            [max]="maxNumber"
            step="1"
            [value]="edit().number"
            (input)="setEdit({ number: value($event) })"
            [attr.aria-invalid]="problem('number') ? true : null"
            [attr.aria-describedby]="problem('number') ? 'edit-number-problem' : null"
          />
          <plenum-field-problem id="edit-number-problem" [message]="problem('number')" />
        </div>
        <div class="field">
          <label for="edit-title">{{ text().titleLabel }}</label>
          <input
            id="edit-title"
            [attr.maxlength]="titleMax"
            [value]="edit().title"
            (input)="setEdit({ title: value($event) })"
            [attr.aria-invalid]="problem('title') ? true : null"
            [attr.aria-describedby]="problem('title') ? 'edit-title-problem' : null"
          />
          <plenum-field-problem id="edit-title-problem" [message]="problem('title')" />
        </div>
        <div class="field">
          <label for="edit-starts">{{ text().startsAtLabel }}</label>
          <input
            id="edit-starts"
            type="datetime-local"
            [value]="edit().startsAt"
            (input)="setEdit({ startsAt: value($event) })"
            [attr.aria-invalid]="problem('startsAt') ? true : null"
            [attr.aria-describedby]="problem('startsAt') ? 'edit-starts-hint edit-starts-problem' : 'edit-starts-hint'"
          />
          <p class="hint" id="edit-starts-hint">{{ text().zoneHint(zone()) }}</p>
          <plenum-field-problem id="edit-starts-problem" [message]="problem('startsAt')" />
        </div>
        @if (refusal().general; as general) {
          <p class="refusal" role="alert">{{ text().refused }} {{ general }}</p>
        }
        <div class="dialog-actions">
          <button type="submit" [disabled]="busy()">{{ busy() ? text().working : text().save }}</button>
          <button type="button" class="secondary" (click)="editDialog.close()">{{ text().discard }}</button>
        </div>
      </form>
    </plenum-dialog-frame>

    <plenum-dialog-frame #postponeDialog [heading]="target() ? text().postponeHeading(target()!.number) : ''">
      <form novalidate (submit)="$event.preventDefault(); postpone()">
        @if (target(); as t) {
          <p>{{ text().postponeIntro(when(t.startsAt)) }}</p>
        }
        <div class="field">
          <label for="postpone-starts">{{ text().newStart }}</label>
          <input
            id="postpone-starts"
            type="datetime-local"
            [value]="postponing().startsAt"
            (input)="setPostponing({ startsAt: value($event) })"
            [attr.aria-invalid]="problem('startsAt') ? true : null"
            [attr.aria-describedby]="problem('startsAt') ? 'postpone-starts-hint postpone-starts-problem' : 'postpone-starts-hint'"
          />
          <p class="hint" id="postpone-starts-hint">{{ text().zoneHint(zone()) }}</p>
          <plenum-field-problem id="postpone-starts-problem" [message]="problem('startsAt')" />
        </div>
        <div class="field">
          <label for="postpone-reason">{{ text().postponeReason }}</label>
          <textarea
            id="postpone-reason"
            rows="2"
            [attr.maxlength]="postponeReasonMax"
            [value]="postponing().reason"
            (input)="setPostponing({ reason: value($event) })"
            [attr.aria-invalid]="problem('reason') ? true : null"
            [attr.aria-describedby]="problem('reason') ? 'postpone-reason-hint postpone-reason-problem' : 'postpone-reason-hint'"
          ></textarea>
          <p class="hint" id="postpone-reason-hint">{{ text().postponeReasonHint }}</p>
          <plenum-field-problem id="postpone-reason-problem" [message]="problem('reason')" />
        </div>
        @if (refusal().general; as general) {
          <p class="refusal" role="alert">{{ text().refused }} {{ general }}</p>
        }
        <div class="dialog-actions">
          <button type="submit" data-testid="confirm-postpone" [disabled]="busy()">{{ busy() ? text().working : text().postponeSubmit }}</button>
          <button type="button" class="secondary" (click)="postponeDialog.close()">{{ text().keepSitting }}</button>
        </div>
      </form>
    </plenum-dialog-frame>

    <plenum-dialog-frame #cancelDialog [heading]="target() ? text().cancelHeading(target()!.number) : ''">
      <form novalidate (submit)="$event.preventDefault(); cancelSitting()">
        @if (target(); as t) {
          <p>{{ text().cancelIntro(t.title) }}</p>
        }
        <div class="field">
          <label for="cancel-reason">{{ text().cancelReason }}</label>
          <textarea
            id="cancel-reason"
            rows="3"
            required
            [attr.maxlength]="cancelReasonMax"
            [value]="cancelReason()"
            (input)="setCancelReason(value($event))"
            [attr.aria-invalid]="problem('reason') ? true : null"
            [attr.aria-describedby]="problem('reason') ? 'cancel-reason-hint cancel-reason-problem' : 'cancel-reason-hint'"
          ></textarea>
          <p class="hint" id="cancel-reason-hint">{{ text().cancelReasonHint }}</p>
          <plenum-field-problem id="cancel-reason-problem" [message]="problem('reason')" />
        </div>
        @if (refusal().general; as general) {
          <p class="refusal" role="alert">{{ text().refused }} {{ general }}</p>
        }
        <div class="dialog-actions">
          <button type="submit" class="danger" data-testid="confirm-cancel" [disabled]="busy()">{{ busy() ? text().working : text().cancelSubmit }}</button>
          <button type="button" class="secondary" autofocus (click)="cancelDialog.close()">{{ text().keepSitting }}</button>
        </div>
      </form>
    </plenum-dialog-frame>

    <plenum-dialog-frame #deleteDialog [heading]="target() ? text().deleteHeading(target()!.number) : ''">
      @if (target(); as t) {
        <p>{{ text().deleteIntro(t.title) }}</p>
      }
      @if (refusal().general; as general) {
        <p class="refusal" role="alert">{{ text().refused }} {{ general }}</p>
      }
      <div class="dialog-actions">
        <button type="button" class="danger" data-testid="confirm-delete" [disabled]="busy()" (click)="deleteSitting()">
          {{ busy() ? text().working : text().deleteSubmit }}
        </button>
        <button type="button" class="secondary" autofocus (click)="deleteDialog.close()">{{ text().keepSitting }}</button>
      </div>
    </plenum-dialog-frame>
  `,
  styleUrl: './sittings.css',
})
export class SittingsPage implements OnInit {
  private readonly graphql = inject(GraphqlClient);
  private readonly viewer = inject(ViewerState);
  protected readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(sittingsText);
  private readonly rules = this.translation.catalogue(ruleText);

  protected readonly maxNumber = numberLimits.sittingNumber;
  protected readonly titleMax = maxLengthOf(sittingForm.title);
  protected readonly postponeReasonMax = maxLengthOf(postponeSittingForm.reason);
  protected readonly cancelReasonMax = maxLengthOf(cancelSittingForm.reason);

  private readonly editDialog = viewChild.required<DialogFrame>('editDialog');
  private readonly postponeDialog = viewChild.required<DialogFrame>('postponeDialog');
  private readonly cancelDialog = viewChild.required<DialogFrame>('cancelDialog');
  private readonly deleteDialog = viewChild.required<DialogFrame>('deleteDialog');

  protected readonly data = signal<AdminSittingsResult | null>(null);
  protected readonly loadError = signal<unknown>(null);
  protected readonly busy = signal(false);
  protected readonly announcement = signal('');

  protected readonly mayPlan = computed(() => mayPlanSittings(this.viewer.viewer()?.roles ?? []));
  protected readonly parliamentZone = computed(() => this.data()?.parliament?.timeZone ?? null);
  protected readonly zone = computed(() => this.parliamentZone() ?? browserTimeZone());
  protected readonly zoneNote = computed(() => (this.parliamentZone() ? this.text().zone(this.zone()) : this.text().browserZone(this.zone())));
  protected readonly groupList = computed(() => {
    const groups = sittingGroups(this.data()?.sittings ?? []);
    const t = this.text();
    return [
      { key: 'planned', heading: t.planned, caption: t.plannedCaption, empty: t.noPlanned, sittings: groups.planned },
      { key: 'done', heading: t.done, caption: t.doneCaption, empty: t.noneDone, sittings: groups.done },
    ];
  });

  // The new sitting's form
  protected readonly newSitting = signal<SittingTyped>(blankSitting);
  protected readonly newProblems = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly newRefusal = signal<Refusal>(noRefusal);

  // The sitting a dialog is about, and the dialog's forms
  protected readonly target = signal<Sitting | null>(null);
  protected readonly edit = signal<SittingTyped>(blankSitting);
  protected readonly postponing = signal({ startsAt: '', reason: '' });
  protected readonly cancelReason = signal('');
  protected readonly problems = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly refusal = signal<Refusal>(noRefusal);

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    try {
      const result = await this.graphql.request(adminSittingsQuery, {});
      this.data.set(result);
      this.loadError.set(null);
      if (this.newSitting().number === '') this.newSitting.update((f) => ({ ...f, number: String(nextNumber(result.sittings)) }));
    } catch (error: unknown) {
      this.loadError.set(error);
    }
  }

  protected when(instant: string): string {
    return formatInZone(instant, this.zone(), this.translation.locale());
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected newProblem(field: string): string | null {
    return this.newProblems().get(field) ?? this.newRefusal().fields.get(field) ?? null;
  }

  protected problem(field: string): string | null {
    return this.problems().get(field) ?? this.refusal().fields.get(field) ?? null;
  }

  protected setNew(change: Partial<SittingTyped>): void {
    this.newSitting.update((f) => ({ ...f, ...change }));
    this.newProblems.set(new Map());
    this.newRefusal.set(noRefusal);
  }

  protected setEdit(change: Partial<SittingTyped>): void {
    this.edit.update((f) => ({ ...f, ...change }));
    this.clearProblems();
  }

  protected setPostponing(change: Partial<{ startsAt: string; reason: string }>): void {
    this.postponing.update((f) => ({ ...f, ...change }));
    this.clearProblems();
  }

  protected setCancelReason(reason: string): void {
    this.cancelReason.set(reason);
    this.clearProblems();
  }

  private clearProblems(): void {
    this.problems.set(new Map());
    this.refusal.set(noRefusal);
  }

  async create(): Promise<void> {
    const typed = this.newSitting();
    const problems = sittingProblems(typed, this.zone(), this.translation.language());
    this.newProblems.set(problems);
    this.newRefusal.set(noRefusal);
    if (problems.size > 0) {
      this.focusFirstProblem('new', problems);
      return;
    }
    await this.send(async () => {
      const { createSitting: r } = await this.graphql.request(createSittingMutation, { input: sittingInput(typed, this.zone()) });
      if (r.__typename !== 'MutationCreateSittingSuccess') return this.newRefusal.set(this.refused(r));
      this.newSitting.set({ ...blankSitting, number: String(r.data.number + 1) });
      this.announce(this.text().created(r.data.number));
      await this.load();
    });
  }

  private open(s: Sitting, dialog: DialogFrame): void {
    this.target.set(s);
    this.clearProblems();
    dialog.open();
  }

  openEdit(s: Sitting): void {
    this.edit.set(sittingTypedOf(s, this.zone()));
    this.open(s, this.editDialog());
  }

  openPostpone(s: Sitting): void {
    // From the current start: mostly the day changes, not the hour.
    this.postponing.set({ startsAt: sittingTypedOf(s, this.zone()).startsAt, reason: '' });
    this.open(s, this.postponeDialog());
  }

  openCancel(s: Sitting): void {
    this.cancelReason.set('');
    this.open(s, this.cancelDialog());
  }

  openDelete(s: Sitting): void {
    this.open(s, this.deleteDialog());
  }

  async saveEdit(): Promise<void> {
    const s = this.target();
    if (!s) return;
    const typed = this.edit();
    const problems = sittingProblems(typed, this.zone(), this.translation.language());
    this.problems.set(problems);
    if (problems.size > 0) return this.focusFirstProblem('edit', problems);
    await this.send(async () => {
      const { updateSitting: r } = await this.graphql.request(updateSittingMutation, { id: s.id, input: sittingInput(typed, this.zone()) });
      if (r.__typename !== 'MutationUpdateSittingSuccess') return this.refusal.set(this.refused(r));
      this.editDialog().close();
      this.announce(this.text().updated(r.data.number));
      await this.load();
    });
  }

  async postpone(): Promise<void> {
    const s = this.target();
    if (!s) return;
    const typed = this.postponing();
    const problems = postponeProblems(typed, this.zone(), this.translation.language());
    this.problems.set(problems);
    if (problems.size > 0) return this.focusFirstProblem('postpone', problems);
    await this.send(async () => {
      const { postponeSitting: r } = await this.graphql.request(postponeSittingMutation, { id: s.id, input: postponeInput(typed, this.zone()) });
      if (r.__typename !== 'MutationPostponeSittingSuccess') return this.refusal.set(this.refused(r));
      this.postponeDialog().close();
      this.announce(this.text().postponed(r.data.number, this.when(r.data.startsAt)));
      await this.load();
    });
  }

  async cancelSitting(): Promise<void> {
    const s = this.target();
    if (!s) return;
    const problems = cancelProblems(this.cancelReason(), this.translation.language());
    this.problems.set(problems);
    if (problems.size > 0) return this.focusFirstProblem('cancel', problems);
    await this.send(async () => {
      const { cancelSitting: r } = await this.graphql.request(cancelSittingMutation, { id: s.id, input: { reason: this.cancelReason().trim() } });
      if (r.__typename !== 'MutationCancelSittingSuccess') return this.refusal.set(this.refused(r));
      this.cancelDialog().close();
      this.announce(this.text().cancelled(r.data.number));
      await this.load();
    });
  }

  async deleteSitting(): Promise<void> {
    const s = this.target();
    if (!s) return;
    await this.send(async () => {
      const { deleteSitting: r } = await this.graphql.request(deleteSittingMutation, { id: s.id });
      if (r.__typename !== 'MutationDeleteSittingSuccess') return this.refusal.set(this.refused(r));
      this.deleteDialog().close();
      this.announce(this.text().deleted(s.number));
      await this.load();
    });
  }

  private refused(r: AdminRefusalFragment): Refusal {
    return refusalOf(r, this.rules());
  }

  /** One request at a time; a failure of the request itself (not a refusal) is said in the open dialog or form. */
  private async send(step: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    try {
      await step();
    } catch (error: unknown) {
      const general = error instanceof Error ? error.message : String(error);
      this.refusal.set({ fields: new Map(), general });
      this.newRefusal.set({ fields: new Map(), general });
    } finally {
      this.busy.set(false);
    }
  }

  private announce(message: string): void {
    this.announcement.set(message);
  }

  /** Takes the keyboard to the first field the check found wrong. */
  private focusFirstProblem(form: 'new' | 'edit' | 'postpone' | 'cancel', problems: ReadonlyMap<string, string>): void {
    const ids: Record<string, string> = { number: 'number', title: 'title', startsAt: 'starts', reason: 'reason' };
    const first = [...problems.keys()][0];
    if (!first) return;
    setTimeout(() => document.getElementById(`${form}-${ids[first] ?? first}`)?.focus());
  }
}
