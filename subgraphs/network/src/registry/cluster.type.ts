import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { DevelopmentRegion } from '../../../../shared/network-catalog';
import { DEVELOPMENT_REGIONS } from '../../../../shared/development-region';
import { ClusterStatus } from './cluster-status';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

/**
 * The registry's view of a cluster. It is the entity that every cluster subgraph extends (members,
 * projects, stats), so its key is the cluster id and nothing else.
 */
@Directive('@key(fields: "id")')
@ObjectType('Cluster', { ...PLAIN_FIELDS, description: 'A member cluster of the IT-RO network.' })
export class Cluster {
  @Field(() => ID, { description: 'The cluster id, e.g. "banat"; the prefix of every global id it owns.' })
  id: string;

  @Field({ description: 'Full name, e.g. "Cluster for Innovation and Technology – ALT Brașov".' })
  name: string;

  @Field({ description: 'Name for tables and charts, e.g. "ALT Brașov".' })
  shortName: string;

  @Field({ description: 'City of the cluster\u2019s seat.' })
  city: string;

  @Field(() => DEVELOPMENT_REGIONS)
  region: DevelopmentRegion;

  @Field({ description: 'Base URL where the cluster\u2019s subgraph answers (GraphQL at `/graphql`).' })
  url: string;

  @Field({ description: 'The cluster\u2019s representative on the network committee.' })
  representative: string;

  @Field(() => Int, { description: 'Registry order, 0-based.' })
  position: number;

  @Field(() => ClusterStatus, { description: 'Whether its data is served (ACTIVE) or held back (SUSPENDED); RETIRED only in the answer of `retireCluster`.' })
  status: ClusterStatus;
}
