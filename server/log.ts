/** A namespaced logger: `method() | what [key:value]` messages, levels from LOG_LEVEL. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(namespace: string): Logger;
}

export function createLogger(level: LogLevel, namespace = 'plenum'): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>): void => {
    if (rank[at] < rank[level]) return;
    const extra = fields
      ? ' ' + Object.entries(fields).map(([k, v]) => `[${k}:${v instanceof Error ? v.message : typeof v === 'string' ? v : JSON.stringify(v)}]`).join(' ')
      : '';
    const line = `${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} ${namespace} ${msg}${extra}`;
    (at === 'error' || at === 'warn' ? process.stderr : process.stdout).write(line + '\n');
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (ns) => createLogger(level, `${namespace}:${ns}`),
  };
}
