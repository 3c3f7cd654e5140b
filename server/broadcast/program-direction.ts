/**
 * What the public program shows, read off the procedure: the holder of the floor with a lower
 * third, else the presiding chair; a result card for a while after a vote closes. A mapping of
 * decided state, nothing more: the broadcast never decides procedure.
 */
import type { ProcedureState } from '../domain/procedure/state';
import { votesView, type VoteView } from '../domain/procedure/views';
import { outcomeNames } from '@contract/vote-outcomes';

/** How long a vote's result stays on the program after it closes. */
export const VOTE_CARD_MS = 20_000;

export interface ProgramDirection {
  readonly speakerPeerId: string | null;
  readonly chairPeerId: string | null;
  readonly lowerThird: { readonly name: string; readonly faction: string } | null;
  readonly voteCard: string | null;
  /** When the direction changes by itself (the vote card expires); null: only on the next event. */
  readonly until: Date | null;
}

export type CardWords = (typeof CARD_WORDS)[keyof typeof CARD_WORDS];

export const CARD_WORDS = {
  de: { outcome: outcomeNames.de, noDecision: 'kein Beschluss', cast: (n: number, of: number) => `${n} von ${of} Stimmen abgegeben` },
  en: { outcome: outcomeNames.en, noDecision: 'no decision', cast: (n: number, of: number) => `${n} of ${of} votes cast` },
} as const;

/**
 * `chairs`: the chair's team in order of precedence (president, vice-presidents, moderators);
 * the first one present presides on the picture when nobody holds the floor.
 */
export function programDirection(state: ProcedureState, chairs: readonly string[], now: Date, words: CardWords): ProgramDirection {
  const floor = state.phase === 'open' ? state.floor : null;
  const chairPeerId = chairs.find((id) => state.present[id] !== undefined) ?? null;
  const card = lastResult(state, now);
  return {
    speakerPeerId: floor?.person.personId ?? null,
    chairPeerId,
    lowerThird: floor ? { name: floor.person.name, faction: floor.person.factionShortName ?? '' } : null,
    voteCard: card ? voteCardText(card, words) : null,
    until: card ? new Date(Date.parse(card.closedAt!) + VOTE_CARD_MS) : null,
  };
}

function lastResult(state: ProcedureState, now: Date): VoteView | undefined {
  const closed = votesView(state).filter((v) => v.status === 'closed' && v.closedAt !== null && v.result !== null);
  const last = closed.at(-1);
  return last && now.getTime() < Date.parse(last.closedAt!) + VOTE_CARD_MS ? last : undefined;
}

/** Title, the counts per option, the outcome as the law states it: three lines for the card. */
export function voteCardText(vote: VoteView, words: CardWords): string {
  const result = vote.result!;
  const counts = vote.definition.options.map((o) => `${o.label} ${result.counts.find((c) => c.optionId === o.id)?.count ?? 0}`).join(' · ');
  const outcome = vote.outcome ?? 'rejected';
  const elected = (result.elected ?? []).map((id) => vote.definition.options.find((o) => o.id === id)?.label ?? id);
  // Not quorate decided nothing, and says so; an election names who was elected.
  const detail = outcome === 'not_quorate' ? ` – ${words.noDecision}` : elected.length > 0 ? `: ${elected.join(', ')}` : '';
  return [vote.definition.title, counts, `${words.outcome[outcome]}${detail} (${words.cast(result.cast, result.eligible)})`].join('\n');
}
