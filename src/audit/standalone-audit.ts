import type { DataSource } from 'typeorm';
import { AuditSequencer } from 'src/audit/audit-sequencer.service';
import { AuditService } from 'src/audit/audit.service';
import { createRootLogger } from 'src/common/logging/logger';
import type { AppConfig } from 'src/config/config';

/**
 * The audit service outside the Nest container (the backup and restore commands): entries it
 * writes are linked by its own sequencer; `close()` links what is pending and waits for the last
 * pass, so call it before destroying the data source.
 */
export function standaloneAudit(dataSource: DataSource, masterKey: Buffer): { audit: AuditService; close(): Promise<void> } {
  const sequencer = new AuditSequencer(dataSource, { masterKey } as AppConfig, createRootLogger('silent', 'cli'));
  return {
    audit: new AuditService(dataSource, sequencer),
    close: async () => {
      await sequencer.settle();
      await sequencer.onModuleDestroy();
    },
  };
}
