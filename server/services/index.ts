import type { ServiceDeps } from './context';
import { createRosterService } from './roster';
import { createSittingService } from './sittings';
import { createProcedureService } from './procedure';

export function createServices(deps: ServiceDeps) {
  return {
    roster: createRosterService(deps),
    sittings: createSittingService(deps),
    procedure: createProcedureService(deps),
    pubsub: deps.pubsub,
  };
}

export type Services = ReturnType<typeof createServices>;
