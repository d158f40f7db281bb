import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyTable, IDEMPOTENCY_TABLE } from '../../../../../shared/idempotency/idempotency-table';

/** Keyed writes and their outcomes (see shared/idempotency), so that a retried write is not written twice. */
export class IdempotencyKeys1764374400000 implements MigrationInterface {
  name = 'IdempotencyKeys1764374400000';

  async up(runner: QueryRunner): Promise<void> {
    await createIdempotencyTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable(IDEMPOTENCY_TABLE);
  }
}
