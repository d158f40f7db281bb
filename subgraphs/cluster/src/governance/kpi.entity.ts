import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';

/** A key performance indicator negotiated with the executive director for one period. */
@Entity({ name: 'kpis' })
export class KpiEntity extends ClusterKeyedRow {
  /** The executive director it was negotiated with. */
  @Column({ name: 'person_id', type: 'int' })
  personId: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  unit: string;

  @Column({ type: 'int' })
  target: number;

  /** Null while the period runs and nothing is measured yet. */
  @Column({ type: 'int', nullable: true })
  actual: number | null;

  @Column({ name: 'period_start', type: 'varchar', length: 10 })
  periodStart: string;

  @Column({ name: 'period_end', type: 'varchar', length: 10 })
  periodEnd: string;
}
