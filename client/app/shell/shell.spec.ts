import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { isPublicUrl } from '../app-routes';
import { GraphqlClient } from '../shared/graphql-client';
import type { GraphqlOperation } from '../shared/graphql-operation';
import { Shell, isFrontDoor } from './shell';

@Component({ selector: 'plenum-public-stub', template: '<p data-testid="public-page">Anyone may watch</p>' })
class PublicStub {}

@Component({ selector: 'plenum-private-stub', template: '<p data-testid="private-page">Members only</p>' })
class PrivateStub {}

describe('Shell', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'watch/:id', component: PublicStub },
          { path: 'sittings/:id', component: PrivateStub },
        ]),
        { provide: GraphqlClient, useValue: graphql },
      ],
    });
  });

  function answer(answers: Record<string, unknown>): void {
    graphql.request.and.callFake(async (operation: GraphqlOperation<unknown, unknown>) => {
      if (!(operation.operationName in answers)) {
        throw new Error(`unexpected ${operation.operationName}`);
      }
      return answers[operation.operationName] as never;
    });
  }

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the sign-in page when nobody is signed in', async () => {
    // At the front door (/) the public list of sittings and whose they are come with it, besides the sign-in check.
    answer({
      Viewer: { me: null },
      FrontSittings: { publicSittings: [] },
      Parliament: { parliament: { name: 'Gemeinderat Beispielstadt', shortName: 'GR', timeZone: 'Europe/Berlin' } },
    });
    const page = await render();

    expect(page.querySelector('[data-testid="sign-in"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="viewer-name"]')).toBeNull();
    expect(page.querySelector('[data-testid="front-page"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="parliament-name"]')?.textContent).toBe('Gemeinderat Beispielstadt');
    expect(graphql.request).toHaveBeenCalledTimes(3);
  });

  it('shows the sign-in card, not the public list, at a members’ page to someone not signed in', async () => {
    answer({ Viewer: { me: null } });
    const fixture = TestBed.createComponent(Shell);
    await TestBed.inject(Router).navigateByUrl('/sittings/sitting-42');
    await fixture.whenStable();
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[data-testid="sign-in"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="front-page"]')).toBeNull();
    expect(graphql.request).toHaveBeenCalledTimes(1);
  });

  it('knows the front door by its address', () => {
    expect(isFrontDoor('')).toBeTrue();
    expect(isFrontDoor('/')).toBeTrue();
    expect(isFrontDoor('/?lang=en')).toBeTrue();
    expect(isFrontDoor('/sittings/sitting-42')).toBeFalse();
    expect(isFrontDoor('/watch/sitting-42')).toBeFalse();
  });

  it('shows the parliament, the viewer with roles and faction, and a sign-out button (a POST form) when signed in', async () => {
    answer({
      Viewer: {
        me: {
          username: 'c.sommer',
          name: 'Clara Sommer',
          roles: ['MEMBER', 'CHAIR'],
          person: { id: 'p2', name: 'Clara Sommer', faction: { shortName: 'CVP', colour: '#2b2d42' } },
        },
      },
      Parliament: { parliament: { name: 'Landtag of Nordmark' } },
    });
    const page = await render();

    expect(page.querySelector('[data-testid="viewer-name"]')?.textContent).toBe('Clara Sommer');
    expect(page.querySelector('.brand')?.textContent).toBe('Landtag of Nordmark');
    expect(page.querySelector('.viewer-roles')?.textContent).toBe('Member, Chair');
    expect(page.querySelector('.faction-badge')?.textContent?.trim()).toBe('CVP');
    const signOut = page.querySelector<HTMLFormElement>('form.sign-out-form');
    expect(signOut?.getAttribute('method')).toBe('post');
    expect(signOut?.getAttribute('action')).toBe('/auth/logout');
    expect(signOut?.querySelector('button.sign-out')?.textContent?.trim()).toBeTruthy();
    expect(page.querySelector('[data-testid="sign-in"]')).toBeNull();
  });

  it('shows Plenum and no error to parliament IT signed in to an empty parliament (not set up yet)', async () => {
    answer({
      Viewer: { me: { username: 'it.admin', name: 'Parliament IT', roles: ['IT_ADMIN'], person: null } },
      Parliament: { parliament: null },
    });
    const page = await render();

    expect(page.querySelector('[data-testid="viewer-name"]')?.textContent).toBe('Parliament IT');
    expect(page.querySelector('.brand')?.textContent).toBe('Plenum');
    expect(page.querySelector('plenum-error-notice')).toBeNull();
  });

  it('links the back office for parliament IT, and for clerks and the chair (their sittings and agendas)', async () => {
    answer({
      Viewer: { me: { username: 'it.admin', name: 'Parliament IT', roles: ['IT_ADMIN'], person: null } },
      Parliament: { parliament: { name: 'Landtag of Nordmark' } },
    });
    const page = await render();
    expect(page.querySelector('[data-testid="back-office-link"]')?.getAttribute('href')).toBe('/admin');
  });

  it('links the back office for the chair, who keeps the agendas', async () => {
    answer({
      Viewer: { me: { username: 'c.sommer', name: 'Clara Sommer', roles: ['MEMBER', 'CHAIR'], person: null } },
      Parliament: { parliament: { name: 'Landtag of Nordmark' } },
    });
    const page = await render();
    expect(page.querySelector('[data-testid="viewer-name"]')?.textContent).toBe('Clara Sommer');
    expect(page.querySelector('[data-testid="back-office-link"]')?.getAttribute('href')).toBe('/admin');
  });

  it('shows no back-office link to a member', async () => {
    answer({
      Viewer: { me: { username: 'j.brandt', name: 'Jonas Brandt', roles: ['MEMBER'], person: null } },
      Parliament: { parliament: { name: 'Landtag of Nordmark' } },
    });
    const page = await render();
    expect(page.querySelector('[data-testid="viewer-name"]')?.textContent).toBe('Jonas Brandt');
    expect(page.querySelector('[data-testid="back-office-link"]')).toBeNull();
  });

  it('shows the public viewer to anyone without asking who is there, and asks on the first page that needs it', async () => {
    answer({ Viewer: { me: null } });
    const fixture = TestBed.createComponent(Shell);
    await TestBed.inject(Router).navigateByUrl('/watch/sitting-42');
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[data-testid="public-page"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="sign-in"]')).toBeNull();
    expect(graphql.request).not.toHaveBeenCalled();

    await TestBed.inject(Router).navigateByUrl('/sittings/sitting-42');
    await fixture.whenStable();
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="sign-in"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="private-page"]')).toBeNull();
    expect(graphql.request).toHaveBeenCalledTimes(1);
  });

  it('knows the pages open to everyone by their address', () => {
    expect(isPublicUrl('/watch/sitting-42')).toBeTrue();
    expect(isPublicUrl('watch/sitting-42?lang=de#player')).toBeTrue();
    expect(isPublicUrl('/watch')).toBeTrue();
    expect(isPublicUrl('/sittings/sitting-42/chair')).toBeFalse();
    expect(isPublicUrl('/watchlist')).toBeFalse();
    expect(isPublicUrl('')).toBeFalse();
  });

  it('shows the error and a way to try again when the sign-in check fails', async () => {
    graphql.request.and.rejectWith(new Error('Failed to fetch'));
    const page = await render();

    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Failed to fetch');
    expect(page.querySelector('button')?.textContent).toContain('Try again');
  });
});
