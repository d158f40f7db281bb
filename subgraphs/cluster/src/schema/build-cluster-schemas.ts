import { AuditEntryConnectionTypes, AuditLogResolver } from '../audit/audit-log.resolver';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, type SchemaRevision } from '../../../../shared/server/federated-schema';
import { SHARD_DIRECTIVE_SDL } from '../../../../shared/shard-directive';
import type { ShardedSubgraphName } from '../../../../shared/sharded-subgraphs';
import { ClusterActivityResolver } from '../cluster-ref/cluster-activity.resolver';
import { EventConnectionTypes, EventResolver, resolveEventReference } from '../event/event.resolver';
import {
  BoardMeetingResolver,
  BoardResolver,
  GeneralAssemblyResolver,
  InitiativeConnectionTypes,
  InitiativeResolver,
  KpiResolver,
  resolveInitiativeReference,
  resolveMeetingReference,
} from '../governance/governance.resolver';
import { MemberActivityResolver } from '../member/member-activity.resolver';
import { MemberConnectionResolver } from '../member/member.connection';
import { ClusterMembersResolver, MemberResolver, resolveClusterReference, resolveMemberReference } from '../member/member.resolver';
import { MembershipResolver } from '../membership/membership.resolver';
// Loaded in this order, the order in which the schema lists the mutations and their inputs.
import { MemberMutations } from '../member/member.mutations';
import { MembershipMutations } from '../membership/membership.mutations';
import { WorkingGroupMutations } from '../working-group/working-group.mutations';
import { ServiceMutations } from '../service/service.mutations';
import { GovernanceMutations } from '../governance/governance.mutations';
import { ProjectMutations } from '../project/project.mutations';
import { EventMutations } from '../event/event.mutations';
import { CompetenceMutations } from '../competence/competence.mutations';
import { ClusterCompetenceResolver, MemberCompetenceResolver, NetworkCompetenceResolver } from '../competence/competence.resolver';
import { PartnerMatchConnectionResolver } from '../competence/partner-match.type';
import { PartnerSearchResolver } from '../competence/partner-search.resolver';
import { ParticipationResolver, resolveParticipationReference } from '../participation/participation.resolver';
import { MemberParticipation, ProjectStub } from '../participation/participation.type';
import { PersonResolver, PersonRoleResolver } from '../person/person.resolver';
import { resolvePersonReference } from '../person/person.reference';
import { ProjectConnectionResolver } from '../project/project.connection';
import { ProjectResolver, resolveProjectReference } from '../project/project.resolver';
import { resolveServiceReference, ServiceRequestResolver, ServiceResolver } from '../service/service.resolver';
import { ClusterStatsResolver, NetworkStatsDetailResolver, NetworkStatsResolver } from '../stats/stats.resolver';
import { resolveWorkingGroupReference, WorkingGroupConnectionTypes, WorkingGroupResolver } from '../working-group/working-group.resolver';

type Reference = (reference: { id: string }, context: never) => unknown;


/**
 * The three logical subgraphs one cluster deployment serves, each with its SDL:
 * - members: the cluster's organisation (members, people, governance, working groups, services,
 *   figures), where every reference is to a row of the same cluster;
 * - projects: collaboration open to every cluster's members (projects, engagements, events), where
 *   members are named by id and fetched from their own cluster;
 * - participation: what every cluster knows of one member (the projects it takes part in).
 */
export async function buildClusterSchemas(
  revisions: Partial<Record<ShardedSubgraphName, SchemaRevision>> = {},
): Promise<Record<ShardedSubgraphName, { schema: GraphQLSchema; sdl: string; servedSdl: string }>> {
  const [members, projects, participation] = await Promise.all([
    buildFederatedSchema({
      resolvers: [
        MemberResolver,
        MemberConnectionResolver,
        MemberActivityResolver,
        MembershipResolver,
        ClusterMembersResolver,
        ClusterActivityResolver,
        NetworkStatsResolver,
        NetworkStatsDetailResolver,
        ClusterStatsResolver,
        PersonResolver,
        PersonRoleResolver,
        GeneralAssemblyResolver,
        BoardResolver,
        BoardMeetingResolver,
        InitiativeResolver,
        InitiativeConnectionTypes.TotalCountResolver,
        KpiResolver,
        WorkingGroupResolver,
        WorkingGroupConnectionTypes.TotalCountResolver,
        ServiceResolver,
        ServiceRequestResolver,
        MemberMutations,
        MembershipMutations,
        WorkingGroupMutations,
        ServiceMutations,
        GovernanceMutations,
        AuditLogResolver,
        AuditEntryConnectionTypes.TotalCountResolver,
        MemberCompetenceResolver,
        NetworkCompetenceResolver,
        ClusterCompetenceResolver,
        PartnerSearchResolver,
        PartnerMatchConnectionResolver,
        CompetenceMutations,
      ],
      references: {
        Member: resolveMemberReference as Reference,
        Cluster: resolveClusterReference as Reference,
        Person: resolvePersonReference as Reference,
        WorkingGroup: resolveWorkingGroupReference as Reference,
        Initiative: resolveInitiativeReference as Reference,
        BoardMeeting: resolveMeetingReference as Reference,
        Service: resolveServiceReference as Reference,
      },
      extraSdl: SHARD_DIRECTIVE_SDL,
      revision: revisions.members,
    }),
    buildFederatedSchema({
      resolvers: [ProjectResolver, ProjectConnectionResolver, EventResolver, EventConnectionTypes.TotalCountResolver, ProjectMutations, EventMutations],
      references: { Project: resolveProjectReference as Reference, Event: resolveEventReference as Reference },
      extraSdl: SHARD_DIRECTIVE_SDL,
      revision: revisions.projects,
    }),
    buildFederatedSchema({
      resolvers: [ParticipationResolver],
      // Reached only through `_entities`, so type-graphql would otherwise leave them out.
      orphanedTypes: [MemberParticipation, ProjectStub],
      references: { Member: resolveParticipationReference as Reference },
      extraSdl: SHARD_DIRECTIVE_SDL,
      revision: revisions.participation,
    }),
  ]);
  return { members, projects, participation };
}
