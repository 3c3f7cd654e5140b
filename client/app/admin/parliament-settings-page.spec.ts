import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { GraphqlClient } from '../shared/graphql-client';
import { TranslationState } from '../i18n/translation-state';
import { ParliamentSettingsPage } from './parliament-settings-page';
import type { ParliamentSettingsFieldsFragment, ParliamentSettingsResult, UpdateParliamentSettingsResult } from './admin.generated';

const council = {
  preset: 'municipal-council-nrw',
  name: 'Gemeinderat (NRW)',
  speech: { limits: { speech: 600, interjection: null, short_intervention: 120 } },
  quorum: { fraction: 0.5 },
};
const bundestag = {
  preset: 'bundestag-2025',
  name: 'Deutscher Bundestag (BTGO 2025)',
  speech: { limits: { speech: null, interjection: null, short_intervention: 120 } },
  quorum: { fraction: 0.5 },
};

const settings: ParliamentSettingsFieldsFragment = {
  name: 'Gemeinderat Beispielstadt',
  shortName: 'GR',
  statutoryMembers: 41,
  termName: null,
  termStartsOn: null,
  termEndsOn: null,
  floorLanguage: 'de',
  timeZone: 'Europe/Berlin',
  rulebookPreset: 'municipal-council-nrw',
  rulebookOverrides: { quorum: { fraction: 0.4 }, votes: { tie: 'fails' } },
  presetRulebook: council,
  effectiveRulebook: council,
};

const loaded: ParliamentSettingsResult = {
  parliamentSettings: settings,
  rulebookPresets: [
    { id: 'bundestag-2025', name: bundestag.name, rulebook: bundestag },
    { id: 'municipal-council-nrw', name: council.name, rulebook: council },
  ],
};

describe('ParliamentSettingsPage', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: GraphqlClient, useValue: graphql }] });
    TestBed.inject(TranslationState).setLanguage('en');
  });

  async function render(result: ParliamentSettingsResult = loaded) {
    graphql.request.and.resolveTo(result);
    const fixture = TestBed.createComponent(ParliamentSettingsPage);
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
    return { fixture, page: fixture.nativeElement as HTMLElement };
  }

  it("shows the preset's values beside the overrides and the contract's length limits", async () => {
    const { page } = await render();
    expect((page.querySelector('#name') as HTMLInputElement).value).toBe('Gemeinderat Beispielstadt');
    expect(page.querySelector('#name')?.getAttribute('maxlength')).toBe('200');
    const speech = page.querySelector('[data-rule="speech.limits.speech"]');
    expect(speech?.querySelector('.preset-value')?.textContent?.trim()).toBe('600');
    const quorum = page.querySelector('[data-rule="quorum.fraction"]');
    expect(quorum?.querySelector('.preset-value')?.textContent?.trim()).toBe('0.5');
    expect((quorum?.querySelector('input') as HTMLInputElement).value).toBe('0.4');
    expect(page.textContent).toContain('Further overrides');
  });

  it('sends the settings with every override kept, and names the fields the server refused', async () => {
    const { fixture, page } = await render();
    const refusal: UpdateParliamentSettingsResult = {
      updateParliamentSettings: {
        __typename: 'InputError',
        code: 'INVALID_INPUT',
        message: 'refused',
        issues: [
          { path: ['input', 'timeZone'], message: 'must be an IANA time zone such as Europe/Berlin' },
          { path: ['input', 'rulebookOverrides', 'quorum', 'fraction'], message: 'must be at most 1' },
        ],
      },
    };
    graphql.request.and.resolveTo(refusal);
    (page.querySelector('[data-testid="save-settings"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();

    const [, variables] = graphql.request.calls.mostRecent().args as [unknown, { input: Record<string, unknown> }];
    expect(variables.input).toEqual(
      jasmine.objectContaining({
        name: 'Gemeinderat Beispielstadt',
        statutoryMembers: 41,
        rulebookOverrides: { quorum: { fraction: 0.4 }, votes: { tie: 'fails' } },
      }),
    );
    expect(page.querySelector('[data-testid="settings-problems"]')?.textContent).toContain('timeZone: must be an IANA time zone');
    const quorum = page.querySelector('[data-rule="quorum.fraction"]');
    expect(quorum?.textContent).toContain('must be at most 1');
    expect(quorum?.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers to set up a parliament that does not exist yet', async () => {
    const { page } = await render({ ...loaded, parliamentSettings: null });
    expect(page.querySelector('[data-testid="not-set-up"]')).not.toBeNull();
    expect((page.querySelector('#timeZone') as HTMLSelectElement).value).toBe('Europe/Berlin');
  });

  it('checks the fields by the server rules before sending, and says what is wrong in the reader language', async () => {
    const { fixture, page } = await render();
    const set = (selector: string, value: string) => {
      const input = page.querySelector(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    set('#name', '   ');
    set('#statutoryMembers', '0');
    set('#floorLanguage', 'deutsch!');
    fixture.detectChanges();
    graphql.request.calls.reset();
    (page.querySelector('[data-testid="save-settings"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(graphql.request).not.toHaveBeenCalled();
    expect(page.querySelector('#name-problem')?.textContent).toBe('Required.');
    expect(page.querySelector('#statutoryMembers-problem')?.textContent).toBe('At least 1.');
    expect(page.querySelector('#floorLanguage')?.getAttribute('aria-invalid')).toBe('true');
  });
});
