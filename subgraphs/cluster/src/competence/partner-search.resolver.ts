import { Args, ArgsType, Ctx, Directive, Field, ID, Int, Query, Resolver } from 'type-graphql';
import { inListOrder, type CompetenceSets } from '../../../../shared/competences';
import { pageSize } from '../../../../shared/page-size';
import type { Connection } from '../../../../shared/paging/connection';
import { argumentInRange, rejectArgument } from '../../../../shared/argument-checks';
import type { ClusterContext } from '../context';
import { toMember } from '../member/member.mapper';
import { CONNECTION_MERGE } from '../paging/connection-merge';
import { selectClusters } from '../paging/page-args';
import { PartnerNeed } from './partner-need.inputs';
import { PartnerMatch, PartnerMatchConnection } from './partner-match.type';
import { countPartners, partnerCursor, rankPartners } from './partner-search.store';

@ArgsType()
class PartnerSearchArgs {
  @Field(() => PartnerNeed)
  need: PartnerNeed;

  @Field(() => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these clusters; every cluster when omitted.' })
  clusters?: string[] | null;
}

const MAX_EMPLOYEES = 1_000_000;

/** The need's size range, checked: whole numbers, the lower end not above the upper. */
function checkedNeed(need: PartnerNeed): PartnerNeed {
  const min = need.employees?.min ?? null;
  const max = need.employees?.max ?? null;
  if (min !== null) argumentInRange(min, 'need.employees.min', 0, MAX_EMPLOYEES);
  if (max !== null) argumentInRange(max, 'need.employees.max', 0, MAX_EMPLOYEES);
  if (min !== null && max !== null) rejectArgument(min > max, 'need.employees.min', `is above need.employees.max (${max})`);
  return need;
}

/** What of the need a member brings (codes of any list), as its three lists in their enums' order. */
function matchedOf(codes: readonly string[]): CompetenceSets {
  return {
    areas: inListOrder('AREA', codes) as CompetenceSets['areas'],
    certifications: inListOrder('CERTIFICATION', codes) as CompetenceSets['certifications'],
    programmes: inListOrder('PROGRAMME', codes) as CompetenceSets['programmes'],
  };
}

@Resolver()
export class PartnerSearchResolver {
  @Query(() => PartnerMatchConnection, {
    description: 'Who, anywhere in the network, brings what a need asks for: members ranked by PartnerMatch.score, best first, in one keyset order across clusters.',
  })
  @Directive(CONNECTION_MERGE)
  async partnerSearch(@Ctx() context: ClusterContext, @Args() args: PartnerSearchArgs): Promise<Connection<PartnerMatch>> {
    const first = pageSize(args.first);
    const need = checkedNeed(args.need);
    const clusterIds = selectClusters(context.clusterIds, args.clusters);
    // The page, its members' rows, what each brings and the total: one statement whatever the page size.
    const page = await rankPartners(context.dataSource, clusterIds, need, first, args.after);
    const edges = page.rows.map((row) => ({ cursor: partnerCursor(row), node: { member: toMember(row.member), score: row.score, matched: matchedOf(row.matched) } }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: args.after !== null && args.after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      countTotal: () => (page.total !== null ? Promise.resolve(page.total) : countPartners(context.dataSource, clusterIds, need)),
    };
  }
}
