import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

/**
 * The registry's Cluster, extended here with what a cluster's own data says (its members, its
 * figures). Its id is the shard: the gateway sends a Cluster straight to that cluster.
 */
@ObjectType('Cluster', PLAIN_FIELDS)
@Directive('@key(fields: "id")')
@Directive(shardDirective({ route: 'cluster', arg: 'id' }))
export class ClusterNode {
  @Field(() => ID)
  id: string;
}

/** A Cluster named by id only, for subgraphs that reference clusters without extending them. */
@ObjectType('Cluster', PLAIN_FIELDS)
@Directive('@key(fields: "id", resolvable: false)')
// Not resolved here; the route says its key is a cluster id, which the gateway checks as such.
@Directive(shardDirective({ route: 'cluster', arg: 'id' }))
export class ClusterStub {
  @Field(() => ID)
  id: string;
}
