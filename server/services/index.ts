import type { ServiceDeps } from './context';
import { createRosterService } from './roster';
import { createSittingService } from './sittings';
import { createProcedureService } from './procedure';

export function createServices(deps: ServiceDeps) {
  const roster = createRosterService(deps);
  return {
    roster,
    sittings: createSittingService(deps),
    procedure: createProcedureService(deps, { personByUsername: roster.personByUsername }),
    pubsub: deps.pubsub,
  };
}

export type Services = ReturnType<typeof createServices>;
