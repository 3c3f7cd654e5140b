import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslationState } from '../i18n/translation-state';
import { ErrorNotice } from '../shared/error-notice';
import { SittingState } from './sitting-state';
import { sittingText } from './sitting-text';

/** All sittings by start date, each linking to its overview. */
@Component({
  selector: 'plenum-sitting-list-page',
  imports: [ErrorNotice, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ text().sittings }}</h1>
    @if (state.error(); as error) {
      <plenum-error-notice [heading]="text().loadSittingsFailed" [error]="error" />
    }
    @if (state.sittings(); as sittings) {
      @if (sittings.length > 0) {
        <div class="table-scroll">
          <table class="sittings">
            <caption>
              {{
                text().sittingsCaption
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ text().number }}</th>
                <th scope="col">{{ text().title }}</th>
                <th scope="col">{{ text().starts }}</th>
                <th scope="col">{{ text().state }}</th>
              </tr>
            </thead>
            <tbody>
              @for (sitting of sittings; track sitting.id) {
                <tr data-testid="sitting-row">
                  <td>{{ sitting.number }}</td>
                  <td>
                    <a [routerLink]="['/sittings', sitting.id]">{{ sitting.title }}</a>
                  </td>
                  <td>
                    <time [attr.datetime]="sitting.startsAt">{{ translation.formatDateTime(sitting.startsAt) }}</time>
                  </td>
                  <td>
                    <span class="state" [attr.data-state]="sitting.state">{{ text().sittingState[sitting.state] }}</span>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p>{{ text().noSittings }}</p>
      }
    } @else if (state.loading()) {
      <p role="status">{{ text().loadingSittings }}</p>
    }
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    .sittings {
      width: 100%;
      border-collapse: collapse;
      background: var(--surface);
    }
    caption {
      padding: 0 0 0.5rem;
      color: var(--muted);
      text-align: left;
    }
    th,
    td {
      padding: 0.625rem 0.75rem;
      border-bottom: 1px solid var(--border);
      text-align: left;
      vertical-align: top;
    }
    th {
      font-size: 0.8125rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--muted);
    }
  `,
})
export class SittingListPage implements OnInit {
  protected readonly state = inject(SittingState);

  protected readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(sittingText);

  ngOnInit(): void {
    void this.state.loadSittings();
  }
}
