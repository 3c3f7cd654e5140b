/**
 * Starts one subscription over graphql-ws (the graphql-transport-ws protocol, raw, so the test sees
 * every message) and reports what the server said within a time window: a refusal when the
 * subscription starts shows up there; a silent, accepted subscription sends nothing.
 */
import WebSocket from 'ws';

export interface SubscriptionProbe {
  /** The messages of the subscription (next, error, complete), in order. */
  readonly messages: readonly { type: string; payload?: unknown }[];
  /** The close code, when the server closed the connection during the window. */
  readonly closeCode: number | null;
  /** Whether the server acknowledged the connection. */
  readonly acknowledged: boolean;
}

export async function probeSubscription(baseUrl: string, query: string, opts: { bearer?: string; windowMs: number }): Promise<SubscriptionProbe> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/graphql`;
  const ws = new WebSocket(url, 'graphql-transport-ws', { headers: { origin: new URL(baseUrl).origin } });
  const messages: { type: string; payload?: unknown }[] = [];
  let closeCode: number | null = null;
  let acknowledged = false;
  ws.on('error', () => undefined);
  ws.on('close', (code) => (closeCode = code));
  ws.on('message', (raw) => {
    // ws hands text frames over as a Buffer (binaryType 'nodebuffer'); anything else is not JSON.
    const m = JSON.parse(Buffer.isBuffer(raw) ? raw.toString() : '') as { type: string; id?: string; payload?: unknown };
    if (m.type === 'connection_ack') {
      acknowledged = true;
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    } else if (m.id === '1') messages.push({ type: m.type, payload: m.payload });
  });
  await new Promise<void>((resolve) => {
    ws.once('open', resolve);
    ws.once('close', () => resolve());
  });
  if (ws.readyState === WebSocket.OPEN) {
    ws.send(JSON.stringify({ type: 'connection_init', payload: opts.bearer ? { authorization: `Bearer ${opts.bearer}` } : {} }));
  }
  await new Promise((r) => setTimeout(r, opts.windowMs));
  ws.terminate();
  return { messages, closeCode, acknowledged };
}

/** The GraphQL error codes in a probe's messages (`next` with errors, or `error`). */
export function errorCodes(probe: SubscriptionProbe): string[] {
  const codes: string[] = [];
  for (const m of probe.messages) {
    const errors = m.type === 'error' ? m.payload : m.type === 'next' ? (m.payload as { errors?: unknown } | undefined)?.errors : undefined;
    if (!Array.isArray(errors)) continue;
    for (const e of errors as { extensions?: { code?: unknown } }[]) codes.push(typeof e.extensions?.code === 'string' ? e.extensions.code : 'NO_CODE');
  }
  return codes;
}
