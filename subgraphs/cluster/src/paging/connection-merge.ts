import { shardDirective } from '../../../../shared/shard-directive';

/** The merge rule of every network-wide connection: the gateway k-way merges the shards' pages. */
export const CONNECTION_MERGE = shardDirective({ route: 'all', merge: 'connection' });
