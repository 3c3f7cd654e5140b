/**
 * Which pages may open our WebSockets. A browser sends `Origin` with every WebSocket upgrade and
 * sends our session cookie with it whatever page asks, so the Origin is the only thing that tells
 * our pages from another site's. Allowed: the origin of PUBLIC_URL and those in CORS_ORIGINS. An
 * upgrade without `Origin` is not from a browser page (an API client with a bearer token, a CLI)
 * and is let in: it can only carry a cookie it was given. `Origin: null` (sandboxed frames, files)
 * is foreign.
 */
export function websocketOriginPolicy(publicUrl: string, corsOrigins: readonly string[]): (origin: string | undefined) => boolean {
  const allowed = new Set([publicUrl, ...corsOrigins].map((url) => new URL(url).origin));
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
