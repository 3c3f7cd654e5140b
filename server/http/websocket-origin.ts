/**
 * Which pages may open our WebSockets. A browser sends `Origin` with every WebSocket upgrade and
 * sends our session cookie with it whatever page asks, so the Origin is the only thing that tells
 * our pages from another site's. Allowed: the trusted origins (config/origins.ts). An
 * upgrade without `Origin` is not from a browser page (an API client with a bearer token, a CLI)
 * and is let in: it can only carry a cookie it was given. `Origin: null` (sandboxed frames, files)
 * is foreign.
 */
export function websocketOriginPolicy(allowed: ReadonlySet<string>): (origin: string | undefined) => boolean {
  return (origin) => {
    if (origin === undefined) return true;
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    // An origin is scheme://host[:port] and nothing else; URL would forgive a path or a trailing slash.
    return parsed.origin === origin.toLowerCase() && allowed.has(parsed.origin);
  };
}
