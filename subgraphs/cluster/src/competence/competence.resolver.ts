import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';
import type { ClusterContext } from '../context';
import { Member } from '../member/member.type';
import { ClusterStats, NetworkStats } from '../stats/stats.type';
import { sumCompetenceFigures, toCompetenceSets } from './competence.store';
import { CompetenceStats, MemberCompetences } from './competence.type';

@Resolver(() => Member)
export class MemberCompetenceResolver {
  @FieldResolver(() => MemberCompetences, { description: 'Competence areas, certifications and funding programmes, as the member\u2019s people or its cluster\u2019s staff set them.' })
  async competences(@Root() member: Member, @Ctx() context: ClusterContext): Promise<MemberCompetences> {
    return toCompetenceSets(await context.loaders.competencesByMember.load(member.id));
  }
}

@Resolver(() => NetworkStats)
export class NetworkCompetenceResolver {
  @FieldResolver(() => [CompetenceStats], { description: 'Every competence area, in the enum\u2019s order: the members with it, the companies among them and their employees.' })
  @Directive(shardDirective({ merge: 'groupBy', key: 'area' }))
  async byCompetence(@Root() stats: NetworkStats, @Ctx() context: ClusterContext): Promise<CompetenceStats[]> {
    // Through the clusters' loader: asked beside byCluster's figures, the request runs the statement once.
    const kinds = stats.kinds ?? null;
    const figures = await context.loaders.competenceFiguresOfCluster.loadMany(stats.clusterIds.map((clusterId) => ({ clusterId, kinds })));
    return sumCompetenceFigures(
      figures.map((entry) => {
        if (entry instanceof Error) throw entry;
        return entry ?? [];
      }),
    );
  }
}

@Resolver(() => ClusterStats)
export class ClusterCompetenceResolver {
  @FieldResolver(() => [CompetenceStats], { description: 'This cluster\u2019s members, companies and employees by competence area, every area in the enum\u2019s order.' })
  async byCompetence(@Root() stats: ClusterStats, @Ctx() context: ClusterContext): Promise<CompetenceStats[]> {
    const figures = await context.loaders.competenceFiguresOfCluster.load({ clusterId: stats.cluster.id, kinds: stats.kinds ?? null });
    if (!figures) throw new Error(`cluster ${stats.cluster.id} is not served here`);
    return figures;
  }
}
