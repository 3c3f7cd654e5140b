import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import { demoPerson, demoProcedure, demoRequest } from '../../testing/demo-procedure';
import { answerByName, procedureAnswer } from '../../testing/procedure-answers';
import { ViewerState } from '../auth/viewer-state';
import { browserLanguages } from '../i18n/translation-state';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlSubscriptions, type LiveConnection } from '../shared/graphql-subscriptions';
import { mediaAvailable } from '../media/media-availability';
import { ChairPage } from './chair-page';

describe('ChairPage', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;

  const keller = { username: 'a.keller', name: 'Anna Keller', roles: ['MEMBER', 'CHAIR'], person: { id: 'a.keller', name: 'Anna Keller', faction: null } };
  const baseDebate = demoProcedure({
    speakerList: {
      agendaItemId: 'sitting-42-item-2',
      closed: false,
      requests: [demoRequest('r1', 'j.brandt', '2026-12-03T09:20:00Z'), demoRequest('r2', 'f.kuhn', '2026-12-03T09:25:00Z')],
    },
    pointsOfOrder: [
      {
        id: 'poo-1',
        person: demoPerson('l.vogel'),
        category: 'close_of_debate',
        text: 'Move to close the debate.',
        raisedAt: '2026-12-03T09:10:00Z',
        heard: false,
      },
    ],
  });

  let debate = baseDebate;

  beforeEach(() => {
    debate = baseDebate;
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
        // No media server in a spec: the own seat says so instead of opening a socket.
        { provide: mediaAvailable, useValue: () => Promise.resolve(false) },
      ],
    });
  });

  async function render(viewer: unknown, answers: Record<string, unknown> = {}): Promise<[ComponentFixture<ChairPage>, HTMLElement]> {
    answerByName(graphql, {
      Viewer: { me: viewer },
      Procedure: procedureAnswer(debate),
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

  it('puts the floor and the events first, the points of order ahead of the speaker list, and preparation in tabs after them', async () => {
    const [, page] = await render(keller);

    const headings = [...page.querySelectorAll('[data-testid="console-essentials"] section > h2')].map((heading) => heading.textContent?.trim());
    expect(headings.slice(0, 4)).toEqual(['Floor', 'Event console', 'Points of order (1)', 'Speaker list (2)']);
    expect(headings).toContain('Your seat');
    expect(page.querySelector('[data-testid="point-of-order"]')?.textContent).toContain('Close of debate');
    const tabs = [...page.querySelectorAll('[role="tab"]')].map((tab) => `${tab.textContent?.trim()} ${tab.getAttribute('aria-selected')}`);
    expect(tabs).toEqual(['Votes true', 'Agenda false', 'Speaking times false', 'Attendance false']);
    expect(page.querySelector<HTMLElement>('#tabpanel-agenda')?.hidden).toBeTrue();
  });

  it('after the sitting is closed, disables every control with the reason instead of refusing it after the click', async () => {
    debate = { ...baseDebate, phase: 'CLOSED' };
    const [, page] = await render(keller);

    expect(page.querySelector('[data-testid="console-locked"]')?.textContent).toContain('The sitting is closed.');
    const essentials = page.querySelector('[data-testid="console-essentials"]')!;
    const live = [...essentials.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLInputElement>('button, select, input')].filter(
      (control) => !control.matches(':disabled'),
    );
    expect(live.map((control) => control.outerHTML)).toEqual([]);
    expect(page.querySelector('[data-testid="floor-panel"] [data-testid="lock-reason"]')?.textContent).toContain('The sitting is closed.');
    expect(page.querySelector('[data-testid="next-speaker"]')?.matches(':disabled')).toBeTrue();
    expect(page.querySelector('[data-testid="close-sitting"]')).toBeNull();
  });

  it('during a break, keeps the speaker list in order but says why nobody can be added to it', async () => {
    debate = { ...baseDebate, phase: 'SUSPENDED' };
    const [, page] = await render(keller);

    expect(page.querySelector('[data-testid="add-speaker"]')?.matches(':disabled')).toBeTrue();
    expect(page.querySelector('[data-testid="add-speaker-blocked"]')?.textContent).toContain('The sitting is suspended.');
    expect(page.querySelector('[data-testid="close-list"]')?.matches(':disabled')).toBeFalse();
  });

  it('before an item is called, says the speaker list belongs to one', async () => {
    debate = { ...baseDebate, currentItem: null };
    const [, page] = await render(keller);

    expect(page.querySelector('[data-testid="add-speaker"]')?.matches(':disabled')).toBeTrue();
    expect(page.querySelector('[data-testid="close-list"]')?.matches(':disabled')).toBeTrue();
    expect(page.querySelector('[data-testid="add-speaker-blocked"]')?.textContent).toContain('Call an agenda item first');
  });

  it('ends a speech only after the chair confirms it', async () => {
    const now = Date.now();
    debate = {
      ...baseDebate,
      pointsOfOrder: [],
      floor: {
        id: 'floor-1',
        requestId: 'r0',
        answer: false,
        person: demoPerson('j.brandt'),
        kind: 'SPEECH',
        startedAt: new Date(now - 60_000).toISOString(),
        limitSeconds: 300,
        elapsedSeconds: 60,
        overrunSeconds: 0,
        interjection: null,
        pendingInterjections: [],
        clockStopped: false,
        warningSeconds: null,
        graceEndsAt: null,
        talkingStick: false,
      },
    };
    const [fixture, page] = await render(keller, { EndFloor: { endFloor: { __typename: 'MutationEndFloorSuccess', data: demoProcedure({ seq: 11 }) } } });
    const ended = () => graphql.request.calls.all().filter((call) => call.args[0].operationName === 'EndFloor').length;

    page.querySelector<HTMLButtonElement>('[data-testid="end-floor"]')?.click();
    await fixture.whenStable();
    const dialog = page.querySelector('[data-testid="floor-panel"] dialog') as HTMLDialogElement;
    expect(dialog.open).toBeTrue();
    expect(dialog.textContent).toContain('Jonas Brandt loses the floor now');
    expect(ended()).toBe(0);

    page.querySelector<HTMLButtonElement>('[data-testid="confirm-end-floor"]')?.click();
    await fixture.whenStable();
    await fixture.whenStable();
    expect(ended()).toBe(1);
  });

  it('lists the point of order first in the event console, then the hands, newest first', async () => {
    const [, page] = await render(keller);

    const entries = [...page.querySelectorAll('[data-testid="event-entry"]')].map(
      (entry) => `${entry.getAttribute('data-kind')} ${entry.querySelector('.who')?.textContent}`,
    );
    expect(entries).toEqual(['point-of-order Leonie Vogel (SDA)', 'hand Finn Kuhn (CVP)', 'hand Jonas Brandt (SDA)']);
  });

  it('sends "Next speaker" and shows a refusal right beside the floor controls', async () => {
    const [fixture, page] = await render(keller, {
      NextSpeaker: {
        nextSpeaker: { __typename: 'RuleViolation', code: 'RULE_VIOLATION', rule: 'floor.point_of_order_first', message: 'Decide the point of order first.' },
      },
    });

    page.querySelector<HTMLButtonElement>('[data-testid="next-speaker"]')?.click();
    await fixture.whenStable();
    await fixture.whenStable();

    expect(graphql.request.calls.mostRecent().args[1]).toEqual({ sittingId: 'sitting-42' });
    const floorPanel = page.querySelector('[aria-labelledby="floor-heading"]');
    expect(floorPanel?.querySelector('[data-testid="command-problem"]')?.textContent).toContain('Decide the point of order first.');
    expect(page.querySelectorAll('[data-testid="command-problem"]').length).toBe(1);
  });

  it('decides a point of order with the chosen decision and note', async () => {
    const [fixture, page] = await render(keller, {
      DecidePointOfOrder: { decidePointOfOrder: { __typename: 'MutationDecidePointOfOrderSuccess', data: demoProcedure({ seq: 11 }) } },
    });
    const select = page.querySelector<HTMLSelectElement>('[data-testid="point-decision"]')!;
    select.value = 'REJECTED';
    select.dispatchEvent(new Event('change'));
    const note = page.querySelector<HTMLInputElement>('[data-testid="point-of-order"] input[name="note"]')!;
    note.value = 'Debate time is not used up.';
    note.dispatchEvent(new Event('input'));
    await fixture.whenStable();

    page.querySelector<HTMLButtonElement>('[data-testid="decide-point"]')?.click();
    await fixture.whenStable();
    await fixture.whenStable();

    const call = graphql.request.calls.all().find((candidate) => candidate.args[0].operationName === 'DecidePointOfOrder');
    expect(call?.args[1]).toEqual({ sittingId: 'sitting-42', pointId: 'poo-1', decision: 'REJECTED', note: 'Debate time is not used up.', voteDraftId: null });
    expect(page.querySelector('[data-testid="point-of-order"]')).toBeNull();
  });

  it('keeps the console from members outside the chair’s team', async () => {
    const [, page] = await render({ ...keller, username: 'j.brandt', name: 'Jonas Brandt', roles: ['MEMBER'] });

    expect(page.querySelector('[data-testid="chair-forbidden"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="next-speaker"]')).toBeNull();
    expect(graphql.request.calls.all().map((call) => call.args[0].operationName)).toEqual(['Viewer']);
  });
});
