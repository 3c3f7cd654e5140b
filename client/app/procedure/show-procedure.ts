import { effect, inject, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { ProcedureState } from './procedure-state';

export interface ShowProcedureOptions {
  /** While false, nothing is loaded or followed (e.g. for someone who may not see the page). */
  readonly active?: () => boolean;
  /** What else the page loads for the sitting, after the procedure is asked for. */
  readonly alsoLoad?: (sittingId: string) => void;
}

/**
 * What the chair console and the member view do for their route's sitting: load its procedure and
 * follow the updates for as long as the page shows that sitting, and title the page
 * `heading · sitting title · Plenum`. Call it in the page's constructor.
 */
export function showProcedure(sittingId: () => string, heading: () => string, { active = () => true, alsoLoad }: ShowProcedureOptions = {}): void {
  const procedureState = inject(ProcedureState);
  const title = inject(Title);
  effect((onCleanup) => {
    const id = sittingId();
    if (active()) {
      untracked(() => {
        void procedureState.load(id);
        alsoLoad?.(id);
        onCleanup(procedureState.follow(id));
      });
    }
  });
  effect(() => {
    const sitting = procedureState.frame()?.title;
    title.setTitle(`${heading()}${sitting ? ` · ${sitting}` : ''} · Plenum`);
  });
}
