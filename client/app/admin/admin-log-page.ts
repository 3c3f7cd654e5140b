import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import { ErrorNotice } from '../shared/error-notice';
import { GraphqlClient } from '../shared/graphql-client';
import { adminLogQuery, type AdminLogResult } from './admin.generated';
import { adminText } from './admin-text';

const PAGE = 50;

/** The admin log, newest first, a page at a time, with the chain's verification and the export. */
@Component({
  selector: 'plenum-admin-log-page',
  imports: [ErrorNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ text().logTitle }}</h1>
    <p>{{ text().logIntro }}</p>
    <p>
      <a href="/api/admin-log.json" download data-testid="admin-log-export">{{ text().exportJson }}</a>
    </p>
    @if (error(); as error) {
      <plenum-error-notice [heading]="text().logFailed" [error]="error" />
    }
    @if (log(); as log) {
      <!-- An empty log has nothing to verify: its "head" would be the genesis hash, noise to a reader. -->
      @if (log.adminLogVerification; as v) {
        @if (!v.ok || (v.entries ?? 0) > 0) {
          <p class="verification" [class.broken]="!v.ok" [attr.role]="v.ok ? null : 'alert'" data-testid="admin-log-verification">
            {{ v.ok ? text().logIntact(v.entries ?? 0, v.head ?? '') : text().logBroken(v.brokenAtSeq ?? 0, v.problem ?? '') }}
          </p>
        }
      }
      @if (log.adminLog.length > 0) {
        <div class="table-scroll">
          <table>
            <caption>
              {{
                text().logCaption
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ text().seq }}</th>
                <th scope="col">{{ text().at }}</th>
                <th scope="col">{{ text().who }}</th>
                <th scope="col">{{ text().what }}</th>
                <th scope="col">{{ text().change }}</th>
              </tr>
            </thead>
            <tbody>
              @for (entry of log.adminLog; track entry.seq) {
                <tr data-testid="admin-log-row">
                  <td>
                    <span class="cell-label">{{ text().seq }} </span>{{ entry.seq }}
                  </td>
                  <td>
                    <time [attr.datetime]="entry.at">{{ translation.formatDateTime(entry.at) }}</time>
                  </td>
                  <td>
                    <span class="cell-label">{{ text().who }}: </span>{{ entry.actorUsername }}
                  </td>
                  <td>
                    <code>{{ entry.action }}</code><br />
                    <span class="subject">{{ entry.subject }}</span>
                  </td>
                  <td>
                    <details>
                      <summary>{{ text().before }} → {{ text().after }}</summary>
                      <div class="change">
                        <div>
                          <p class="label">{{ text().before }}</p>
                          <pre>{{ json(entry.before) }}</pre>
                        </div>
                        <div>
                          <p class="label">{{ text().after }}</p>
                          <pre>{{ json(entry.after) }}</pre>
                        </div>
                      </div>
                    </details>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <nav class="pages" [attr.aria-label]="text().logTitle">
          <button type="button" [disabled]="offset() === 0" (click)="go(offset() - page)">{{ text().newer }}</button>
          <span>{{ text().pageOf(offset() + 1, offset() + log.adminLog.length, log.adminLogCount) }}</span>
          <button type="button" [disabled]="!hasOlder()" (click)="go(offset() + page)">{{ text().older }}</button>
        </nav>
      } @else {
        <p>{{ text().logEmpty }}</p>
      }
    } @else if (!error()) {
      <p role="status">{{ text().logLoading }}</p>
    }
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    table {
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
      padding: 0.5rem 0.625rem;
      border-bottom: 1px solid var(--border);
      text-align: left;
      vertical-align: top;
    }
    th {
      font-size: 0.8125rem;
      color: var(--muted);
    }
    .subject {
      color: var(--muted);
      font-size: 0.875rem;
      word-break: break-all;
    }
    .change {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
    }
    .change > div {
      flex: 1 1 16rem;
      min-width: 0;
    }
    .label {
      margin: 0.25rem 0;
      font-weight: 600;
    }
    pre {
      margin: 0;
      max-height: 20rem;
      overflow: auto;
      font-size: 0.8125rem;
    }
    .verification {
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--border);
      word-break: break-all;
    }
    .verification.broken {
      border-left-color: var(--danger);
      background: var(--danger-soft);
    }
    .cell-label {
      display: none;
    }
    /* On a phone each change is a block rather than a table wider than the screen. */
    @media (max-width: 40rem) {
      table,
      caption,
      tbody,
      tr,
      td {
        display: block;
      }
      thead {
        display: none;
      }
      tr {
        padding: 0.5rem 0.625rem;
        border-bottom: 1px solid var(--border);
      }
      td {
        padding: 0.125rem 0;
        border: 0;
      }
      .cell-label {
        display: inline;
        color: var(--muted);
      }
    }
    .pages {
      display: flex;
      align-items: center;
      gap: 1rem;
      margin: 1rem 0;
    }
  `,
})
export class AdminLogPage implements OnInit {
  private readonly graphql = inject(GraphqlClient);
  protected readonly translation = inject(TranslationState);
  protected readonly text = this.translation.catalogue(adminText);
  protected readonly page = PAGE;

  protected readonly log = signal<AdminLogResult | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly offset = signal(0);
  protected readonly hasOlder = computed(() => {
    const log = this.log();
    return log !== null && this.offset() + log.adminLog.length < log.adminLogCount;
  });

  ngOnInit(): void {
    void this.go(0);
  }

  async go(offset: number): Promise<void> {
    this.error.set(null);
    try {
      const log = await this.graphql.request(adminLogQuery, { first: PAGE, offset: Math.max(0, offset) });
      this.offset.set(Math.max(0, offset));
      this.log.set(log);
    } catch (error: unknown) {
      this.error.set(error);
    }
  }

  protected json(value: unknown): string {
    return value === null || value === undefined ? '–' : JSON.stringify(value, null, 2);
  }
}
