import WebSocket from 'ws';

/** A test's end of the media signalling socket: requests by id, notifications as they came. */
export interface MediaPeer {
  readonly ws: WebSocket;
  readonly notifications: { notification: string; data: Record<string, unknown> }[];
  /** The close code, once closed (4001 refused, 4002 replaced). */
  readonly closed: Promise<number>;
  request(method: string, data?: unknown): Promise<{ ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } }>;
}

export async function connectMediaPeer(url: string, headers: Record<string, string> = {}): Promise<MediaPeer> {
  const ws = new WebSocket(url, { headers });
  const pending = new Map<number, (frame: never) => void>();
  const notifications: MediaPeer['notifications'] = [];
  let next = 1;
  ws.on('message', (raw) => {
    // ws hands text frames over as a Buffer (binaryType 'nodebuffer'); anything else is not JSON.
    const frame = JSON.parse(Buffer.isBuffer(raw) ? raw.toString() : '') as { id?: number; notification?: string; data: Record<string, unknown> };
    if (frame.notification) notifications.push(frame as MediaPeer['notifications'][number]);
    else if (typeof frame.id === 'number') pending.get(frame.id)?.(frame as never);
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return {
    ws,
    notifications,
    closed,
    // Sent right after open on purpose: frames arriving before authentication finishes must wait, not vanish.
    request: (method, data = {}) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, data }));
      }),
  };
}
