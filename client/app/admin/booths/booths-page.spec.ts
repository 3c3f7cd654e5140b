import { TestBed } from '@angular/core/testing';
import { GraphqlClient } from '../../shared/graphql-client';
import { languageStorage } from '../../i18n/translation-state';
import { BoothsPage } from './booths-page';
import type { BoothsAdminResult } from './booths.generated';

const owen = { id: 'p1', name: 'Owen Price', roles: ['INTERPRETER' as const], booth: { id: 'en', name: 'English' } };
const camille = { id: 'p2', name: 'Camille Dubois', roles: ['INTERPRETER' as const], booth: { id: 'fr', name: 'Français' } };
const nina = { id: 'p3', name: 'Nina Eu', roles: ['INTERPRETER' as const], booth: null };
const data: BoothsAdminResult = {
  booths: [
    { id: 'fr', language: 'fr', name: 'Français', kind: 'SPOKEN', interpreters: [camille] },
    { id: 'en', language: 'en', name: 'English', kind: 'SPOKEN', interpreters: [owen] },
  ],
  assignableInterpreters: [owen, camille, nina],
  parliamentSettings: { floorLanguage: 'de' },
};

describe('BoothsPage', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    const stored: Record<string, string> = { 'plenum.language': 'en' };
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: languageStorage, useValue: { getItem: (k: string) => stored[k] ?? null, setItem: (k: string, v: string) => (stored[k] = v) } },
      ],
    });
  });

  async function open(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(BoothsPage);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }
  const settle = async () => {
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
  };

  it('lists the booths, spoken by name, with their interpreters and the floor language', async () => {
    graphql.request.and.resolveTo(data);
    const page = await open();
    expect([...page.querySelectorAll('[data-booth]')].map((b) => b.getAttribute('data-booth'))).toEqual(['en', 'fr']);
    expect(page.querySelector('[data-booth="en"] [data-testid="interpreter"]')?.textContent).toContain('Owen Price');
    expect(page.querySelector('[data-testid="floor-language"]')?.textContent).toContain('de (German)');
    // The one not in a booth first, then who would move.
    const options = [...page.querySelectorAll<HTMLOptionElement>('#add-en option')].map((o) => o.textContent?.trim());
    expect(options).toEqual(['Choose …', 'Nina Eu', 'Camille Dubois — now in Français, moves here']);
  });

  it('checks a new booth in the browser with the server’s rules and sends nothing wrong', async () => {
    graphql.request.and.resolveTo(data);
    const page = await open();
    const language = page.querySelector<HTMLInputElement>('#new-booth-language')!;
    language.value = 'english';
    language.dispatchEvent(new Event('input'));
    page.querySelector<HTMLFormElement>('.new-booth form')!.dispatchEvent(new Event('submit'));
    await settle();
    expect(page.querySelector('#new-booth-language-problem')?.textContent).toContain('A language tag such as de, en or de-CH.');
    expect(page.querySelector('#new-booth-name-problem')?.textContent).toContain('Required.');
    expect(language.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(language);
    expect(graphql.request).toHaveBeenCalledTimes(1);
  });

  it('creates a booth and says so where the form is; a rule’s refusal is said in words', async () => {
    graphql.request.and.returnValues(
      Promise.resolve(data),
      Promise.resolve({ createBooth: { __typename: 'RuleViolation', code: 'RULE_VIOLATION', message: 'x', rule: 'booth.floor_language' } }),
      Promise.resolve({
        createBooth: { __typename: 'MutationCreateBoothSuccess', data: { id: 'it', language: 'it', name: 'Italiano', kind: 'SPOKEN', interpreters: [] } },
      }),
      Promise.resolve({ ...data, booths: [...data.booths, { id: 'it', language: 'it', name: 'Italiano', kind: 'SPOKEN', interpreters: [] }] }),
    );
    const page = await open();
    const type = (id: string, value: string) => {
      const input = page.querySelector<HTMLInputElement>(id)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('#new-booth-language', 'de');
    type('#new-booth-name', 'Deutsch');
    page.querySelector<HTMLFormElement>('.new-booth form')!.dispatchEvent(new Event('submit'));
    await settle();
    // A rule about the language is shown at the language.
    expect(page.querySelector('#new-booth-language-problem')?.textContent).toContain('This is the floor language');
    expect(page.querySelector('.new-booth [data-testid="message-refusal"]')?.textContent).toContain('correct the marked fields');
    expect(page.querySelector('[data-testid="refusal"]')?.textContent).toContain('correct the marked fields');
    expect(document.activeElement?.id).toBe('new-booth-language');

    type('#new-booth-language', ' it ');
    type('#new-booth-name', 'Italiano');
    page.querySelector<HTMLFormElement>('.new-booth form')!.dispatchEvent(new Event('submit'));
    await settle();
    expect(graphql.request.calls.argsFor(2)[1]).toEqual({ input: { language: 'it', name: 'Italiano', kind: 'SPOKEN' } });
    expect(page.querySelector('.new-booth [data-testid="message-status"]')?.textContent).toContain('Booth Italiano created.');
    expect(page.querySelector('[data-testid="status"]')?.textContent).toContain('Booth Italiano created.');
    expect(page.querySelector<HTMLInputElement>('#new-booth-language')!.value).toBe('');
    expect(page.querySelector('[data-booth="it"]')).not.toBeNull();
  });

  it('changes only what was changed', async () => {
    graphql.request.and.returnValues(
      Promise.resolve(data),
      Promise.resolve({ updateBooth: { __typename: 'MutationUpdateBoothSuccess', data: { ...data.booths[1]!, name: 'Englisch' } } }),
      Promise.resolve(data),
    );
    const page = await open();
    page.querySelector<HTMLButtonElement>('#edit-en')!.click();
    await settle();
    const name = page.querySelector<HTMLInputElement>('#edit-en-name')!;
    expect(name.value).toBe('English');
    name.value = 'Englisch';
    name.dispatchEvent(new Event('input'));
    page.querySelector<HTMLFormElement>('[data-booth="en"] form')!.dispatchEvent(new Event('submit'));
    await settle();
    expect(graphql.request.calls.argsFor(1)[1]).toEqual({ id: 'en', input: { name: 'Englisch' } });
  });

  it('removes a booth only after a confirmation, and says why when refused', async () => {
    graphql.request.and.returnValues(
      Promise.resolve(data),
      Promise.resolve({ removeBooth: { __typename: 'RuleViolation', code: 'RULE_VIOLATION', message: 'x', rule: 'booth.has_interpreters' } }),
    );
    const page = await open();
    page.querySelector<HTMLButtonElement>('#remove-fr')!.click();
    await settle();
    expect(graphql.request).toHaveBeenCalledTimes(1);
    expect(page.querySelector('#remove-fr')?.getAttribute('aria-expanded')).toBe('true');
    page.querySelector<HTMLButtonElement>('[data-testid="confirm-remove"]')!.click();
    await settle();
    expect(graphql.request.calls.argsFor(1)[1]).toEqual({ id: 'fr' });
    expect(page.querySelector('[data-booth="fr"] [data-testid="message-refusal"]')?.textContent).toContain('take them off first');
  });

  it('adds an interpreter and takes one off', async () => {
    graphql.request.and.returnValues(
      Promise.resolve(data),
      Promise.resolve({ assignInterpreter: { __typename: 'MutationAssignInterpreterSuccess', data: { ...nina, booth: { id: 'en', name: 'English' } } } }),
      Promise.resolve(data),
      Promise.resolve({ assignInterpreter: { __typename: 'MutationAssignInterpreterSuccess', data: { ...owen, booth: null } } }),
      Promise.resolve(data),
    );
    const page = await open();
    const add = page.querySelector<HTMLButtonElement>('[data-booth="en"] form.add button')!;
    expect(add.disabled).toBeTrue();
    const select = page.querySelector<HTMLSelectElement>('#add-en')!;
    select.value = 'p3';
    select.dispatchEvent(new Event('change'));
    await settle();
    page.querySelector<HTMLFormElement>('[data-booth="en"] form.add')!.dispatchEvent(new Event('submit'));
    await settle();
    expect(graphql.request.calls.argsFor(1)[1]).toEqual({ personId: 'p3', boothId: 'en' });
    expect(page.querySelector('[data-booth="en"] [data-testid="message-status"]')?.textContent).toContain('Nina Eu is now in booth English.');

    page.querySelector<HTMLButtonElement>('[data-booth="en"] [data-testid="interpreter"] button')!.click();
    await settle();
    expect(graphql.request.calls.argsFor(3)[1]).toEqual({ personId: 'p1', boothId: null });
    expect(page.querySelector('[data-testid="status"]')?.textContent).toContain('Owen Price was taken off booth English.');
  });

  it('works on an empty parliament: no booths, nobody to assign', async () => {
    graphql.request.and.resolveTo({ booths: [], assignableInterpreters: [], parliamentSettings: null });
    const page = await open();
    expect(page.querySelector('[data-testid="no-booths"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="floor-language"]')?.textContent).toContain('de (German)');
    expect(page.querySelector('#new-booth-language')).not.toBeNull();
  });
});
