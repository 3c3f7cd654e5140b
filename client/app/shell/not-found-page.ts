import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslationState } from '../i18n/translation-state';
import { shellText } from './shell-text';

/** Any address the app has no page for. */
@Component({
  selector: 'plenum-not-found-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ text().pageNotFound }}</h1>
    <p>
      {{ text().noPageHere }} <a routerLink="/">{{ text().toSittings }}</a>
    </p>
  `,
})
export class NotFoundPage {
  protected readonly text = inject(TranslationState).catalogue(shellText);
}
