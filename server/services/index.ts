import type { ServiceDeps } from './context';
import { createRosterService } from './roster';
import { createSittingService } from './sittings';
import { createProcedureService } from './procedure';
import { createChamberService } from './chamber';

export function createServices(deps: ServiceDeps) {
  const roster = createRosterService(deps);
  const procedure = createProcedureService(deps, { personOf: roster.personOf });
  return {
    roster,
    sittings: createSittingService(deps),
    procedure,
    chamber: createChamberService(deps, {
      people: roster.everyone,
      booths: roster.booths,
      phaseOf: async (sittingId) => (await procedure.snapshot(sittingId)).state.phase,
    }),
    pubsub: deps.pubsub,
  };
}

export type Services = ReturnType<typeof createServices>;
