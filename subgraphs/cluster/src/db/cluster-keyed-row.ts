import { PrimaryColumn } from 'typeorm';

/**
 * The key of every row with an id of its own: `(cluster_id, id)`, the cluster it belongs to and its
 * local id there. Rows carry their cluster id so that one database can also hold every cluster
 * (the one-database oracle); a global id is `<cluster_id>:<id>`.
 */
export abstract class ClusterKeyedRow {
  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId: string;

  @PrimaryColumn({ type: 'int' })
  id: number;
}
