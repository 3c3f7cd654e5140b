import type Koa from 'koa';

/** Runs middleware in order as one (koa-compose's job, without depending on a transitive package). */
export function chain(...middleware: Koa.Middleware[]): Koa.Middleware {
  return (ctx, next) => {
    const dispatch = (i: number): Promise<void> => {
      const mw = middleware[i];
      return mw ? Promise.resolve(mw(ctx, () => dispatch(i + 1))) : Promise.resolve(next());
    };
    return dispatch(0);
  };
}
