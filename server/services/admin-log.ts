/** Reading, exporting and verifying the admin log (appends happen in each change's own transaction: db/admin-log.ts). */
import { countAdminLog, listAdminLog, loadAdminLog } from '../db/admin-log';
import { verifyAdminLog, type AdminLogVerification, type StoredAdminEntry } from '../domain/admin-log';
import type { ServiceDeps } from './context';

export interface AdminLogExport {
  readonly format: 'plenum.admin-log/1';
  readonly exportedAt: string;
  readonly verification: AdminLogVerification;
  /** Oldest first, as chained. */
  readonly entries: readonly StoredAdminEntry[];
}

export function createAdminLogService(deps: ServiceDeps) {
  const { db, now } = deps;
  return {
    /** Newest first. */
    page: (page: { limit: number; offset: number }) => listAdminLog(db, page),
    count: () => countAdminLog(db),
    verify: async (): Promise<AdminLogVerification> => verifyAdminLog(await loadAdminLog(db)),
    async export(): Promise<AdminLogExport> {
      const entries = await loadAdminLog(db);
      return { format: 'plenum.admin-log/1', exportedAt: now().toISOString(), verification: verifyAdminLog(entries), entries };
    },
  };
}

export type AdminLogService = ReturnType<typeof createAdminLogService>;
