import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A namespaced logger: `method() | what [key:value]` messages, levels from LOG_LEVEL. Two formats:
 * `text` for people at a terminal, `json` (production) for collectors: one object per line with
 * time, level, namespace, msg, fields and, inside an HTTP request, its requestId.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFormat = 'text' | 'json';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(namespace: string): Logger;
}

/** The request whose work is running now (set by server/http/request-id.ts); every log line within it names it. */
const requestScope = new AsyncLocalStorage<{ readonly requestId: string }>();

export function withRequestId<T>(requestId: string, run: () => T): T {
  return requestScope.run({ requestId }, run);
}

export interface LoggerOptions {
  readonly format?: LogFormat;
  readonly namespace?: string;
  /** Where lines go; stdout and stderr (warn, error) by default. */
  readonly write?: (line: string, at: Exclude<LogLevel, 'silent'>) => void;
}

const defaultWrite = (line: string, at: Exclude<LogLevel, 'silent'>): void => {
  (at === 'error' || at === 'warn' ? process.stderr : process.stdout).write(line + '\n');
};

export function createLogger(level: LogLevel, opts: LoggerOptions = {}): Logger {
  const { format = 'text', namespace = 'plenum', write = defaultWrite } = opts;
  const emit = (at: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>): void => {
    if (rank[at] < rank[level]) return;
    const requestId = requestScope.getStore()?.requestId;
    write(format === 'json' ? jsonLine(at, namespace, msg, fields, requestId) : textLine(at, namespace, msg, fields, requestId), at);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (ns) => createLogger(level, { format, write, namespace: `${namespace}:${ns}` }),
  };
}

function textLine(at: string, namespace: string, msg: string, fields: Record<string, unknown> | undefined, requestId: string | undefined): string {
  const all = requestId === undefined ? fields : { ...fields, req: requestId };
  const extra = all
    ? ' ' +
      Object.entries(all)
        .map(([k, v]) => `[${k}:${v instanceof Error ? v.message : typeof v === 'string' ? v : JSON.stringify(v)}]`)
        .join(' ')
    : '';
  return `${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} ${namespace} ${msg}${extra}`;
}

function jsonLine(at: string, namespace: string, msg: string, fields: Record<string, unknown> | undefined, requestId: string | undefined): string {
  const line = { time: new Date().toISOString(), level: at, namespace, msg, ...(requestId === undefined ? {} : { requestId }), ...(fields ? { fields } : {}) };
  try {
    // Errors as their message; bigints as strings; one line whatever the message holds (JSON escapes newlines).
    return JSON.stringify(line, (_k, v: unknown) => (v instanceof Error ? v.message : typeof v === 'bigint' ? v.toString() : v));
  } catch {
    return JSON.stringify({ ...line, fields: '(unserialisable)' });
  }
}

/** Runs work shared by many requests (a group commit, say) outside the current one, so its lines name none of them. */
export function outsideRequest<T>(run: () => T): T {
  return requestScope.exit(run);
}
