// Scopes that several fields share, built from the contract's groups of roles (contract/roles.ts).
import { chairTeamRoles } from '@contract/roles';

export const signedIn = { signedIn: true } as const;
/** The chair's team: who runs the sitting. */
export const chairTeam = { anyRole: chairTeamRoles } as const;
/** The chair's team and the clerks: who prepare votes and type captions. */
export const chairTeamAndClerks = { anyRole: [...chairTeamRoles, 'clerk'] } as const;
/** The chair's team, the clerks and parliament IT: who read the whole record. */
export const recordKeepers = { anyRole: [...chairTeamRoles, 'clerk', 'it_admin'] } as const;
/** The President and Vice-Presidents (role chair): who preside and approve the protocol; moderators do not. */
export const presidingOfficers = { anyRole: ['chair'] } as const;
