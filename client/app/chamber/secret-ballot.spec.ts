import { TestBed } from '@angular/core/testing';
import { secretBallotPath } from '@contract/secret-ballots';
import { demoClosedVote, demoVote } from '../../testing/demo-procedure';
import { answerByName } from '../../testing/procedure-answers';
import type { Vote } from '../procedure/procedure-state';
import { GraphqlClient } from '../shared/graphql-client';
import {
  ballotFetch,
  ballotStorage,
  defaultSecretBallotTiming,
  readKept,
  refusalCode,
  retryPause,
  SecretBallots,
  secretBallotTiming,
  sendDelay,
  type BallotStorage,
} from './secret-ballot';
import { blindToken, finalizeToken, fromBase64url, toBase64url, tokenHashOf } from './secret-ballot-crypto';

// The member's side against a key pair made here with WebCrypto (RSA-PSS 2048, SHA-384), the
// server's blind signature computed independently (RSASP1: m^d mod n with bigint), and every
// unblinded signature checked with WebCrypto's own RSA-PSS verify: real signatures throughout.

function bigintOf(bytes: Uint8Array): bigint {
  return BigInt(`0x${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('') || '0'}`);
}
function bytesOf(value: bigint, length: number): Uint8Array {
  const hex = value.toString(16).padStart(length * 2, '0');
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let square = base % modulus;
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
  }
  return result;
}

interface VoteKey {
  readonly publicKey: string;
  readonly verifyKey: CryptoKey;
  /** The server's step (RFC 9474 § 4.3 BlindSign, without the library): the blinded message to the power d. */
  blindSign(blindedMessage: string): string;
}

async function voteKey(): Promise<VoteKey> {
  const pair = await crypto.subtle.generateKey({ name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-384' }, true, [
    'sign',
    'verify',
  ]);
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const n = bigintOf(fromBase64url(jwk.n ?? ''));
  const d = bigintOf(fromBase64url(jwk.d ?? ''));
  const publicKey = toBase64url(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
  return {
    publicKey,
    verifyKey: pair.publicKey,
    blindSign: (blindedMessage) => toBase64url(bytesOf(modPow(bigintOf(fromBase64url(blindedMessage)), d, n), 256)),
  };
}

const sha256Hex = async (bytes: Uint8Array<ArrayBuffer>) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** localStorage's shape over a Map. */
function memoryStorage(): BallotStorage & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get length() {
      return entries.size;
    },
    key: (index) => [...entries.keys()][index] ?? null,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

let key: VoteKey;

beforeAll(async () => {
  key = await voteKey();
});

describe('secret ballot cryptography', () => {
  it('blinds a token, has it signed blind, and unblinds a signature that verifies on the prepared token', async () => {
    const blinded = await blindToken(key.publicKey);
    const prepared = fromBase64url(blinded.prepared);
    expect(prepared.length).toBe(64);
    expect(fromBase64url(blinded.blindedMessage).length).toBe(256);

    const signature = await finalizeToken(key.publicKey, blinded, key.blindSign(blinded.blindedMessage));

    const verified = await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 48 }, key.verifyKey, fromBase64url(signature), prepared);
    expect(verified).toBeTrue();
    // The signer saw only the blinded message; the signature on the token is another number.
    expect(signature).not.toBe(key.blindSign(blinded.blindedMessage));
    expect(await tokenHashOf(blinded.prepared)).toBe(await sha256Hex(prepared));
    expect(await tokenHashOf(blinded.prepared)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to unblind an answer that is not the signature on this token', async () => {
    const blinded = await blindToken(key.publicKey);
    const other = await blindToken(key.publicKey);
    await expectAsync(finalizeToken(key.publicKey, blinded, key.blindSign(other.blindedMessage))).toBeRejected();
  });

  it('makes a new token every time', async () => {
    const [first, second] = await Promise.all([blindToken(key.publicKey), blindToken(key.publicKey)]);
    expect(first.prepared).not.toBe(second.prepared);
    expect(first.blindedMessage).not.toBe(second.blindedMessage);
  });
});

describe('secret ballot timing', () => {
  const timing = defaultSecretBallotTiming;
  const now = Date.parse('2026-12-03T10:00:00Z');

  it('waits 2–20 s when the vote has no end', () => {
    expect(sendDelay(timing, now, null, 0)).toBe(2_000);
    expect(sendDelay(timing, now, null, 1)).toBe(20_000);
  });

  it('waits at most a fifth of the time left before the closing margin, so a short vote means a short wait', () => {
    // A one-minute vote: 60 s − 10 s margin, a fifth of it: 10 s.
    expect(sendDelay(timing, now, now + 60_000, 1)).toBe(10_000);
    expect(sendDelay(timing, now, now + 60_000, 0)).toBe(2_000);
    // Nearly over: at once.
    expect(sendDelay(timing, now, now + 5_000, 1)).toBe(0);
    // A long vote still waits 20 s at most.
    expect(sendDelay(timing, now, now + 3_600_000, 1)).toBe(20_000);
  });

  it('backs off doubling up to the longest pause', () => {
    expect(retryPause(timing, 1, 1)).toBe(1_000);
    expect(retryPause(timing, 3, 1)).toBe(4_000);
    expect(retryPause(timing, 30, 1)).toBe(15_000);
    expect(retryPause(timing, 3, 0)).toBe(2_000);
  });
});

describe('SecretBallots', () => {
  let graphql: jasmine.SpyObj<GraphqlClient>;
  let storage: ReturnType<typeof memoryStorage>;
  let answers: (() => Promise<Response>)[];
  let requests: { url: string; init: RequestInit }[];
  let blindedSent: string[];

  const secretVote = (change: Partial<Vote> = {}): Vote =>
    demoVote({ kind: 'SECRET', secretBallot: { publicKey: key.publicKey, tokensIssued: 0, myTokenIssued: false }, ...change });

  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  function setUp(): SecretBallots {
    TestBed.configureTestingModule({
      providers: [
        { provide: GraphqlClient, useValue: graphql },
        { provide: ballotStorage, useValue: storage },
        { provide: secretBallotTiming, useValue: { minDelayMs: 0, maxDelayMs: 5, closingMarginMs: 0, retryFirstMs: 5, retryMaxMs: 20 } },
        {
          provide: ballotFetch,
          useValue: (url: string, init: RequestInit) => {
            requests.push({ url, init });
            const next = answers.shift();
            return next ? next() : Promise.reject(new TypeError('no answer left'));
          },
        },
      ],
    });
    return TestBed.inject(SecretBallots);
  }

  async function settled(ballots: SecretBallots, voteId: string): Promise<void> {
    for (let tries = 0; tries < 400; tries++) {
      const kind = ballots.progress(voteId)?.kind;
      if (kind === 'acknowledged' || kind === 'failed') return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`still ${ballots.progress(voteId)?.kind}`);
  }

  const sentBallot = (index: number): Record<string, string> => {
    const body = requests[index]?.init.body;
    return typeof body === 'string' ? (JSON.parse(body) as Record<string, string>) : {};
  };

  beforeEach(() => {
    graphql = jasmine.createSpyObj<GraphqlClient>('GraphqlClient', ['request']);
    storage = memoryStorage();
    answers = [];
    requests = [];
    blindedSent = [];
    answerByName(graphql, {
      IssueBallotToken: (variables: { voteId: string; blindedMessage: string }) => {
        blindedSent.push(variables.blindedMessage);
        return { issueBallotToken: { __typename: 'MutationIssueBallotTokenSuccess', data: { blindSignature: key.blindSign(variables.blindedMessage) } } };
      },
    });
  });

  it('sends the signed ballot without credentials, retrying a lost connection and a 503 until the box acknowledges it', async () => {
    const ballots = setUp();
    answers = [() => Promise.reject(new TypeError('Failed to fetch')), async () => json(503, { errors: [{ message: 'busy', extensions: { code: 'BUSY' } }] })];
    answers.push(async () => json(201, { tokenHash: await sha256Hex(fromBase64url(sentBallot(2)['token'] ?? '')) }));

    await ballots.cast(secretVote(), 'opt-no');
    await settled(ballots, 'vote-1');

    expect(ballots.progress('vote-1')?.kind).toBe('acknowledged');
    expect(requests.length).toBe(3);
    for (const { url, init } of requests) {
      expect(url).toBe(secretBallotPath);
      expect(init.method).toBe('POST');
      expect(init.credentials).toBe('omit');
      expect(init.headers).toEqual({ 'content-type': 'application/json' });
    }
    const ballot = sentBallot(0);
    expect(Object.keys(ballot).sort()).toEqual(['optionId', 'signature', 'token', 'voteId']);
    expect(ballot['voteId']).toBe('vote-1');
    expect(ballot['optionId']).toBe('opt-no');
    expect(sentBallot(2)).toEqual(ballot);
    // What the box receives is a real signature on the token under the vote's key.
    const token = fromBase64url(ballot['token'] ?? '');
    expect(await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 48 }, key.verifyKey, fromBase64url(ballot['signature'] ?? ''), token)).toBeTrue();
    // The server was shown the blinded message only, never the token.
    expect(blindedSent.length).toBe(1);
    expect(blindedSent[0]).not.toContain(ballot['token'] ?? '');

    const receipt = ballots.receipt('vote-1');
    expect(receipt).toEqual({ optionId: 'opt-no', tokenHash: await sha256Hex(token), acknowledged: true });
    const kept = readKept(storage.entries.get('plenum.secret-ballot.vote-1') ?? null);
    expect(kept?.stage === 'signed' && kept.acknowledged).toBeTrue();
  });

  it('takes a 200 for a retry as success', async () => {
    const ballots = setUp();
    answers = [async () => json(200, { tokenHash: await sha256Hex(fromBase64url(sentBallot(0)['token'] ?? '')) })];

    await ballots.cast(secretVote(), 'opt-yes');
    await settled(ballots, 'vote-1');

    expect(ballots.progress('vote-1')?.kind).toBe('acknowledged');
  });

  it('stops at a refusal and says why, without retrying', async () => {
    const ballots = setUp();
    answers = [async () => json(400, { errors: [{ message: 'bad', extensions: { code: 'ballot.bad_signature' } }] })];

    await ballots.cast(secretVote(), 'opt-yes');
    await settled(ballots, 'vote-1');

    const progress = ballots.progress('vote-1');
    expect(progress?.kind === 'failed' && progress.failure).toBe('refused-ballot');
    expect(progress?.kind === 'failed' && progress.problem?.code).toBe('ballot.bad_signature');
    expect(requests.length).toBe(1);
  });

  it('reports a closed vote as closed', async () => {
    const ballots = setUp();
    answers = [async () => json(409, { errors: [{ message: 'closed', extensions: { code: 'vote.not_open' } }] })];

    await ballots.cast(secretVote(), 'opt-yes');
    await settled(ballots, 'vote-1');

    const progress = ballots.progress('vote-1');
    expect(progress?.kind === 'failed' && progress.failure).toBe('closed');
  });

  it('does not let the token go when the server refuses to sign, and keeps nothing', async () => {
    answerByName(graphql, {
      IssueBallotToken: {
        issueBallotToken: { __typename: 'RuleViolation', code: 'RULE_VIOLATION', message: 'taken', rule: 'vote.token_already_issued' },
      },
    });
    const ballots = setUp();

    await ballots.cast(secretVote(), 'opt-yes');
    await settled(ballots, 'vote-1');

    const progress = ballots.progress('vote-1');
    expect(progress?.kind === 'failed' && progress.failure).toBe('refused-token');
    expect(progress?.kind === 'failed' && progress.problem?.rule).toBe('vote.token_already_issued');
    expect(ballots.receipt('vote-1')).toBeNull();
    expect(storage.entries.size).toBe(0);
    expect(requests.length).toBe(0);
  });

  it('resumes after a reload: the same blinded message is sent again, then the ballot', async () => {
    const blinded = await blindToken(key.publicKey);
    storage.setItem(
      'plenum.secret-ballot.vote-1',
      JSON.stringify({ stage: 'blinded', voteId: 'vote-1', optionId: 'opt-abstain', publicKey: key.publicKey, blinded }),
    );
    const ballots = setUp();
    answers = [async () => json(201, { tokenHash: await sha256Hex(fromBase64url(blinded.prepared)) })];

    expect(ballots.receipt('vote-1')).toEqual({ optionId: 'opt-abstain', tokenHash: null, acknowledged: false });
    await ballots.resume(secretVote({ secretBallot: { publicKey: key.publicKey, tokensIssued: 1, myTokenIssued: true } }));
    await settled(ballots, 'vote-1');

    expect(blindedSent).toEqual([blinded.blindedMessage]);
    expect(sentBallot(0)['token']).toBe(blinded.prepared);
    expect(sentBallot(0)['optionId']).toBe('opt-abstain');
    expect(ballots.progress('vote-1')?.kind).toBe('acknowledged');
  });

  it('resumes a signed ballot that was never acknowledged, and leaves an acknowledged one alone', async () => {
    const blinded = await blindToken(key.publicKey);
    const signature = await finalizeToken(key.publicKey, blinded, key.blindSign(blinded.blindedMessage));
    const tokenHash = await tokenHashOf(blinded.prepared);
    const signed = { stage: 'signed', voteId: 'vote-1', optionId: 'opt-yes', token: blinded.prepared, signature, tokenHash, acknowledged: false };
    storage.setItem('plenum.secret-ballot.vote-1', JSON.stringify(signed));
    storage.setItem('plenum.secret-ballot.vote-2', JSON.stringify({ ...signed, voteId: 'vote-2', acknowledged: true }));
    const ballots = setUp();
    answers = [async () => json(200, { tokenHash })];

    await ballots.resume(secretVote());
    await ballots.resume(secretVote({ id: 'vote-2' }));
    await settled(ballots, 'vote-1');

    expect(requests.length).toBe(1);
    expect(sentBallot(0)).toEqual({ voteId: 'vote-1', token: blinded.prepared, signature, optionId: 'opt-yes' });
    expect(graphql.request).not.toHaveBeenCalled();
  });

  it('checks the published list after the close and lets storage go once the ballot is found', async () => {
    const tokenHash = 'ab'.repeat(32);
    const signed = { stage: 'signed', voteId: 'vote-1', optionId: 'opt-yes', token: 'AAAA', signature: 'BBBB', tokenHash, acknowledged: true };
    storage.setItem('plenum.secret-ballot.vote-1', JSON.stringify(signed));
    const ballots = setUp();
    const published = (optionId: string, hash: string) =>
      demoClosedVote({
        kind: 'SECRET',
        ballots: [
          { optionId: 'opt-no', person: null, pseudonym: null, tokenHash: 'cd'.repeat(32) },
          { optionId, person: null, pseudonym: null, tokenHash: hash },
        ],
      });

    expect(ballots.check(published('opt-no', tokenHash))).toEqual({ kind: 'differs', optionId: 'opt-no' });
    expect(ballots.check(published('opt-yes', 'ef'.repeat(32)))).toEqual({ kind: 'missing' });
    expect(ballots.check(secretVote())).toBeNull();
    expect(ballots.check(published('opt-yes', tokenHash))).toEqual({ kind: 'found', optionId: 'opt-yes' });

    ballots.seen('vote-1');
    expect(storage.entries.size).toBe(0);
    // Still shown on this page.
    expect(ballots.check(published('opt-yes', tokenHash))?.kind).toBe('found');
  });

  it('ignores stored entries that are not ballots', () => {
    expect(readKept('{')).toBeNull();
    expect(readKept(JSON.stringify({ stage: 'signed', voteId: 'v', optionId: 'o' }))).toBeNull();
    expect(readKept(JSON.stringify({ stage: 'other', voteId: 'v', optionId: 'o' }))).toBeNull();
    expect(refusalCode({ errors: [{ message: 'x', extensions: { code: 'vote.token_spent' } }] })).toBe('vote.token_spent');
    expect(refusalCode({ error: { code: 'ballot.bad_signature', message: 'x' } })).toBe('ballot.bad_signature');
    expect(refusalCode('<html>')).toBeNull();
  });
});
