/**
 * Secret ballots, the service's side (the rules are domain/procedure/secret-ballots.ts, the maths
 * ballot-keys.ts). A signed-in member takes one blind signature on a token their browser made; the
 * ballot comes later without any session, carrying the token, its signature and the option. What is
 * stored: who took a token (ballot_tokens_issued), and token hash + option (record and secret_ballots).
 * Nothing joins the two: the blind signature the member got is not the signature they cast with.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { findVoteDraft } from '../../db/votes';
import { countTokensIssued, issueToken, tokenIssuedTo } from '../../db/secret-ballots';
import { InputError, NotFoundError, RuleViolation } from '../../domain/errors';
import type { Actor, ProcedureCommand } from '../../domain/procedure/commands';
import { requireMayTakeToken } from '../../domain/procedure/secret-ballots';
import type { VoteState } from '../../domain/procedure/state';
import type { ServiceDeps } from '../context';
import { blindSign, MODULUS_BYTES, NotSignable, tokenHashOf, verifyToken } from './ballot-keys';
import type { ProcedureSnapshot } from './index';
import type { Outcome } from './sitting-engine';

/** base64url, unpadded: what the browser sends. */
const base64url = /^[A-Za-z0-9_-]+$/;

/** The token's signature does not verify under the vote's key: forged, damaged, or from another vote. */
export class BadBallotSignature extends Error {
  readonly code = 'ballot.bad_signature';
  constructor() {
    super('the ballot token’s signature does not verify under this vote’s key');
    this.name = 'BadBallotSignature';
  }
}

export interface SecretBallot {
  readonly voteId: string;
  /** The prepared token (base64url): the 64 bytes the browser had signed. */
  readonly token: string;
  readonly signature: string;
  readonly optionId: string;
}

export interface SecretBallotInfo {
  readonly publicKey: string;
  readonly tokensIssued: number;
  readonly myTokenIssued: boolean;
}

/** Decodes a base64url field of exactly `bytes` bytes, or says which field is wrong. */
export function decodeExact(field: string, value: string, bytes: number): Buffer {
  const ok = value.length === Math.ceil((bytes * 4) / 3) && base64url.test(value);
  const decoded = ok ? Buffer.from(value, 'base64url') : null;
  if (!decoded || decoded.length !== bytes) throw new InputError([{ path: [field], message: `${bytes} bytes as unpadded base64url` }]);
  return decoded;
}

export function createSecretBallots(
  deps: ServiceDeps,
  procedure: {
    snapshot(sittingId: string): Promise<ProcedureSnapshot>;
    execute(sittingId: string, actor: Actor, command: ProcedureCommand): Promise<Outcome>;
  },
) {
  const { db } = deps;
  // The ballot names nobody: the system casts it, on the signature's word.
  const anonymous: Actor = { personId: null, roles: [] };

  // A vote's sitting never changes: one lookup per vote, not one per ballot of a 700-member burst.
  const sittingOfVote = new Map<string, string>();
  const maxRemembered = 1_000;

  /** The opened secret vote and its sitting's snapshot; a vote id that names no opened vote is not found. */
  async function secretVote(voteId: string): Promise<{ snap: ProcedureSnapshot; vote: VoteState; publicKey: string }> {
    let sittingId = sittingOfVote.get(voteId);
    if (sittingId === undefined) {
      const draft = await findVoteDraft(db, voteId);
      if (!draft) throw new NotFoundError('vote', voteId);
      sittingId = draft.sittingId;
      if (sittingOfVote.size >= maxRemembered) sittingOfVote.clear();
      sittingOfVote.set(voteId, sittingId);
    }
    const snap = await procedure.snapshot(sittingId);
    const vote = Object.hasOwn(snap.state.votes, voteId) ? snap.state.votes[voteId] : undefined;
    if (!vote) throw new NotFoundError('vote', voteId);
    const publicKey = vote.definition.publicKey;
    if (vote.definition.kind !== 'secret' || !publicKey) throw new InputError([{ path: ['voteId'], message: 'this vote is not secret' }]);
    return { snap, vote, publicKey };
  }

  return {
    /** The signed-in member's one blind signature for this vote; the same blinded message again gets the same answer. */
    async issueBallotToken(actor: Actor, voteId: string, blindedMessage: string): Promise<{ blindSignature: string }> {
      const blinded = decodeExact('blindedMessage', blindedMessage, MODULUS_BYTES);
      const { snap, publicKey } = await secretVote(voteId);
      requireMayTakeToken(snap.state, voteId, { now: snap.now, actor, sitting: snap.context, newId: randomUUID, randomInt: (bound) => randomInt(bound) });
      const issue = await issueToken(db, voteId, publicKey, actor.personId!, blindedMessage, async (privateKey) => {
        try {
          return blindSign(privateKey, blinded).toString('base64url');
        } catch (error) {
          if (error instanceof NotSignable) throw new InputError([{ path: ['blindedMessage'], message: error.message }]);
          throw error;
        }
      });
      if (issue.kind === 'no_key') throw new RuleViolation('vote.not_open', 'the vote is closed');
      if (issue.kind === 'already_issued') throw new RuleViolation('vote.token_already_issued', 'you have taken your ballot token for this vote already');
      return { blindSignature: issue.blindSignature };
    },

    /** Stores an anonymous ballot: `created` false when the same ballot was stored before (a retry). */
    async castSecretBallot(ballot: SecretBallot): Promise<{ tokenHash: string; created: boolean }> {
      const token = decodeExact('token', ballot.token, 64);
      const signature = decodeExact('signature', ballot.signature, MODULUS_BYTES);
      const { snap, vote, publicKey } = await secretVote(ballot.voteId);
      if (vote.status !== 'open') throw new RuleViolation('vote.not_open', `the vote is ${vote.status}`);
      // The key the record pinned at opening, not whatever the key table holds.
      if (!verifyToken(publicKey, token, signature)) throw new BadBallotSignature();
      const tokenHash = tokenHashOf(token);
      const { entries } = await procedure.execute(snap.sittingId, anonymous, {
        kind: 'vote.cast_secret',
        voteId: ballot.voteId,
        tokenHash,
        optionId: ballot.optionId,
      });
      return { tokenHash, created: entries.some((e) => e.event.kind === 'ballot.cast') };
    },

    /** The public facts of a secret vote: its key and how many tokens were taken; and whether the asker took one. */
    async info(voteId: string, publicKey: string, personId: string | null): Promise<SecretBallotInfo> {
      const [tokensIssued, mine] = await Promise.all([countTokensIssued(db, voteId), personId ? tokenIssuedTo(db, voteId, personId) : false]);
      return { publicKey, tokensIssued, myTokenIssued: mine };
    },
  };
}

export type SecretBallotService = ReturnType<typeof createSecretBallots>;
