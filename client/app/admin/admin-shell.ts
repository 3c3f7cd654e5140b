import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslationState } from '../i18n/translation-state';
import { ViewerState } from '../auth/viewer-state';
import { sectionsFor, type AdminSection } from './admin-guard';
import { adminText } from './admin-text';

/** The back office's frame: the sections this user may use, then the section's page. */
@Component({
  selector: 'plenum-admin-shell',
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back-office">{{ text().backOffice }}</p>
    <nav [attr.aria-label]="text().sections">
      <ul>
        @for (section of sections(); track section) {
          <li>
            <a [routerLink]="section" routerLinkActive="active" ariaCurrentWhenActive="page">{{ label(section) }}</a>
          </li>
        }
      </ul>
    </nav>
    <router-outlet />
  `,
  styles: `
    .back-office {
      margin: 0;
      font-size: 0.8125rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--muted);
    }
    nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0.25rem 0 1rem;
      padding: 0 0 0.5rem;
      list-style: none;
      border-bottom: 1px solid var(--border);
    }
    nav a {
      display: inline-block;
      padding: 0.375rem 0.25rem;
      font-weight: 600;
    }
    nav a.active {
      border-bottom: 3px solid currentColor;
    }
  `,
})
export class AdminShell {
  protected readonly text = inject(TranslationState).catalogue(adminText);
  private readonly viewer = inject(ViewerState);
  /** Only the sections this user may use. */
  protected readonly sections = computed(() => sectionsFor(this.viewer.viewer()?.roles ?? []));

  protected label(section: AdminSection): string {
    const t = this.text();
    return { parliament: t.parliament, roster: t.roster, booths: t.booths, sittings: t.sittings, log: t.adminLog }[section];
  }
}
