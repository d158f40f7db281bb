import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';

/** A Board of Directors for one two-year term, elected by a General Assembly. */
@Entity({ name: 'boards' })
export class BoardEntity extends ClusterKeyedRow {
  @Column({ name: 'elected_at_assembly_id', type: 'int' })
  electedAtAssemblyId: number;

  @Column({ name: 'term_start', type: 'varchar', length: 10 })
  termStart: string;

  @Column({ name: 'term_end', type: 'varchar', length: 10 })
  termEnd: string;
}
