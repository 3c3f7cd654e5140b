import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ErrorNotice } from '../shared/error-notice';
import { sittingStateLabels } from './sitting-labels';
import { SittingState } from './sitting-state';

/** All sittings by start date, each linking to its overview. */
@Component({
  selector: 'plenum-sitting-list-page',
  imports: [DatePipe, ErrorNotice, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Sittings</h1>
    @if (state.error(); as error) {
      <plenum-error-notice heading="Could not load the sittings" [error]="error" />
    }
    @if (state.sittings(); as sittings) {
      @if (sittings.length > 0) {
        <div class="table-scroll">
          <table class="sittings">
            <caption>Sittings by start date</caption>
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">Title</th>
                <th scope="col">Starts</th>
                <th scope="col">State</th>
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
                    <time [attr.datetime]="sitting.startsAt">{{ sitting.startsAt | date: 'EEE, d MMM y, HH:mm' }}</time>
                  </td>
                  <td>
                    <span class="state" [attr.data-state]="sitting.state">{{ stateLabels[sitting.state] }}</span>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p>No sittings have been scheduled yet.</p>
      }
    } @else if (state.loading()) {
      <p role="status">Loading the sittings…</p>
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

  protected readonly stateLabels = sittingStateLabels;

  ngOnInit(): void {
    void this.state.loadSittings();
  }
}
