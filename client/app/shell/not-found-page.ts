import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Any address the app has no page for. */
@Component({
  selector: 'plenum-not-found-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Page not found</h1>
    <p>There is no page at this address. <a routerLink="/">Go to the list of sittings.</a></p>
  `,
})
export class NotFoundPage {}
