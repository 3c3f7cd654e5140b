// A media WebSocket stand-in for specs: keeps what the client sends; the spec plays the server,
// by hand or with `answerWith` (a function of method and data).
import type { SignallingSocket } from '../app/media/media-signalling';

/** A socket that keeps what was sent; the spec plays the server. */
export class FakeSocket implements SignallingSocket {
  readyState = 0;
  readonly sent: { id: number; method: string; data: unknown }[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(readonly url: string) {}

  /** Answers every request the client sends, a moment later, with what the function returns (an Error: refused). */
  answerWith: ((method: string, data: unknown) => unknown) | null = null;

  send(text: string): void {
    const frame = JSON.parse(text) as { id: number; method: string; data: unknown };
    this.sent.push(frame);
    const answer = this.answerWith;
    if (answer !== null) {
      queueMicrotask(() => {
        const result = answer(frame.method, frame.data);
        this.receive(
          result instanceof Error
            ? { id: frame.id, ok: false, error: { code: 'media.test', message: result.message } }
            : { id: frame.id, ok: true, data: result ?? {} },
        );
      });
    }
  }

  /** The data of every request of a method, in order. */
  requests(method: string): unknown[] {
    return this.sent.filter((frame) => frame.method === method).map((frame) => frame.data);
  }

  close(code = 1000): void {
    this.closeFromServer(code);
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  receive(frame: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(frame) }));
  }

  closeFromServer(code: number): void {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close', { code }));
  }
}
