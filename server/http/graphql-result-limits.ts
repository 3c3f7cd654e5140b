import { GraphQLError, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { budgetExceeded, isBudgetError } from '../graphql/execution-budget';
import { graphqlLimits, limitCodes } from './graphql-limits';

/**
 * A result that ran out of execution budget or grew too large is refused as a whole, with a code and
 * HTTP 400, rather than sent as a half answer. Applies to queries, mutations and each subscription
 * event, over HTTP and graphql-ws alike (both run through Yoga's envelop).
 */
export function useResultLimits(): Plugin {
  const check = (result: ExecutionResult, setResult: (r: ExecutionResult) => void) => {
    if (result.errors?.some(isBudgetError)) return setResult({ errors: [budgetExceeded()] });
    // Serialising is linear in the result, which the budget above already bounds.
    if (JSON.stringify(result).length > graphqlLimits.maxResponseChars) setResult({ errors: [responseTooLarge()] });
  };
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (isAsyncIterable(result)) return { onNext: ({ result: r, setResult: set }) => check(r, set) };
        check(result, setResult);
        return undefined;
      },
    }),
    onSubscribe: () => ({
      onSubscribeResult: ({ result, setResult }) => {
        if (isAsyncIterable(result)) return { onNext: ({ result: r, setResult: set }) => check(r, set) };
        check(result, setResult);
        return undefined;
      },
    }),
  };
}

function responseTooLarge(): GraphQLError {
  return new GraphQLError(`The answer would be larger than ${graphqlLimits.maxResponseChars} characters; ask for less.`, {
    extensions: { code: limitCodes.responseTooLarge, http: { status: 400 } },
  });
}

/**
 * Subscriptions over HTTP (server-sent events) end after `maxSeconds`: the stream completes cleanly
 * and EventSource clients reconnect, so no request stays open forever. graphql-ws does not pass here.
 */
export function useSseLifetime(maxSeconds: number): Plugin {
  return {
    onExecutionResult: (payload) => {
      const { result } = payload;
      if (result !== undefined && isAsyncIterable(result)) payload.setResult(endingAfter(result, maxSeconds * 1000));
    },
  };
}

/**
 * The source's values until `ms` have passed; then the source is returned (its subscription ends).
 * Not an async generator: a generator's return() waits for the pending next(), so a client that went
 * away would keep the source subscribed until its next event.
 */
export function endingAfter<T>(source: AsyncIterable<T>, ms: number): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const done: IteratorResult<T> = { done: true, value: undefined };
  let finished = false;
  let expire = () => {};
  const expired = new Promise<IteratorResult<T>>((resolve) => (expire = () => resolve(done)));
  const finish = async (): Promise<IteratorResult<T>> => {
    if (finished) return done;
    finished = true;
    clearTimeout(timer);
    expire();
    await iterator.return?.();
    return done;
  };
  const timer = setTimeout(() => void finish(), ms);
  timer.unref();
  return {
    next: async () => {
      if (finished) return done;
      const result = await Promise.race([iterator.next(), expired]);
      return result.done ? finish() : result;
    },
    return: finish,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
