import type Koa from 'koa';

/**
 * The HTTP side of a graceful stop. Once `begin()` is called, new requests are answered 503 with
 * `Connection: close` (only /healthz still answers: the process is alive until it exits, and
 * /readyz's 503 takes it out of rotation), and `idle()` waits for the requests already running,
 * a mutation's commit and its answer's last byte included. Event streams (GraphQL over SSE) are not
 * waited for; the stop closes them.
 */
export class HttpDrain {
  private running = 0;
  private draining = false;
  private waiters: (() => void)[] = [];

  readonly middleware: Koa.Middleware = async (ctx, next) => {
    if (this.draining && ctx.path !== '/healthz') {
      ctx.status = 503;
      ctx.set('Connection', 'close');
      ctx.set('Retry-After', '1');
      ctx.body = { errors: [{ message: 'this instance is stopping; try again', extensions: { code: 'SHUTTING_DOWN' } }] };
      return;
    }
    this.running += 1;
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      this.running -= 1;
      if (this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    };
    try {
      await next();
    } catch (error) {
      done();
      throw error;
    }
    // The client's next request must open a new connection, to an instance that stays.
    if (this.draining) ctx.set('Connection', 'close');
    // A request counts until its answer has left (an acknowledgement cut off in the socket buffer is
    // no acknowledgement); an event stream only until it has begun, or the drain would wait it out.
    if (ctx.response.type === 'text/event-stream' || ctx.res.writableFinished || ctx.res.destroyed) done();
    else ctx.res.once('close', done);
  };

  begin(): void {
    this.draining = true;
  }

  /** Requests running now. */
  get inFlight(): number {
    return this.running;
  }

  /** Resolves true when no request is running, false if `timeoutMs` passes first. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
