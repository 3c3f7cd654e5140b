import { maxCandidates, maxSeats } from '@contract/elections';
import { numberLimits } from '@contract/number-limits';
import { textLimits } from '@contract/text-limits';
import type { MajorityKind, VoteDraftInput, VoteKind } from '../shared/graphql-schema.generated';

/** The vote preparation form as the chair fills it in. */
export interface VoteDraftForm {
  readonly title: string;
  readonly kind: VoteKind;
  /** Yes/no/abstain, a list of the chair's own options, or an election (candidates; no and abstention as the rules allow). */
  readonly optionSet: 'standard' | 'custom' | 'election';
  /** One option per line, for a custom list. */
  readonly customOptions: string;
  /** One candidate per line, for an election. */
  readonly candidates: string;
  /** Seats the election fills. */
  readonly seats: number | null;
  readonly abstention: boolean;
  readonly majority: MajorityKind;
  readonly live: boolean;
  /** Empty: the chair closes the vote. */
  readonly durationMinutes: number | null;
  readonly autoClose: boolean;
  /** An agenda item's id, `current` for whichever item is current when saving, or empty for none. */
  readonly agendaItemId: string;
}

export const currentItemChoice = 'current';

export function emptyVoteDraftForm(): VoteDraftForm {
  return {
    title: '',
    kind: 'NAMED',
    optionSet: 'standard',
    customOptions: '',
    candidates: '',
    seats: 1,
    abstention: true,
    majority: 'SIMPLE',
    live: false,
    durationMinutes: null,
    autoClose: false,
    agendaItemId: currentItemChoice,
  };
}

export type VoteDraftProblem =
  | 'title-missing'
  | 'title-too-long'
  | 'too-few-options'
  | 'duration-invalid'
  | 'no-candidates'
  | 'too-many-candidates'
  | 'duplicate-candidates'
  | 'seats-invalid';

/** The server's limit on a vote's title (contract/text-limits.ts). */
export const titleLimit = textLimits.voteTitle;

/** The longest a vote may run, in minutes (contract/number-limits.ts). */
export const durationMinutesLimit = numberLimits.voteDurationSeconds / 60;

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function customLabels(form: VoteDraftForm): string[] {
  return lines(form.customOptions);
}

/** What stops an election from being prepared: the server refuses the same. */
function electionProblems(form: VoteDraftForm): VoteDraftProblem[] {
  const names = lines(form.candidates);
  const problems: VoteDraftProblem[] = [];
  if (names.length === 0) problems.push('no-candidates');
  if (names.length > maxCandidates) problems.push('too-many-candidates');
  if (new Set(names.map((name) => name.toLocaleLowerCase('de'))).size !== names.length) problems.push('duplicate-candidates');
  const seats = form.seats;
  if (seats === null || !Number.isInteger(seats) || seats < 1 || seats > maxSeats || (names.length > 0 && seats > names.length)) problems.push('seats-invalid');
  return problems;
}

/** What stops the form from being sent, if anything. */
export function voteDraftProblems(form: VoteDraftForm): VoteDraftProblem[] {
  const problems: VoteDraftProblem[] = [];
  const title = form.title.trim();
  if (title === '') {
    problems.push('title-missing');
  } else if (title.length > titleLimit) {
    problems.push('title-too-long');
  }
  if (form.optionSet === 'custom' && customLabels(form).length < 2) {
    problems.push('too-few-options');
  }
  if (form.optionSet === 'election') {
    problems.push(...electionProblems(form));
  }
  if (form.kind !== 'SHOW_OF_HANDS' && form.durationMinutes !== null && !(form.durationMinutes > 0 && form.durationMinutes <= durationMinutesLimit)) {
    problems.push('duration-invalid');
  }
  return problems;
}

/**
 * The API input for a valid form: standard options are left to the server (yes, no, and abstain if
 * allowed), an election's candidates mean yes (the server adds no and abstain as the rules allow);
 * `current` becomes the id of the item called now.
 */
export function voteDraftInput(form: VoteDraftForm, currentItemId: string | null): VoteDraftInput {
  const agendaItemId = form.agendaItemId === currentItemChoice ? currentItemId : form.agendaItemId;
  const election = form.optionSet === 'election';
  // A show of hands ends when the chair enters the counts: no timer, no closing on all voted, no running count.
  const hands = form.kind === 'SHOW_OF_HANDS';
  return {
    title: form.title.trim(),
    kind: form.kind,
    options: election
      ? lines(form.candidates).map((label) => ({ label, meaning: 'YES' as const }))
      : form.optionSet === 'custom'
        ? customLabels(form).map((label) => ({ label, meaning: 'OTHER' as const }))
        : null,
    abstention: form.optionSet === 'custom' ? false : form.abstention,
    election: election ? { seats: form.seats ?? 1 } : null,
    majority: form.majority,
    live: hands ? false : form.live,
    durationSeconds: hands || form.durationMinutes === null ? null : Math.round(form.durationMinutes * 60),
    autoCloseWhenAllVoted: hands ? false : form.autoClose,
    agendaItemId: agendaItemId === '' ? null : agendaItemId,
  };
}
