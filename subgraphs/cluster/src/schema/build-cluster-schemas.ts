import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../../../shared/server/federated-schema';
import { SHARD_DIRECTIVE_SDL } from '../../../../shared/shard-directive';
import type { ShardedSubgraphName } from '../../../../shared/sharded-subgraphs';
import type { ClusterContext } from '../context';
import { ClusterMembersResolver, MemberResolver, resolveClusterReference, resolveMemberReference } from '../member/member.resolver';
import { ParticipationResolver, resolveParticipationReference } from '../participation/participation.resolver';
import { MemberParticipation, ProjectStub } from '../participation/participation.type';
import { MemberConnectionResolver } from '../member/member.connection';
import { ProjectConnectionResolver } from '../project/project.connection';
import { ProjectResolver, resolveProjectReference } from '../project/project.resolver';
import { ClusterStatsResolver, NetworkStatsResolver } from '../stats/stats.resolver';

type Reference = (reference: { id: string }, context: never) => unknown;

/** The three logical subgraphs one cluster deployment serves, each with its SDL. */
export async function buildClusterSchemas(): Promise<Record<ShardedSubgraphName, { schema: GraphQLSchema; sdl: string }>> {
  const [members, projects, participation] = await Promise.all([
    buildFederatedSchema({
      resolvers: [MemberResolver, MemberConnectionResolver, ClusterMembersResolver, NetworkStatsResolver, ClusterStatsResolver],
      references: {
        Member: resolveMemberReference as Reference,
        Cluster: resolveClusterReference as Reference,
      },
      extraSdl: SHARD_DIRECTIVE_SDL,
    }),
    buildFederatedSchema({
      resolvers: [ProjectResolver, ProjectConnectionResolver],
      references: { Project: resolveProjectReference as (reference: { id: string }, context: ClusterContext) => unknown as Reference },
      extraSdl: SHARD_DIRECTIVE_SDL,
    }),
    buildFederatedSchema({
      resolvers: [ParticipationResolver],
      // Reached only through `_entities`, so type-graphql would otherwise leave them out.
      orphanedTypes: [MemberParticipation, ProjectStub],
      references: { Member: resolveParticipationReference as Reference },
      extraSdl: SHARD_DIRECTIVE_SDL,
    }),
  ]);
  return { members, projects, participation };
}
