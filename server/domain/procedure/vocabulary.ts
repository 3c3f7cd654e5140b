/** Words shared by the rules, the record, the API and the protocol. */

/** Requests to speak. A point of order is kept apart (points-of-order queue), not a RequestKind. */
export type RequestKind = 'speech' | 'interjection' | 'short_intervention';
export const requestKinds: readonly RequestKind[] = ['speech', 'interjection', 'short_intervention'];

export type Stance = 'pro' | 'contra';

/** How the next speaker is chosen from the list of an agenda item. */
export type OrderPolicy = 'first_come' | 'alternate_factions' | 'pro_contra' | 'quota';
export const orderPolicies: readonly OrderPolicy[] = ['first_come', 'alternate_factions', 'pro_contra', 'quota'];

/** What the floor is held for. */
export type FloorKind = RequestKind | 'point_of_order' | 'chair_grant';

// How the chair decides a point of order: the contract's, worded there for protocol and browser.
export type { PointOfOrderDecision } from '@contract/procedure-words';

export type VoteKind = 'named' | 'pseudonymous';

// The majorities a vote can require (and their names) are the contract's, shared with the browser.
export { majorityKinds, type MajorityKind } from '@contract/majorities';

/** The role an option plays in a majority: yes, no, abstain. Custom options map onto these (or 'other'). */
export type OptionMeaning = 'yes' | 'no' | 'abstain' | 'other';

export type SittingPhase = 'scheduled' | 'open' | 'suspended' | 'closed';
