import type http from 'node:http';
import type { Auth } from '../auth';
import { MediaError } from '../media/errors';
import type { MediaParticipant } from '../media/topology';
import type { Services } from '../services';
import { exclusionOf } from '../domain/procedure/evolve-order';
import { mayEnter } from '../domain/procedure/lobby';
import { own } from '../domain/procedure/lookup';
import { accountEntrantId } from '../services/procedure/entrants';

/**
 * Who opens the media socket, as a participant of that sitting: the session cookie's user, their
 * person (for the booth) and the token's roles, the same the GraphQL API acts with. Refused when
 * not signed in, not in the roster (and not admitted from the lobby), removed or excluded from the
 * sitting, or when the sitting is not open or suspended.
 */
export function mediaParticipantOf(auth: Auth, services: Services) {
  return async (req: http.IncomingMessage, sittingId: string): Promise<MediaParticipant> => {
    const user = await auth.authenticateRequest(req);
    if (!user) throw new MediaError('media.not_signed_in', 'sign in to join the chamber');
    const person = await services.roster.personOf(user);
    const { state } = await services.procedure.snapshot(sittingId);
    if (state.phase !== 'open' && state.phase !== 'suspended') throw new MediaError('media.not_allowed', `sitting ${sittingId} is ${state.phase}`);
    if (!person) {
      // Not on the roster: in only once admitted from the lobby, as what the chair's team admitted them as.
      const entrantId = accountEntrantId(user);
      const admission = own(state.admissions, entrantId);
      if (admission?.status !== 'admitted') throw new MediaError('media.not_allowed', `${user.username} is not in the roster and not admitted`);
      return { id: entrantId, roles: admission.role === 'podium_guest' ? ['podium_guest'] : [], booth: null };
    }
    // An order measure: the excluded stay out of the chamber's media until the exclusion ends.
    if (exclusionOf(state, person.id)) throw new MediaError('media.excluded', `${user.username} is excluded from sitting ${sittingId}`);
    if (!mayEnter(state, person.id, true)) throw new MediaError('media.not_allowed', `${user.username} was removed from the sitting`);
    const booth = person.boothId ? (await services.roster.booths()).find((b) => b.id === person.boothId) : undefined;
    return { id: person.id, roles: user.roles, booth: booth ? { id: booth.id, language: booth.language, kind: booth.kind } : null };
  };
}
