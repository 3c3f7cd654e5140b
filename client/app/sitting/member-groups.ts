import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslationState } from '../i18n/translation-state';
import type { FactionGroup } from './faction-groups';
import { independentColour } from './seat-segments';
import { sittingText } from './sitting-text';

/** Members of parliament by faction, independents last, office holders first within a group. */
@Component({
  selector: 'plenum-member-groups',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (group of groups(); track group.key) {
      <section class="faction-group" [attr.data-group]="group.key" [attr.aria-labelledby]="group.key + '-heading'">
        <h3 [id]="group.key + '-heading'">
          <span class="swatch" [style.background-color]="group.faction?.colour ?? independentColour"></span>
          @if (group.faction; as faction) {
            {{ faction.name }} <span class="short-name">({{ faction.shortName }})</span>
          } @else {
            {{ text().independentMembers }}
          }
        </h3>
        <p class="count">{{ text().memberCount(group.members.length) }}</p>
        <ul class="member-list">
          @for (member of group.members; track member.id) {
            <li class="member">
              <span class="member-name">{{ member.name }}</span>
              @if (member.office) {
                <span class="office">{{ text().office[member.office] }}</span>
              }
            </li>
          }
        </ul>
      </section>
    } @empty {
      <p>{{ text().noMembers }}</p>
    }
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: 1rem 2rem;
    }
    h3 {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      margin: 0;
      font-size: 1rem;
    }
    .swatch {
      width: 0.875rem;
      height: 0.875rem;
      border: 1px solid var(--border);
      border-radius: 0.125rem;
    }
    .short-name {
      color: var(--muted);
      font-weight: 400;
    }
    .count {
      margin: 0 0 0.25rem;
      color: var(--muted);
      font-size: 0.875rem;
    }
    .member-list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .member {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      padding: 0.25rem 0;
      border-top: 1px solid var(--border);
    }
    .office {
      padding: 0 0.375rem;
      border-radius: 0.25rem;
      background: var(--accent-soft);
      color: var(--accent-strong);
      font-size: 0.8125rem;
      font-weight: 600;
    }
  `,
})
export class MemberGroups {
  readonly groups = input.required<readonly FactionGroup[]>();

  protected readonly text = inject(TranslationState).catalogue(sittingText);
  protected readonly independentColour = independentColour;
}
