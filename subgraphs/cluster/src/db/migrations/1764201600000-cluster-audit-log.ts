import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTable } from '../../../../../shared/audit/audit-table';

/** The cluster's audit log: every write to its data, with who made it and the row before and after. */
export class ClusterAuditLog1764201600000 implements MigrationInterface {
  name = 'ClusterAuditLog1764201600000';

  async up(runner: QueryRunner): Promise<void> {
    await createAuditTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('audit_log');
  }
}
