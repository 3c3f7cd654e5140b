import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import { demoOverview } from '../../testing/demo-parliament';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlSubscriptions, type LiveConnection } from '../shared/graphql-subscriptions';
import type { SittingEventsResult } from './sitting-events.generated';
import type { SittingOverviewResult } from './sitting-overview.generated';
import { SittingPage } from './sitting-page';

describe('SittingPage', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  let events: Subject<SittingEventsResult>;
  let reconnected: Subject<void>;
  let connection: ReturnType<typeof signal<LiveConnection>>;

  beforeEach(() => {
    events = new Subject<SittingEventsResult>();
    reconnected = new Subject<void>();
    connection = signal<LiveConnection>('closed');
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    const subscriptions = jasmine.createSpyObj<GraphqlSubscriptions>('GraphqlSubscriptions', ['subscribe'], {
      connection: connection.asReadonly(),
      reconnected: reconnected.asObservable(),
    });
    subscriptions.subscribe.and.returnValue(events.asObservable());
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: GraphqlClient, useValue: graphql }, { provide: GraphqlSubscriptions, useValue: subscriptions }],
    });
  });

  /** The demo sitting with its agenda handed over in scrambled order. */
  function scrambled(): SittingOverviewResult {
    const overview = demoOverview();
    if (overview.sitting === null) {
      throw new Error('the demo overview has a sitting');
    }
    const agenda = overview.sitting.agenda;
    const order = [3, 0, 5, 1, 4, 2];
    return { ...overview, sitting: { ...overview.sitting, agenda: order.map((index) => agenda[index]!) } };
  }

  async function render(overview: SittingOverviewResult, id = 'sitting-42'): Promise<[ComponentFixture<SittingPage>, HTMLElement]> {
    graphql.request.and.resolveTo(overview);
    const fixture = TestBed.createComponent(SittingPage);
    fixture.componentRef.setInput('id', id);
    await fixture.whenStable();
    return [fixture, fixture.nativeElement as HTMLElement];
  }

  function texts(root: HTMLElement, selector: string): string[] {
    return [...root.querySelectorAll(selector)].map((element) => element.textContent?.trim() ?? '');
  }

  it('shows the sitting title, number, start and state', async () => {
    const [, page] = await render(scrambled());

    expect(page.querySelector('[data-testid="sitting-title"]')?.textContent?.trim()).toBe('42nd plenary sitting');
    const facts = page.querySelector('.facts')?.textContent ?? '';
    expect(facts).toContain('42');
    expect(facts).toContain('Scheduled');
    expect(page.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-03T09:00:00+01:00');
  });

  it('lists the agenda items in the order of their positions', async () => {
    const [, page] = await render(scrambled());

    const items = [...page.querySelectorAll<HTMLLIElement>('[data-testid="agenda-item"]')];
    expect(items.map((item) => item.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(texts(page, '.agenda-title')).toEqual([
      'Opening of the sitting, approval of the agenda',
      'Budget Act 2027 – first reading',
      'Question time: energy prices',
      'Climate Adaptation Act – second and third reading',
      'Election of a member of the Court of Audit',
      'Any other business',
    ]);
    expect(items[2]?.textContent).toContain('Question time');
    expect(items[2]?.textContent).toContain('Questions to the Minister of Finance.');
  });

  it('draws the seat strip with each faction in its colour and the independents', async () => {
    const [, page] = await render(scrambled());

    const segments = [...page.querySelectorAll<HTMLElement>('.strip .segment')];
    expect(segments.map((segment) => segment.dataset['segment'])).toEqual([
      'faction-sda',
      'faction-cvp',
      'faction-grn',
      'faction-lib',
      'faction-lnk',
      'independent',
    ]);
    expect(segments.map((segment) => segment.style.flexGrow)).toEqual(['14', '12', '9', '7', '6', '1']);
    expect(segments[0]?.style.backgroundColor).toBe('rgb(215, 38, 61)');
    expect(segments[3]?.style.color).toBe('rgb(0, 0, 0)');
    expect(page.querySelector('.strip')?.getAttribute('aria-label')).toContain('Social Democratic Alliance 14');
    expect(page.querySelector('figcaption')?.textContent).toContain('49 seats');
  });

  it('leaves the seat strip out, and shows the rest, while the parliament is not set up', async () => {
    const [, page] = await render({ ...demoOverview(), parliament: null });

    expect(page.querySelector('#seats-heading')).toBeNull();
    expect(page.querySelector('.strip')).toBeNull();
    expect(page.querySelector('#agenda-heading')).not.toBeNull();
  });

  it('groups the members by faction, office holders first, independents last', async () => {
    const [, page] = await render(scrambled());

    const groups = [...page.querySelectorAll<HTMLElement>('.faction-group')];
    expect(groups.map((group) => group.dataset['group'])).toEqual(['faction-sda', 'faction-cvp', 'faction-grn', 'faction-lib', 'faction-lnk', 'independent']);
    expect(groups[0]?.querySelector('h3')?.textContent).toContain('Social Democratic Alliance');
    expect(texts(groups[0]!, '.member').at(0)).toContain('Anna Keller');
    expect(texts(groups[0]!, '.member').at(0)).toContain('President');
    expect(texts(groups[1]!, '.office')).toEqual(['Vice-President']);
    expect(groups[5]?.querySelector('h3')?.textContent).toContain('Independent members');
    expect(texts(groups[5]!, '.member-name')).toEqual(['Leon Noack']);
    expect(page.textContent).not.toContain('Claire Whitfield');
  });

  it('updates the agenda when a sitting event arrives', async () => {
    const overview = scrambled();
    const [fixture, page] = await render(overview);
    const sitting = demoOverview().sitting!;

    events.next({
      sittingEvents: {
        kind: 'agenda.changed',
        sittingId: 'sitting-42',
        at: '2026-12-03T08:05:00.000Z',
        sitting: {
          ...sitting,
          state: 'OPEN',
          agenda: [
            ...sitting.agenda,
            { id: 'added', position: 7, title: 'Motion on procedure', kind: 'VOTE', description: null, debateMinutes: null, documentLinks: [] },
          ],
        },
      },
    });
    await fixture.whenStable();

    expect(texts(page, '.agenda-title').at(-1)).toBe('Motion on procedure');
    expect(page.querySelector('.facts')?.textContent).toContain('Open');
    expect(page.querySelector('.live')?.textContent).toContain('agenda.changed');
  });

  it('says so when there is no such sitting', async () => {
    const [, page] = await render({ ...demoOverview(), sitting: null }, 'sitting-404');

    expect(page.querySelector('h1')?.textContent).toBe('Sitting not found');
    expect(page.textContent).toContain('sitting-404');
    expect(page.querySelector('[data-testid="sitting-title"]')).toBeNull();
  });
});
