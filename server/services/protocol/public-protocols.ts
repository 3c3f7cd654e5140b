/**
 * The public PDF protocols of closed sittings, for anyone who asks. Rendering one takes a CPU for a
 * while, so an anonymous flood must not make the server render again and again: each PDF is kept
 * while what it is made of stays the same (the record's head, the parliament's name and time zone;
 * a closed sitting's header and agenda no longer change), and concurrent requests for the same PDF
 * share one rendering. Renderings run one at a time with a short queue behind them
 * (protocolRenderer); beyond that the caller is told to come back (Busy).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { getParliament, getParliamentTimeZone } from '../../db/parliament';
import { peekRecordHead } from '../../db/record';
import { findSittingsByIds } from '../../db/sittings';
import type { Protocol } from './protocol';
import type { ProtocolLanguage } from './labels';

/** PDFs kept (two languages of the newest sittings asked for). */
const KEPT = 32;
/** Renderings waiting behind the one running. */
const QUEUE = 4;

export class ProtocolBusy extends Error {
  constructor() {
    super('too many protocols are being prepared; try again shortly');
  }
}

export interface PublicProtocolDeps {
  readonly db: Kysely<Database>;
  readonly protocol: (sittingId: string) => Promise<Protocol>;
  /** Renders a PDF; shared with the signed-in route, so both wait in the same queue (see protocolRenderer). */
  readonly render: (protocol: Protocol, lang: ProtocolLanguage) => Promise<Buffer>;
}

/** The one queue every protocol PDF is rendered through, public or not: a CPU each, one at a time. */
export function protocolRenderer(render: (protocol: Protocol, lang: ProtocolLanguage) => Promise<Buffer>) {
  const queue = oneAtATime(QUEUE);
  return (protocol: Protocol, lang: ProtocolLanguage) => queue(() => render(protocol, lang));
}

export interface PublicProtocol {
  readonly number: number;
  readonly pdf: Buffer;
}

/** Runs work one at a time, with at most `queue` waiting behind the one running; more are refused as Busy. */
export function oneAtATime(queue: number) {
  let running: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  return <T>(work: () => Promise<T>): Promise<T> => {
    if (waiting > queue) return Promise.reject(new ProtocolBusy());
    waiting++;
    const result = running.then(work, work);
    const done = () => void waiting--;
    running = result.then(done, done);
    return result;
  };
}

export function createPublicProtocols(deps: PublicProtocolDeps) {
  const kept = new Map<string, { key: string; made: Promise<PublicProtocol> }>();

  return {
    /** The PDF of a closed sitting's protocol, or null when there is no such sitting or it is not closed. */
    async pdf(sittingId: string, lang: ProtocolLanguage): Promise<PublicProtocol | null> {
      const [sitting] = await findSittingsByIds(deps.db, [sittingId]);
      if (sitting?.state !== 'closed') return null;
      const head = await peekRecordHead(deps.db, sittingId);
      const parliament = await getParliament(deps.db);
      const key = JSON.stringify([head.hash, parliament?.name ?? '', await getParliamentTimeZone(deps.db)]);
      const name = `${sittingId}|${lang}`;
      const hit = kept.get(name);
      if (hit?.key === key) return hit.made;
      const made = (async () => {
        const protocol = await deps.protocol(sittingId);
        return { number: protocol.sitting.number, pdf: await deps.render(protocol, lang) };
      })();
      // A failed or refused rendering is not kept: the next request tries again.
      made.catch(() => {
        if (kept.get(name)?.made === made) kept.delete(name);
      });
      kept.delete(name);
      kept.set(name, { key, made });
      for (const oldest of kept.keys()) {
        if (kept.size <= KEPT) break;
        kept.delete(oldest);
      }
      return made;
    },
  };
}

export type PublicProtocols = ReturnType<typeof createPublicProtocols>;
