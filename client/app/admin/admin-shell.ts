import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslationState } from '../i18n/translation-state';
import { adminText } from './admin-text';

/** The back office's frame: its sections, then the section's page. */
@Component({
  selector: 'plenum-admin-shell',
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back-office">{{ text().backOffice }}</p>
    <nav [attr.aria-label]="text().sections">
      <ul>
        <li>
          <a routerLink="parliament" routerLinkActive="active" ariaCurrentWhenActive="page">{{ text().parliament }}</a>
        </li>
        <li>
          <a routerLink="roster" routerLinkActive="active" ariaCurrentWhenActive="page">{{ text().roster }}</a>
        </li>
        <li>
          <a routerLink="booths" routerLinkActive="active" ariaCurrentWhenActive="page">{{ text().booths }}</a>
        </li>
        <li>
          <a routerLink="log" routerLinkActive="active" ariaCurrentWhenActive="page">{{ text().adminLog }}</a>
        </li>
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
}
