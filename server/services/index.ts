import type { ServiceDeps } from './context';
import { createRosterService } from './roster';
import { createRosterImportService } from './roster-import';
import { createSittingService } from './sittings';
import { createProcedureService } from './procedure';
import { createArrangementService } from './arrangements';
import { createParliamentSettingsService } from './parliament-settings';
import { createAdminLogService } from './admin-log';
import { createPublicProtocols, protocolRenderer } from './protocol/public-protocols';
import { createRosterFiles } from './roster-files';
import { protocolPdf } from './protocol/protocol-pdf';
import { createBoothService } from './booths';

export function createServices(deps: ServiceDeps) {
  const renderProtocolPdf = protocolRenderer(protocolPdf);
  // Each needs the other: procedure asks who a user is, the roster has its changes noted in open sittings' records.
  const procedure = createProcedureService(deps, { personOf: (user) => roster.personOf(user) });
  const roster = createRosterService(deps, (editor, change) => procedure.noteRosterChange(editor, change));
  return {
    roster,
    rosterImport: createRosterImportService(deps, {
      notary: (editor, change) => procedure.noteRosterChange(editor, change),
      activeSittings: () => procedure.activeSittingIds(),
      changed: (people, factions) => roster.changed(people, factions),
    }),
    sittings: createSittingService(deps),
    procedure,
    arrangements: createArrangementService(deps, {
      people: roster.everyone,
      booths: roster.booths,
      phaseOf: async (sittingId) => (await procedure.snapshot(sittingId)).state.phase,
    }),
    booths: createBoothService(deps, { changed: (people, factions) => roster.changed(people, factions) }),
    parliamentSettings: createParliamentSettingsService(deps),
    rosterFiles: createRosterFiles(deps.now),
    adminLog: createAdminLogService(deps),
    publicProtocols: createPublicProtocols({ db: deps.db, protocol: procedure.protocol, render: renderProtocolPdf }),
    /** A protocol as PDF, through the one rendering queue (throws ProtocolBusy when it is full). */
    renderProtocolPdf,
    pubsub: deps.pubsub,
  };
}

export type Services = ReturnType<typeof createServices>;
