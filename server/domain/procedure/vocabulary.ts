/** Words shared by the rules, the record, the API and the protocol. */

/** Requests to speak. A point of order is kept apart (points-of-order queue), not a RequestKind. */
export const requestKinds = ['speech', 'interjection', 'short_intervention'] as const;
export type RequestKind = (typeof requestKinds)[number];

export const stances = ['pro', 'contra'] as const;
export type Stance = (typeof stances)[number];

/** How the next speaker is chosen from the list of an agenda item. */
export const orderPolicies = ['first_come', 'alternate_factions', 'pro_contra', 'quota'] as const;
export type OrderPolicy = (typeof orderPolicies)[number];

/** What the floor is held for. */
export const floorKinds = [...requestKinds, 'point_of_order', 'chair_grant'] as const;
export type FloorKind = (typeof floorKinds)[number];

// How the chair decides a point of order: the contract's, worded there for protocol and browser.
export { pointOfOrderDecisions, type PointOfOrderDecision } from '@contract/procedure-words';

/**
 * show_of_hands: nobody casts a ballot; the chair counts the hands and enters the counts (no names, no ballots published).
 * secret: cast anonymously with a blind-signed token; the server cannot link a ballot to its voter.
 */
export const voteKinds = ['named', 'pseudonymous', 'show_of_hands', 'secret'] as const;
export type VoteKind = (typeof voteKinds)[number];

// The majorities a vote can require (and their names) are the contract's, shared with the browser.
export { majorityKinds, type MajorityKind } from '@contract/majorities';

/** The role an option plays in a majority: yes, no, abstain. Custom options map onto these (or 'other'). */
export const optionMeanings = ['yes', 'no', 'abstain', 'other'] as const;
export type OptionMeaning = (typeof optionMeanings)[number];

export const sittingPhases = ['scheduled', 'open', 'suspended', 'closed'] as const;
export type SittingPhase = (typeof sittingPhases)[number];
