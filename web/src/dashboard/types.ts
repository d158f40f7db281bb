import type { DevelopmentRegion } from '../../../shared/network-catalog';

/** The shapes of the dashboard operations' answers (gateway/src/persisted-queries/dashboard-operations.ts). */
export const MEMBER_KINDS = ['STARTUP', 'SME', 'LARGE_ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'PUBLIC_AUTHORITY', 'CATALYST', 'COMMUNITY'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

export interface ClusterRef {
  id: string;
  shortName: string;
}

export interface Viewer {
  viewer: { role: string; subject: string | null; memberId: string | null; cluster: { id: string; name: string } | null };
}

export interface Headline {
  clusters: Array<{ id: string; name: string; shortName: string }>;
  networkStats: { members: number; companies: number; employees: number; projects: number; byKind: Array<{ kind: MemberKind; count: number; employees: number }> };
}

export interface ClusterRows {
  clusters: Array<{ id: string; name: string; shortName: string; city: string; region: string; representative: string }>;
  networkStats: { byCluster: Array<{ cluster: { id: string }; members: number; companies: number; employees: number; projects: number }> };
}

export interface Collaboration {
  networkStats: { collaboration: Array<{ pair: string; first: ClusterRef; second: ClusterRef; projects: number }> };
}

export interface ProjectsAndGroups {
  networkStats: { projectsByStatus: Array<{ status: string; count: number }> };
  workingGroups: { totalCount: number; edges: Array<{ node: { id: string; name: string; cluster: ClusterRef; participantCount: number } }> };
}

export interface Initiatives {
  initiatives: { edges: Array<{ node: { id: string; title: string; status: string; proposedOn: string; cluster: ClusterRef; decidedAt: { heldOn: string } | null } }> };
  network: { initiatives: Array<{ id: string; title: string; status: string; startedOn: string; leadCluster: ClusterRef }> };
}

export interface CompetenceFigures {
  clusters: Array<{ id: string; shortName: string; city: string; region: DevelopmentRegion }>;
  networkStats: {
    byCompetence: Array<{ area: string; members: number; companies: number; employees: number }>;
    byCluster: Array<{ cluster: { id: string }; members: number; byCompetence: Array<{ area: string; members: number }> }>;
  };
}
