import { useCallback, useMemo, useState } from 'react';
import { tokenStore, type ShardStatus } from '../api';
import { Filters, type Filter } from './filters';
import { CompetencesPanel } from './competences';
import { ClusterTable, CollaborationMatrix, HeadlineFigures, InitiativesPanel, MissingClusters, ProjectsAndGroupsPanel } from './sections';
import { ShardHealth } from './shard-health';
import { SignIn } from './sign-in';
import type { ClusterRows, Collaboration, CompetenceFigures, Headline, Initiatives, ProjectsAndGroups, Viewer } from './types';
import { useOperation } from './use-operation';

export function App() {
  const [token, setToken] = useState<string | null>(() => tokenStore.get());
  const [filter, setFilter] = useState<Filter>({ clusters: null, kind: null });
  const [refresh, setRefresh] = useState(0);
  const scope = { clusters: filter.clusters };
  const memberScope = { ...scope, kinds: filter.kind ? [filter.kind] : null };

  const viewer = useOperation<Viewer>('DashboardViewer', {}, token);
  const headline = useOperation<Headline>('DashboardHeadline', memberScope, token, refresh);
  const clusters = useOperation<ClusterRows>('DashboardClusters', memberScope, token, refresh);
  const collaboration = useOperation<Collaboration>('DashboardCollaboration', scope, token, refresh);
  const projects = useOperation<ProjectsAndGroups>('DashboardProjectsAndGroups', scope, token, refresh);
  const initiatives = useOperation<Initiatives>('DashboardInitiatives', scope, token, refresh);
  const competences = useOperation<CompetenceFigures>('DashboardCompetences', memberScope, token, refresh);

  const allClusters = useMemo(() => headline.data?.clusters ?? [], [headline.data]);
  const names = useMemo(() => new Map(allClusters.map((cluster) => [cluster.id, cluster.name])), [allClusters]);
  // When a cluster comes back or goes away, the figures are asked for again.
  const [lastDown, setLastDown] = useState('');
  const onHealth = useCallback(
    (statuses: ShardStatus[]) => {
      const down = statuses.filter((shard) => shard.status === 'down').flatMap((shard) => shard.clusters).join(',');
      if (down !== lastDown) {
        setLastDown(down);
        setRefresh((value) => value + 1);
      }
    },
    [lastDown],
  );

  const signIn = (next: string | null) => {
    tokenStore.set(next);
    setToken(next);
  };
  const errors = [headline, clusters, collaboration, projects, initiatives, competences].flatMap((state) => state.errors);
  const unauthenticated = viewer.errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED');
  const failure = [headline, clusters, collaboration, projects, initiatives, competences].find((state) => state.failure)?.failure;
  const loading = [headline, clusters, collaboration, projects, initiatives, competences].some((state) => state.loading);

  return (
    <>
      <header className="top">
        <h1>IT-RO Network</h1>
        <SignIn token={token} viewer={viewer.data?.viewer ?? null} onToken={signIn} />
      </header>
      <main aria-busy={loading}>
        {unauthenticated && (
          <p role="alert" className="notice">
            The token was refused (expired or not ours): you see what everyone sees. <button onClick={() => signIn(null)}>Sign out</button>
          </p>
        )}
        {failure && (
          <p role="alert" className="notice">
            The gateway does not answer: {failure}
          </p>
        )}
        <MissingClusters errors={dedupe(errors)} names={names} />
        <div className="grid">
          {allClusters.length > 0 && <Filters clusters={allClusters} filter={filter} onChange={setFilter} />}
          {headline.data && <HeadlineFigures data={headline.data} />}
          <ShardHealth names={names} onChange={onHealth} />
          {projects.data && <ProjectsAndGroupsPanel data={projects.data} />}
          {clusters.data && <ClusterTable data={clusters.data} />}
          {competences.data && <CompetencesPanel data={competences.data} />}
          {collaboration.data && <CollaborationMatrix data={collaboration.data} clusters={allClusters} />}
          {initiatives.data && <InitiativesPanel data={initiatives.data} />}
        </div>
      </main>
      <footer className="muted">
        Data through the gateway's GraphQL API. <a href="/partners">Find partners</a>. Analysts: <a href="/graphiql">the workbench</a>.
      </footer>
    </>
  );
}

/** The same missing cluster is reported by every operation; say it once. */
function dedupe<T extends { message: string }>(errors: T[]): T[] {
  const seen = new Set<string>();
  return errors.filter((error) => !seen.has(error.message) && seen.add(error.message));
}
