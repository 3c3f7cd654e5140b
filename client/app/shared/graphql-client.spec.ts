import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { sittingOverviewQuery } from '../sitting/sitting-overview.generated';
import { sittingEventsSubscription } from '../sitting/sitting-events.generated';
import { GraphqlClient } from './graphql-client';
import { GraphqlRequestError } from './graphql-error';
import { SessionState } from './session-state';

describe('GraphqlClient', () => {
  let client: GraphqlClient;
  let http: HttpTestingController;
  let session: SessionState;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    client = TestBed.inject(GraphqlClient);
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionState);
  });

  afterEach(() => http.verify());

  async function failureOf(promise: Promise<unknown>): Promise<GraphqlRequestError> {
    try {
      await promise;
    } catch (error: unknown) {
      if (error instanceof GraphqlRequestError) {
        return error;
      }
      throw error;
    }
    throw new Error('expected the request to fail');
  }

  it('posts the document, operation name and variables as JSON to /graphql and resolves with the data', async () => {
    const result = client.request(sittingOverviewQuery, { id: 'sitting-42' });

    const request = http.expectOne('/graphql');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      query: sittingOverviewQuery.document,
      operationName: 'SittingOverview',
      variables: { id: 'sitting-42' },
    });
    expect(request.request.headers.get('accept')).toContain('application/graphql-response+json');
    // Without it the server refuses a cookie-authenticated request as possibly cross-site.
    expect(request.request.headers.get('x-plenum-csrf')).toBe('1');
    const data = { sitting: null, parliament: { name: 'Landtag', statutoryMembers: 49, seatsFilled: 47 }, factions: [], people: [] };
    request.flush({ data });

    expect(await result).toEqual(data);
  });

  it('fails with every problem the server lists, even when partial data came along', async () => {
    const result = client.request(sittingOverviewQuery, { id: 'sitting-42' });
    http.expectOne('/graphql').flush({
      data: { sitting: null },
      errors: [{ message: 'Sitting store unavailable', path: ['sitting'], extensions: { code: 'INTERNAL' } }, { message: 'Unexpected error.' }],
    });

    const error = await failureOf(result);
    expect(error.operationName).toBe('SittingOverview');
    expect(error.problems).toEqual([
      { message: 'Sitting store unavailable', code: 'INTERNAL', path: 'sitting' },
      { message: 'Unexpected error.', code: null, path: null },
    ]);
    expect(error.unauthenticated).toBeFalse();
    expect(session.lost()).toBeFalse();
  });

  it('maps UNAUTHENTICATED to an unauthenticated error and marks the session lost', async () => {
    const result = client.request(sittingOverviewQuery, { id: 'sitting-42' });
    http.expectOne('/graphql').flush({
      data: null,
      errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }],
    });

    const error = await failureOf(result);
    expect(error.unauthenticated).toBeTrue();
    expect(error.status).toBe(200);
    expect(session.lost()).toBeTrue();
  });

  it('reads GraphQL errors from a non-2xx answer and treats HTTP 401 as signed out', async () => {
    const result = client.request(sittingOverviewQuery, { id: 'sitting-42' });
    http.expectOne('/graphql').flush({ errors: [{ message: 'Session expired.' }] }, { status: 401, statusText: 'Unauthorized' });

    const error = await failureOf(result);
    expect(error.problems.map((problem) => problem.message)).toEqual(['Session expired.']);
    expect(error.status).toBe(401);
    expect(error.unauthenticated).toBeTrue();
    expect(session.lost()).toBeTrue();
  });

  it('reports an answer that is not GraphQL, such as a proxy error page, with its HTTP status', async () => {
    const result = client.request(sittingOverviewQuery, { id: 'sitting-42' });
    http.expectOne('/graphql').flush('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });

    const error = await failureOf(result);
    expect(error.network).toBeTrue();
    expect(error.problems[0]?.message).toBe('The server answered with HTTP 502 (Bad Gateway).');
    expect(session.lost()).toBeFalse();
  });

  it('reports an unreachable server as a network problem', async () => {
    const result = client.request(sittingOverviewQuery, { id: 'sitting-42' });
    http.expectOne('/graphql').error(new ProgressEvent('error'));

    const error = await failureOf(result);
    expect(error.network).toBeTrue();
    expect(error.problems[0]?.code).toBe('NETWORK');
    expect(error.problems[0]?.message).toMatch(/^The server could not be reached/);
  });

  it('fails when a successful answer carries no data', async () => {
    const result = client.request(sittingOverviewQuery, { id: 'sitting-42' });
    http.expectOne('/graphql').flush({});

    const error = await failureOf(result);
    expect(error.problems[0]?.message).toBe('The server answered without data.');
  });

  it('refuses subscriptions, which go over the WebSocket', async () => {
    await expectAsync(client.request(sittingEventsSubscription, { sittingId: 'sitting-42' })).toBeRejectedWithError(/is a subscription/);
  });
});
