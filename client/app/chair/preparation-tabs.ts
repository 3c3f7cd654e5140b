import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { AgendaControls } from './agenda-controls';
import { AttendancePanel } from './attendance-panel';
import { ChairState } from './chair-state';
import { consoleText } from './console-text';
import { LockFrame } from './lock-frame';
import { preparationTabs, tabAfterKey, type PreparationTab } from './preparation-tab';
import { SpeakingTimes } from './speaking-times';
import { VotePreparation } from './vote-preparation';

/**
 * What the chair prepares rather than runs: vote drafts, the agenda, speaking times, attendance;
 * in tabs below the essentials (the WAI-ARIA tabs pattern: arrow keys move between tabs, one tab
 * stop). Hidden panels stay rendered, so a half-filled draft survives a look at the agenda.
 */
@Component({
  selector: 'plenum-preparation-tabs',
  imports: [AgendaControls, AttendancePanel, LockFrame, SpeakingTimes, VotePreparation],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tabs" role="tablist" [attr.aria-label]="text().preparation" (keydown)="moveByKey($event)">
      @for (tab of tabs; track tab) {
        <button
          type="button"
          role="tab"
          [id]="'tab-' + tab"
          [attr.data-testid]="'tab-' + tab"
          [attr.aria-selected]="selected() === tab"
          [attr.aria-controls]="'tabpanel-' + tab"
          [attr.tabindex]="selected() === tab ? 0 : -1"
          (click)="select(tab)"
        >
          {{ labels()[tab] }}
        </button>
      }
    </div>
    <div class="tabpanel" role="tabpanel" id="tabpanel-votes" aria-labelledby="tab-votes" [hidden]="selected() !== 'votes'">
      <plenum-lock-frame [phase]="phase()" needs="notClosed"><plenum-vote-preparation /></plenum-lock-frame>
    </div>
    <div class="tabpanel" role="tabpanel" id="tabpanel-agenda" aria-labelledby="tab-agenda" [hidden]="selected() !== 'agenda'">
      <plenum-lock-frame [phase]="phase()" needs="notClosed"><plenum-agenda-controls /></plenum-lock-frame>
    </div>
    <div class="tabpanel" role="tabpanel" id="tabpanel-times" aria-labelledby="tab-times" [hidden]="selected() !== 'times'">
      <plenum-speaking-times />
    </div>
    <div class="tabpanel" role="tabpanel" id="tabpanel-attendance" aria-labelledby="tab-attendance" [hidden]="selected() !== 'attendance'">
      <plenum-lock-frame [phase]="phase()" needs="notClosed"><plenum-attendance-panel /></plenum-lock-frame>
    </div>
  `,
  styles: `
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 2px solid var(--accent);
    }
    [role='tab'] {
      border: 1px solid var(--border);
      border-bottom: 0;
      border-radius: 0.375rem 0.375rem 0 0;
      background: var(--background);
      color: var(--text);
    }
    [role='tab'][aria-selected='true'] {
      background: var(--accent);
      border-color: var(--accent);
      color: #ffffff;
    }
    .tabpanel {
      padding-top: 1rem;
    }
  `,
})
export class PreparationTabs {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly state = inject(ChairState);
  protected readonly text = inject(TranslationState).catalogue(consoleText);

  protected readonly tabs = preparationTabs;
  protected readonly selected = signal<PreparationTab>('votes');
  protected readonly phase = computed(() => this.state.procedure.procedure()?.phase);
  protected readonly labels = computed<Record<PreparationTab, string>>(() => {
    const text = this.text();
    return { votes: text.tabVotes, agenda: text.tabAgenda, times: text.tabTimes, attendance: text.tabAttendance };
  });

  protected select(tab: PreparationTab): void {
    this.selected.set(tab);
  }

  protected moveByKey(event: KeyboardEvent): void {
    const tab = tabAfterKey(this.selected(), event.key);
    if (tab === null) {
      return;
    }
    event.preventDefault();
    this.selected.set(tab);
    this.host.nativeElement.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }
}
