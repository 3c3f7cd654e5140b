import { TestBed } from '@angular/core/testing';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlRequestError } from '../shared/graphql-error';
import { SessionState } from '../shared/session-state';
import type { ViewerResult } from './viewer.generated';
import { ViewerState } from './viewer-state';

describe('ViewerState', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  let state: ViewerState;

  const me: NonNullable<ViewerResult['me']> = {
    username: 'a.keller',
    name: 'Anna Keller',
    roles: ['MEMBER', 'CHAIR'],
    person: { id: 'p1', name: 'Anna Keller', faction: { id: 'sda', shortName: 'SDA', colour: '#d7263d' }, booth: null },
  };

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    TestBed.configureTestingModule({ providers: [{ provide: GraphqlClient, useValue: graphql }] });
    state = TestBed.inject(ViewerState);
  });

  it('is loading until the server has answered', () => {
    expect(state.status()).toBe('loading');
  });

  it('is signed in with the viewer the server names', async () => {
    graphql.request.and.resolveTo({ me });
    await state.load();

    expect(graphql.request.calls.mostRecent().args[0].operationName).toBe('Viewer');
    expect(state.status()).toBe('signed-in');
    expect(state.viewer()?.name).toBe('Anna Keller');
  });

  it('is signed out when me is null', async () => {
    graphql.request.and.resolveTo({ me: null });
    await state.load();

    expect(state.status()).toBe('signed-out');
    expect(state.viewer()).toBeNull();
  });

  it('has failed, keeping the error, when the server cannot be asked', async () => {
    const failure = new GraphqlRequestError('Viewer', [{ message: 'offline', code: 'NETWORK', path: null }], null);
    graphql.request.and.rejectWith(failure);
    await state.load();

    expect(state.status()).toBe('failed');
    expect(state.error()).toBe(failure);
  });

  it('turns signed out when any later request finds the session gone', async () => {
    graphql.request.and.resolveTo({ me });
    await state.load();

    TestBed.inject(SessionState).markLost();

    expect(state.status()).toBe('signed-out');
    expect(state.sessionEnded()).toBeTrue();
  });
});
