import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import { demoPerson, demoProcedure } from '../../testing/demo-procedure';
import { answerByName, procedureAnswer } from '../../testing/procedure-answers';
import { ViewerState } from '../auth/viewer-state';
import { browserLanguages } from '../i18n/translation-state';
import type { Procedure } from '../procedure/procedure-state';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlSubscriptions, type LiveConnection } from '../shared/graphql-subscriptions';
import { mediaAvailable } from '../media/media-availability';
import { ChairPage } from './chair-page';

describe('Change the agenda (chair console)', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  const keller = { username: 'a.keller', name: 'Anna Keller', roles: ['MEMBER', 'CHAIR'], person: { id: 'a.keller', name: 'Anna Keller', faction: null } };
  const withDecision = demoProcedure({
    agendaAuthorities: [
      {
        kind: 'POINT_OF_ORDER',
        id: 'poo-7',
        reference: 'Move item 3 before item 2',
        mover: demoPerson('d.peters'),
        category: 'agenda',
        decidedAt: '2026-12-03T09:40:00Z',
        amendedIn: [],
      },
    ],
  });

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    const subscriptions = jasmine.createSpyObj<GraphqlSubscriptions>('GraphqlSubscriptions', ['subscribe'], {
      connection: signal<LiveConnection>('open').asReadonly(),
      reconnected: new Subject<void>().asObservable(),
    });
    subscriptions.subscribe.and.returnValue(new Subject<never>().asObservable());
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: GraphqlClient, useValue: graphql },
        { provide: GraphqlSubscriptions, useValue: subscriptions },
        { provide: browserLanguages, useValue: ['en'] },
        // No media server in a spec: the chair's own seat says so instead of opening a socket.
        { provide: mediaAvailable, useValue: () => Promise.resolve(false) },
      ],
    });
  });

  async function render(procedure: Procedure, answers: Record<string, unknown> = {}): Promise<[ComponentFixture<ChairPage>, HTMLElement]> {
    answerByName(graphql, {
      Viewer: { me: keller },
      Procedure: procedureAnswer(procedure),
      ChairSetup: { sitting: { id: 'sitting-42', voteDrafts: [] }, people: [] },
      ...answers,
    });
    await TestBed.inject(ViewerState).load();
    const fixture = TestBed.createComponent(ChairPage);
    fixture.componentRef.setInput('id', 'sitting-42');
    await fixture.whenStable();
    await fixture.whenStable();
    return [fixture, fixture.nativeElement as HTMLElement];
  }

  async function settle(fixture: ComponentFixture<ChairPage>): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  /** The console has other dialogs (closing the sitting, cancelling a vote): the one open now. */
  function amendDialog(page: HTMLElement): HTMLDialogElement {
    return [...page.querySelectorAll('dialog')].find((dialog) => dialog.open && dialog.querySelector('h2')?.textContent?.trim() === 'Change the agenda')!;
  }

  function choose(page: HTMLElement, testid: string, index: number): void {
    const select = page.querySelector<HTMLSelectElement>(`[data-testid="${testid}"]`)!;
    select.selectedIndex = index;
    select.dispatchEvent(new Event('change'));
  }

  it('says what is missing while no decision allows a change', async () => {
    const [, page] = await render(demoProcedure());
    const button = page.querySelector<HTMLButtonElement>('[data-testid="amend-agenda"]')!;
    expect(button.disabled).toBeTrue();
    const hint = page.querySelector(`#${button.getAttribute('aria-describedby')}`);
    expect(hint?.textContent).toContain('an accepted point of order or a vote that passed');
  });

  it('carries out "move item 3 before item 2" on the accepted point of order, after showing the agenda as it will read', async () => {
    const moved = demoProcedure({ seq: 11 });
    const [fixture, page] = await render(withDecision, {
      AmendAgenda: { amendAgenda: { __typename: 'MutationAmendAgendaSuccess', data: moved } },
    });
    // The agenda is a tab of the preparation area: shown first, as the chair would.
    page.querySelector<HTMLButtonElement>('[data-testid="tab-agenda"]')!.click();
    await settle(fixture);
    page.querySelector<HTMLButtonElement>('[data-testid="amend-agenda"]')!.click();
    await settle(fixture);

    const dialog = amendDialog(page);
    expect(dialog.open).toBeTrue();
    // The decision is chosen already, and has the focus first.
    const authority = page.querySelector<HTMLSelectElement>('[data-testid="amend-authority"]')!;
    expect(authority.selectedOptions[0]?.textContent).toContain('Point of order (David Peters): “Move item 3 before item 2”');
    expect(document.activeElement).toBe(authority);

    // Nothing chosen yet: carrying out says what is missing and sends nothing.
    page.querySelector<HTMLButtonElement>('[data-testid="amend-submit"]')!.click();
    await settle(fixture);
    expect(page.querySelector('[data-testid="amend-problems"]')?.textContent).toContain('Choose the item.');
    expect(graphql.request.calls.all().some((call) => call.args[0].operationName === 'AmendAgenda')).toBeFalse();

    choose(page, 'amend-item', 3); // index 0 is "Choose an item…"
    await settle(fixture);
    choose(page, 'amend-position', 2); // index 0 is "Choose…"
    await settle(fixture);
    const preview = [...page.querySelectorAll('[data-testid="amend-preview"] li')].map((li) =>
      [...li.querySelectorAll('span, strong')].map((part) => part.textContent?.trim()).join(' '),
    );
    expect(preview.slice(0, 3)).toEqual([
      '1 Opening of the sitting, approval of the agenda',
      '2 Question time: energy prices moved',
      '3 Budget Act 2027 – first reading',
    ]);

    page.querySelector<HTMLButtonElement>('[data-testid="amend-submit"]')!.click();
    await settle(fixture);
    const call = graphql.request.calls.all().find((candidate) => candidate.args[0].operationName === 'AmendAgenda');
    expect(call?.args[1]).toEqual({
      sittingId: 'sitting-42',
      change: { kind: 'MOVE', agendaItemId: 'sitting-42-item-3', position: 2 },
      authority: { kind: 'POINT_OF_ORDER', id: 'poo-7' },
    });
    expect(dialog.open).toBeFalse();
  });

  it('keeps the dialog open with the server’s refusal beside the button', async () => {
    const [fixture, page] = await render(withDecision, {
      AmendAgenda: {
        amendAgenda: { __typename: 'RuleViolation', code: 'RULE_VIOLATION', rule: 'agenda.item_dealt_with', message: 'the item has been called; it stays' },
      },
    });
    // The agenda is a tab of the preparation area: shown first, as the chair would.
    page.querySelector<HTMLButtonElement>('[data-testid="tab-agenda"]')!.click();
    await settle(fixture);
    page.querySelector<HTMLButtonElement>('[data-testid="amend-agenda"]')!.click();
    await settle(fixture);
    page.querySelector<HTMLInputElement>('[data-testid="amend-kind-REMOVE"]')!.click();
    await settle(fixture);
    // Item 2 is current: offered, but not to be chosen.
    const options = [...page.querySelectorAll<HTMLOptionElement>('[data-testid="amend-item"] option')];
    expect(options[2]?.disabled).toBeTrue();
    expect(options[2]?.textContent).toContain('stays');
    choose(page, 'amend-item', 5);
    await settle(fixture);
    page.querySelector<HTMLButtonElement>('[data-testid="amend-submit"]')!.click();
    await settle(fixture);

    expect(amendDialog(page)).toBeDefined();
    expect(amendDialog(page).querySelector('[data-testid="command-problem"]')?.textContent).toContain('stays on the agenda');
  });

  it('offers the change beside the points of order while the newest decision is not carried out, and shows the last change', async () => {
    const [fixture, page] = await render(withDecision);
    expect(page.querySelector('[data-testid="amend-prompt"]')?.textContent).toContain('Point of order accepted: “Move item 3 before item 2”');
    page.querySelector<HTMLButtonElement>('[data-testid="amend-prompt-button"]')!.click();
    await settle(fixture);
    expect(amendDialog(page)).toBeDefined();

    const [, done] = await render(
      demoProcedure({
        seq: 12,
        agendaAuthorities: [{ ...withDecision.agendaAuthorities[0]!, amendedIn: [12] }],
        agendaAmendments: [
          {
            seq: 12,
            at: '2026-12-03T09:41:00Z',
            kind: 'MOVE',
            agendaItemId: 'sitting-42-item-3',
            title: 'Question time: energy prices',
            position: 2,
            fromPosition: 3,
            previousTitle: null,
            authorityKind: 'POINT_OF_ORDER',
            authorityId: 'poo-7',
            authorityReference: 'Move item 3 before item 2',
            by: demoPerson('a.keller'),
          },
        ],
      }),
    );
    expect(done.querySelector('[data-testid="amend-prompt"]')).toBeNull();
    expect(done.querySelector('[data-testid="amend-last"]')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'Last change: Item 3 “Question time: energy prices” moved to position 2 (on the point of order “Move item 3 before item 2”)',
    );
    const console = [...done.querySelectorAll('[data-testid="event-entry"][data-kind="agenda"]')].map((entry) => entry.textContent?.replace(/\s+/g, ' '));
    expect(console[0]).toContain('Item 3 “Question time: energy prices” moved to position 2');
    expect(console[0]).toContain('Anna Keller');
  });
});
