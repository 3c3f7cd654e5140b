import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ViewerState } from '../auth/viewer-state';
import { TranslationState } from '../i18n/translation-state';
import type { SittingProtocolFragment } from './sitting-overview.generated';
import { sittingText } from './sitting-text';

/**
 * Links to the sitting's protocol, for signed-in users (the server serves it to nobody else): the
 * PDF in the interface language (in a new tab, so the console stays), and the JSON.
 */
@Component({
  selector: 'plenum-protocol-links',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (signedIn()) {
      <nav class="protocol-links" [attr.aria-label]="text().protocol">
        <a data-testid="protocol-pdf" [href]="pdfUrl()" [attr.hreflang]="translation.language()" target="_blank" rel="noopener"
          >{{ text().protocolPdf }} <span class="visually-hidden">{{ text().opensInNewTab }}</span></a
        >
        <a data-testid="protocol-json" [href]="sitting().protocolJsonUrl">{{ text().protocolJson }}</a>
      </nav>
    }
  `,
  styles: `
    .protocol-links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin-top: 0.5rem;
    }
  `,
})
export class ProtocolLinks {
  protected readonly translation = inject(TranslationState);
  private readonly viewer = inject(ViewerState);

  readonly sitting = input.required<SittingProtocolFragment>();

  protected readonly text = this.translation.catalogue(sittingText);
  protected readonly signedIn = computed(() => this.viewer.viewer() !== null);
  protected readonly pdfUrl = computed(() => (this.translation.language() === 'de' ? this.sitting().protocolPdfDe : this.sitting().protocolPdfEn));
}
