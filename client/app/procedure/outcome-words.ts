import type { VoteOutcome } from '../shared/graphql-schema.generated';
import { outcomeNames } from '@contract/vote-outcomes';
import type { Language } from '../i18n/translation-state';

/** Outcomes as the server names them (contract/vote-outcomes.ts): outcomeNames a word or two, outcomeReasons a sentence. */
export function outcomeWords(language: Language, table: typeof outcomeNames = outcomeNames): Record<VoteOutcome, string> {
  const w = table[language];
  return {
    ADOPTED: w.adopted,
    REJECTED: w.rejected,
    TIE: w.tie,
    NOT_QUORATE: w.not_quorate,
    CANCELLED: w.cancelled,
    ELECTED: w.elected,
    NO_ONE_ELECTED: w.no_one_elected,
  };
}

/** How a result is coloured: the house said yes, said no, or decided nothing. */
export function outcomeTone(outcome: VoteOutcome): 'yes' | 'no' | 'none' {
  if (outcome === 'ADOPTED' || outcome === 'ELECTED') return 'yes';
  if (outcome === 'NOT_QUORATE' || outcome === 'CANCELLED') return 'none';
  return 'no';
}
