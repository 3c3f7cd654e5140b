import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { protocolUrls } from '../../testing/demo-parliament';
import { ViewerState, type Viewer } from '../auth/viewer-state';
import { browserLanguages, languageStorage, TranslationState } from '../i18n/translation-state';
import { ProtocolLinks } from './protocol-links';

describe('ProtocolLinks', () => {
  let viewer: ReturnType<typeof signal<Viewer | null>>;

  beforeEach(() => {
    viewer = signal<Viewer | null>(null);
    TestBed.configureTestingModule({
      providers: [
        { provide: ViewerState, useValue: jasmine.createSpyObj<ViewerState>('ViewerState', [], { viewer: viewer.asReadonly() }) },
        { provide: languageStorage, useValue: null },
        { provide: browserLanguages, useValue: ['en'] },
      ],
    });
  });

  async function render(): Promise<[ComponentFixture<ProtocolLinks>, HTMLElement]> {
    const fixture = TestBed.createComponent(ProtocolLinks);
    fixture.componentRef.setInput('sitting', protocolUrls('sitting-42'));
    await fixture.whenStable();
    return [fixture, fixture.nativeElement as HTMLElement];
  }

  it('shows nothing to a visitor who is not signed in', async () => {
    const [, root] = await render();

    expect(root.querySelector('a')).toBeNull();
  });

  it('links the PDF in the interface language and the JSON, labelled in that language', async () => {
    viewer.set({} as Viewer);
    const [fixture, root] = await render();
    const pdf = () => root.querySelector<HTMLAnchorElement>('[data-testid="protocol-pdf"]')!;
    const json = () => root.querySelector<HTMLAnchorElement>('[data-testid="protocol-json"]')!;

    expect(pdf().getAttribute('href')).toBe('/api/sittings/sitting-42/protocol.pdf?lang=en');
    // The PDF opens in a new tab, and says so to screen readers.
    expect(pdf().textContent?.trim()).toBe('Protocol (PDF) (opens in a new tab)');
    expect(pdf().getAttribute('target')).toBe('_blank');
    expect(json().getAttribute('href')).toBe('/api/sittings/sitting-42/protocol.json');

    TestBed.inject(TranslationState).setLanguage('de');
    await fixture.whenStable();
    expect(pdf().getAttribute('href')).toBe('/api/sittings/sitting-42/protocol.pdf?lang=de');
    expect(pdf().textContent?.trim()).toBe('Protokoll (PDF) (öffnet in einem neuen Tab)');
    expect(json().textContent?.trim()).toBe('Protokoll (JSON)');
  });
});
