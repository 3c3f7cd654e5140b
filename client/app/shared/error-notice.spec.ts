import { TestBed } from '@angular/core/testing';
import { ErrorNotice, describeError } from './error-notice';
import { GraphqlRequestError } from './graphql-error';

describe('ErrorNotice', () => {
  it('names each problem, with the server code unless it is a network problem', () => {
    const error = new GraphqlRequestError(
      'Sittings',
      [
        { message: 'Not allowed.', code: 'FORBIDDEN', path: 'sittings' },
        { message: 'The server could not be reached (offline).', code: 'NETWORK', path: null },
      ],
      200,
    );
    expect(describeError(error)).toEqual(['Not allowed. (FORBIDDEN)', 'The server could not be reached (offline).']);
    expect(describeError(new Error('boom'))).toEqual(['boom']);
  });

  it('renders as an alert with its heading', async () => {
    const fixture = TestBed.createComponent(ErrorNotice);
    fixture.componentRef.setInput('heading', 'Could not load the sittings');
    fixture.componentRef.setInput('error', new Error('Server down'));
    await fixture.whenStable();

    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Could not load the sittings');
    expect(alert?.textContent).toContain('Server down');
  });
});
