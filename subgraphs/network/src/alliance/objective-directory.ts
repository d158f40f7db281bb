import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ObjectiveEntity } from './objective.entity';

/**
 * Per-request access to the priority objectives: lookups by code are batched into one `IN` query,
 * and the full list is read at most once and primes them.
 */
export class ObjectiveDirectory {
  private readonly byCode: DataLoader<string, ObjectiveEntity | null>;
  private everything: Promise<ObjectiveEntity[]> | undefined;

  constructor(private readonly dataSource: DataSource) {
    this.byCode = new DataLoader(async (codes) => {
      const rows = await this.dataSource.getRepository(ObjectiveEntity).findBy({ code: In([...codes]) });
      const found = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => found.get(code) ?? null);
    });
  }

  /** The objective with this code; its absence means a row refers to nothing, not a bad request. */
  async require(code: string): Promise<ObjectiveEntity> {
    const objective = await this.byCode.load(code);
    if (!objective) throw new Error(`Objective "${code}" is referenced by the network but missing from the database`);
    return objective;
  }

  /** Every objective, in priority order. */
  all(): Promise<ObjectiveEntity[]> {
    this.everything ??= this.dataSource
      .getRepository(ObjectiveEntity)
      .find({ order: { position: 'ASC' } })
      .then((rows) => {
        for (const row of rows) this.byCode.prime(row.code, row);
        return rows;
      });
    return this.everything;
  }
}
