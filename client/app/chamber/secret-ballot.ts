import { DOCUMENT, Injectable, InjectionToken, inject, signal } from '@angular/core';
import { secretBallotPath, type SecretBallotRequest } from '@contract/secret-ballots';
import { problemFromPayload, type CommandProblem } from '../procedure/command-runner';
import { ProcedureState, type Vote } from '../procedure/procedure-state';
import { ServerClock } from '../procedure/server-clock';
import { GraphqlClient } from '../shared/graphql-client';
import { GraphqlRequestError } from '../shared/graphql-error';
import { issueBallotTokenMutation } from './chamber.generated';
import { blindToken, finalizeToken, tokenHashOf, type BlindedToken } from './secret-ballot-crypto';

/** How long the ballot waits before it is sent, and how sending is retried. */
export interface SecretBallotTiming {
  /** The random wait before sending lies between these (ms), so that the ballot box cannot tell who took a token just now. */
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  /** Kept free before the vote closes; of the time left beyond it, at most a fifth is spent waiting, the rest is for retries. */
  readonly closingMarginMs: number;
  /** Retries back off from the first pause to the longest, doubling. */
  readonly retryFirstMs: number;
  readonly retryMaxMs: number;
}

export const defaultSecretBallotTiming: SecretBallotTiming = {
  minDelayMs: 2_000,
  maxDelayMs: 20_000,
  closingMarginMs: 10_000,
  retryFirstMs: 1_000,
  retryMaxMs: 15_000,
};

/** Only specs change it (there is no setting a user could reach); a short vote already means a short wait. */
export const secretBallotTiming = new InjectionToken<SecretBallotTiming>('secret ballot timing', {
  providedIn: 'root',
  factory: () => defaultSecretBallotTiming,
});

/** The fetch that sends ballots: the browser's, a fake in specs. */
export const ballotFetch = new InjectionToken<typeof fetch>('fetch for secret ballots', {
  providedIn: 'root',
  factory: () => fetch.bind(globalThis),
});

export type BallotStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Where a ballot waits until it is acknowledged and seen in the published list: localStorage, so a reload loses nothing. */
export const ballotStorage = new InjectionToken<BallotStorage | null>('secret ballot storage', {
  providedIn: 'root',
  factory: () => {
    try {
      return inject(DOCUMENT).defaultView?.localStorage ?? null;
    } catch {
      // Storage can be switched off by the browser's privacy settings; the ballot then lives in memory only.
      return null;
    }
  },
});

const storagePrefix = 'plenum.secret-ballot.';

/** A ballot before the blind signature came back: a retry must send the same blinded message. */
interface Blinded {
  readonly stage: 'blinded';
  readonly voteId: string;
  readonly optionId: string;
  readonly publicKey: string;
  readonly blinded: BlindedToken;
}

/** A ballot ready for the box (contract/secret-ballots.ts), with its receipt. */
interface Signed {
  readonly stage: 'signed';
  readonly voteId: string;
  readonly optionId: string;
  readonly token: string;
  readonly signature: string;
  readonly tokenHash: string;
  readonly acknowledged: boolean;
}

type Kept = Blinded | Signed;

export type SecretBallotFailure =
  /** The server would not sign (a rule, e.g. the token was taken on another device). */
  | 'refused-token'
  /** The ballot box refused the ballot (a rule or a bad signature). */
  | 'refused-ballot'
  /** The vote closed before the ballot was acknowledged. */
  | 'closed'
  /** The browser could not make or unblind the token. */
  | 'crypto'
  /** The box acknowledged a different token hash than this browser computed. */
  | 'hash-mismatch';

export type SecretBallotProgress =
  | { readonly kind: 'preparing' }
  | { readonly kind: 'waiting'; readonly sendAt: number }
  | { readonly kind: 'sending'; readonly attempt: number }
  | { readonly kind: 'acknowledged' }
  | { readonly kind: 'failed'; readonly failure: SecretBallotFailure; readonly problem: CommandProblem | null };

/** My ballot in a secret vote as far as this browser knows it. */
export interface SecretReceipt {
  readonly optionId: string;
  /** Null until the blind signature came back. */
  readonly tokenHash: string | null;
  readonly acknowledged: boolean;
}

/** What the published list says about my ballot. */
export type SecretBallotCheck =
  { readonly kind: 'found'; readonly optionId: string } | { readonly kind: 'differs'; readonly optionId: string } | { readonly kind: 'missing' };

/** The random wait before sending: 2–20 s, but never more than a fifth of the time left before the closing margin. */
export function sendDelay(timing: SecretBallotTiming, now: number, closesAt: number | null, random: number): number {
  const room = closesAt === null ? timing.maxDelayMs : Math.max(0, (closesAt - now - timing.closingMarginMs) / 5);
  const max = Math.min(timing.maxDelayMs, room);
  const min = Math.min(timing.minDelayMs, max / 2);
  return min + random * (max - min);
}

/** The pause before retry number `attempt` (1-based): doubling up to the longest, with jitter so that retries do not come in step. */
export function retryPause(timing: SecretBallotTiming, attempt: number, random: number): number {
  const pause = Math.min(timing.retryMaxMs, timing.retryFirstMs * 2 ** Math.min(attempt - 1, 16));
  return pause * (0.5 + random / 2);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length < 2_000;

/** A kept ballot read back from storage, or null if it is not one (another version, damaged, edited by hand). */
export function readKept(raw: string | null): Kept | null {
  let value: unknown;
  try {
    value = raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value) || !text(value['voteId']) || !text(value['optionId'])) return null;
  const { voteId, optionId } = value;
  if (value['stage'] === 'blinded') {
    const blinded = value['blinded'];
    if (!text(value['publicKey']) || !isRecord(blinded) || !text(blinded['prepared']) || !text(blinded['blindedMessage']) || !text(blinded['inv'])) return null;
    return {
      stage: 'blinded',
      voteId,
      optionId,
      publicKey: value['publicKey'],
      blinded: { prepared: blinded['prepared'], blindedMessage: blinded['blindedMessage'], inv: blinded['inv'] },
    };
  }
  if (value['stage'] === 'signed') {
    const { token, signature, tokenHash, acknowledged } = value;
    if (!text(token) || !text(signature) || !text(tokenHash) || typeof acknowledged !== 'boolean') return null;
    return { stage: 'signed', voteId, optionId, token, signature, tokenHash, acknowledged };
  }
  return null;
}

/** The error code of a refused ballot: the server's `{ errors: [{ extensions: { code } }] }`, or `{ error: { code } }`. */
export function refusalCode(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const errors = body['errors'];
  const first: unknown = Array.isArray(errors) ? errors[0] : body['error'];
  if (!isRecord(first)) return null;
  const extensions = first['extensions'];
  const code = isRecord(extensions) ? extensions['code'] : first['code'];
  return typeof code === 'string' ? code : null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A member's secret ballot from this browser: a token made and blinded here, signed blind by the
 * server under the member's session (GraphQL issueBallotToken), unblinded, kept in storage, and after
 * a random wait sent WITHOUT the session (`credentials: 'omit'`) to the ballot box, retried until it is
 * acknowledged or the vote closes. After the close the published list is checked for the token hash.
 * Root-provided: sending goes on while the member moves around the app.
 */
@Injectable({ providedIn: 'root' })
export class SecretBallots {
  private readonly graphql = inject(GraphqlClient);
  private readonly procedure = inject(ProcedureState);
  private readonly clock = inject(ServerClock);
  private readonly timing = inject(secretBallotTiming);
  private readonly fetch = inject(ballotFetch);
  private readonly storage = inject(ballotStorage);

  private readonly keptSignal = signal<Readonly<Record<string, Kept>>>(this.loadKept());
  private readonly progressSignal = signal<Readonly<Record<string, SecretBallotProgress>>>({});
  /** Votes whose ballot is being made or sent right now (one run per vote). */
  private readonly running = new Set<string>();

  /** What this browser knows of my ballot in the vote, or null. */
  receipt(voteId: string): SecretReceipt | null {
    const kept = Object.hasOwn(this.keptSignal(), voteId) ? this.keptSignal()[voteId] : undefined;
    if (kept === undefined) return null;
    return kept.stage === 'signed'
      ? { optionId: kept.optionId, tokenHash: kept.tokenHash, acknowledged: kept.acknowledged }
      : { optionId: kept.optionId, tokenHash: null, acknowledged: false };
  }

  progress(voteId: string): SecretBallotProgress | null {
    return Object.hasOwn(this.progressSignal(), voteId) ? (this.progressSignal()[voteId] ?? null) : null;
  }

  /** The member chose and confirmed: make the token, have it signed, keep it, send it. */
  async cast(vote: Vote, optionId: string): Promise<void> {
    const publicKey = vote.secretBallot?.publicKey;
    if (publicKey === undefined || this.running.has(vote.id) || this.receipt(vote.id) !== null) return;
    this.running.add(vote.id);
    this.setProgress(vote.id, { kind: 'preparing' });
    try {
      let blinded: BlindedToken;
      try {
        blinded = await blindToken(publicKey);
      } catch {
        this.setProgress(vote.id, { kind: 'failed', failure: 'crypto', problem: null });
        return;
      }
      this.keep({ stage: 'blinded', voteId: vote.id, optionId, publicKey, blinded });
      await this.carryOn(vote.id);
    } finally {
      this.running.delete(vote.id);
    }
  }

  /** Picks up a ballot this browser kept but the box has not acknowledged (after a reload or a lost connection). */
  async resume(vote: Vote): Promise<void> {
    const kept = this.keptSignal()[vote.id];
    // Once per page: a run that ended in a refusal is not started again by every update of the procedure.
    if (kept === undefined || this.running.has(vote.id) || this.progress(vote.id) !== null || (kept.stage === 'signed' && kept.acknowledged)) return;
    if (vote.status === 'CANCELLED' || (vote.status === 'CLOSED' && kept.stage === 'blinded')) {
      // Nothing left to send, and nothing of it can be in the published list.
      this.forget(vote.id);
      return;
    }
    if (vote.status !== 'OPEN') return;
    this.running.add(vote.id);
    try {
      await this.carryOn(vote.id);
    } finally {
      this.running.delete(vote.id);
    }
  }

  /** After the close: whether my token hash is in the published list, and with my option. */
  check(vote: Vote): SecretBallotCheck | null {
    const kept = this.keptSignal()[vote.id];
    if (kept?.stage !== 'signed' || vote.status !== 'CLOSED' || vote.ballots === null) return null;
    const entry = vote.ballots.find((ballot) => ballot.tokenHash === kept.tokenHash);
    if (entry === undefined) return { kind: 'missing' };
    return entry.optionId === kept.optionId ? { kind: 'found', optionId: entry.optionId } : { kind: 'differs', optionId: entry.optionId };
  }

  /**
   * The member has seen the ballot in the published list: storage lets it go (the receipt stays on
   * screen until the page is left). A missing or different ballot stays kept, as evidence.
   */
  seen(voteId: string): void {
    this.storage?.removeItem(storagePrefix + voteId);
  }

  private async carryOn(voteId: string): Promise<void> {
    let kept = this.keptSignal()[voteId];
    if (kept?.stage === 'blinded') kept = (await this.sign(kept)) ?? undefined;
    if (kept?.stage === 'signed' && !kept.acknowledged) await this.deliver(kept);
  }

  /** Asks for the blind signature (the same blinded message on every try) and unblinds it. */
  private async sign(kept: Blinded): Promise<Signed | null> {
    const { voteId } = kept;
    for (let attempt = 1; ; attempt++) {
      if (!this.isOpen(voteId)) return this.fail(voteId, 'closed', null, true);
      this.setProgress(voteId, { kind: 'preparing' });
      let payload: unknown;
      try {
        payload = (await this.graphql.request(issueBallotTokenMutation, { voteId, blindedMessage: kept.blinded.blindedMessage })).issueBallotToken;
      } catch (error) {
        if (error instanceof GraphqlRequestError && error.network) {
          await sleep(retryPause(this.timing, attempt, Math.random()));
          continue;
        }
        return this.fail(
          voteId,
          'refused-token',
          { message: String(error instanceof Error ? error.message : error), code: null, rule: null, issues: [] },
          true,
        );
      }
      if (!isRecord(payload) || !isRecord(payload['data']) || typeof payload['data']['blindSignature'] !== 'string') {
        return this.fail(voteId, 'refused-token', problemFromPayload(payload), true);
      }
      try {
        const signature = await finalizeToken(kept.publicKey, kept.blinded, payload['data']['blindSignature']);
        const tokenHash = await tokenHashOf(kept.blinded.prepared);
        const signed: Signed = { stage: 'signed', voteId, optionId: kept.optionId, token: kept.blinded.prepared, signature, tokenHash, acknowledged: false };
        this.keep(signed);
        return signed;
      } catch {
        return this.fail(voteId, 'crypto', null, true);
      }
    }
  }

  /** Waits a random while, then sends until the box acknowledges or the vote is closed. */
  private async deliver(kept: Signed): Promise<void> {
    const { voteId } = kept;
    const delay = sendDelay(this.timing, this.clock.now(), this.closesAt(voteId), Math.random());
    this.setProgress(voteId, { kind: 'waiting', sendAt: this.clock.now() + delay });
    await sleep(delay);
    const ballot: SecretBallotRequest = { voteId, token: kept.token, signature: kept.signature, optionId: kept.optionId };
    for (let attempt = 1; ; attempt++) {
      if (!this.isOpen(voteId)) {
        this.fail(voteId, 'closed', null, false);
        return;
      }
      this.setProgress(voteId, { kind: 'sending', attempt });
      let response: Response;
      try {
        // No cookie, no Authorization: the box refuses a ballot that comes with the session.
        response = await this.fetch(secretBallotPath, {
          method: 'POST',
          credentials: 'omit',
          cache: 'no-store',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ballot),
        });
      } catch {
        await sleep(retryPause(this.timing, attempt, Math.random()));
        continue;
      }
      const body: unknown = await response.json().catch(() => null);
      if (response.status === 200 || response.status === 201) {
        // 200: the same ballot had arrived before (an earlier answer was lost): it counts once.
        if (!isRecord(body) || body['tokenHash'] !== kept.tokenHash) {
          this.fail(voteId, 'hash-mismatch', null, false);
          return;
        }
        this.keep({ ...kept, acknowledged: true });
        this.setProgress(voteId, { kind: 'acknowledged' });
        return;
      }
      if (response.status >= 500 || response.status === 429) {
        await sleep(retryPause(this.timing, attempt, Math.random()));
        continue;
      }
      const code = refusalCode(body);
      const closed = code === 'vote.not_open' || code === 'vote.expired';
      this.fail(voteId, closed ? 'closed' : 'refused-ballot', { message: '', code, rule: code, issues: [] }, false);
      return;
    }
  }

  private fail(voteId: string, failure: SecretBallotFailure, problem: CommandProblem | null, drop: boolean): null {
    if (drop) this.forget(voteId);
    this.setProgress(voteId, { kind: 'failed', failure, problem });
    return null;
  }

  private vote(voteId: string): Vote | undefined {
    return this.procedure.procedure()?.votes.find((vote) => vote.id === voteId);
  }

  /** Open as far as the procedure shows; unknown (not loaded) counts as open and the server decides. */
  private isOpen(voteId: string): boolean {
    const vote = this.vote(voteId);
    return vote === undefined || vote.status === 'OPEN';
  }

  private closesAt(voteId: string): number | null {
    const closesAt = this.vote(voteId)?.closesAt;
    const at = closesAt ? Date.parse(closesAt) : Number.NaN;
    return Number.isNaN(at) ? null : at;
  }

  private setProgress(voteId: string, progress: SecretBallotProgress): void {
    this.progressSignal.update((all) => ({ ...all, [voteId]: progress }));
  }

  private keep(kept: Kept): void {
    this.keptSignal.update((all) => ({ ...all, [kept.voteId]: kept }));
    try {
      this.storage?.setItem(storagePrefix + kept.voteId, JSON.stringify(kept));
    } catch {
      // A full or refused storage: the ballot still goes out from memory; only a reload would lose it.
    }
  }

  private forget(voteId: string): void {
    this.keptSignal.update((all) => Object.fromEntries(Object.entries(all).filter(([id]) => id !== voteId)));
    this.storage?.removeItem(storagePrefix + voteId);
  }

  private loadKept(): Record<string, Kept> {
    const kept: Record<string, Kept> = {};
    const storage = this.storage;
    if (storage === null) return kept;
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key === null || !key.startsWith(storagePrefix)) continue;
      const entry = readKept(storage.getItem(key));
      if (entry !== null && key === storagePrefix + entry.voteId) kept[entry.voteId] = entry;
    }
    return kept;
  }
}
