import { Bar, Doughnut } from 'react-chartjs-2';
import type { GraphQLError } from '../api';
import { PALETTE } from './charts';
import { figure, label, regionName } from './format';
import type { ClusterRows, Collaboration, Headline, Initiatives, ProjectsAndGroups } from './types';

/** Clusters whose data an answer lacks, with why: the page says so instead of showing wrong totals silently. */
export function MissingClusters({ errors, names }: { errors: GraphQLError[]; names: Map<string, string> }) {
  const missing = new Map<string, string>();
  for (const error of errors) if (error.extensions?.code === 'CLUSTER_UNAVAILABLE' && error.extensions.cluster) missing.set(error.extensions.cluster, String(error.extensions.reason ?? 'unavailable'));
  const others = errors.filter((error) => error.extensions?.code !== 'CLUSTER_UNAVAILABLE');
  if (missing.size === 0 && others.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="missing-clusters">
      {missing.size > 0 && (
        <p>
          Without data from {[...missing.keys()].map((id) => names.get(id) ?? id).join(', ')} ({[...new Set(missing.values())].join('; ')}): the figures below count the other clusters only.
        </p>
      )}
      {others.map((error, index) => (
        <p key={index}>{error.message}</p>
      ))}
    </div>
  );
}

export function HeadlineFigures({ data }: { data: Headline }) {
  const stats = data.networkStats;
  const cards: Array<[string, string, number]> = [
    ['clusters', 'Clusters', data.clusters.length],
    ['companies', 'Member companies', stats.companies],
    ['employees', 'Employees', stats.employees],
    ['members', 'Members', stats.members],
    ['projects', 'Projects', stats.projects],
  ];
  const kinds = stats.byKind.filter((entry) => entry.count > 0);
  return (
    <section aria-labelledby="headline-title" className="panel wide">
      <h2 id="headline-title">The network</h2>
      <dl className="figures">
        {cards.map(([key, name, value]) => (
          <div key={key} className="figure">
            <dt>{name}</dt>
            <dd data-figure={key}>{figure(value)}</dd>
          </div>
        ))}
      </dl>
      <h3 id="kinds-title">Members by helix kind</h3>
      <div className="chart" role="img" aria-label={`Members by helix kind: ${kinds.map((entry) => `${label(entry.kind)} ${entry.count}`).join(', ')}`}>
        <Bar
          data={{ labels: kinds.map((entry) => label(entry.kind)), datasets: [{ label: 'Members', data: kinds.map((entry) => entry.count), backgroundColor: PALETTE[0] }] }}
          options={{ indexAxis: 'y', plugins: { legend: { display: false } } }}
        />
      </div>
      <table aria-labelledby="kinds-title" className="compact">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Members</th>
            <th scope="col">Employees</th>
          </tr>
        </thead>
        <tbody>
          {stats.byKind.map((entry) => (
            <tr key={entry.kind} data-kind={entry.kind}>
              <th scope="row">{label(entry.kind)}</th>
              <td>{figure(entry.count)}</td>
              <td>{figure(entry.employees)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ClusterTable({ data }: { data: ClusterRows }) {
  const figures = new Map(data.networkStats.byCluster.map((row) => [row.cluster.id, row]));
  const rows = data.clusters.filter((cluster) => figures.has(cluster.id));
  const regions = new Map<string, { companies: number; employees: number }>();
  for (const cluster of rows) {
    const row = figures.get(cluster.id)!;
    const region = regions.get(cluster.region) ?? { companies: 0, employees: 0 };
    regions.set(cluster.region, { companies: region.companies + row.companies, employees: region.employees + row.employees });
  }
  const regionNames = [...regions.keys()];
  return (
    <section aria-labelledby="clusters-title" className="panel wide">
      <h2 id="clusters-title">Clusters</h2>
      <div className="scroll">
        <table data-testid="cluster-table">
          <thead>
            <tr>
              <th scope="col">Cluster</th>
              <th scope="col">Region</th>
              <th scope="col">Members</th>
              <th scope="col">Companies</th>
              <th scope="col">Employees</th>
              <th scope="col">Projects</th>
              <th scope="col">Representative</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((cluster) => {
              const row = figures.get(cluster.id)!;
              return (
                <tr key={cluster.id} data-cluster={cluster.id}>
                  <th scope="row">{cluster.name}</th>
                  <td>{regionName(cluster.region)}</td>
                  <td data-column="members">{figure(row.members)}</td>
                  <td data-column="companies">{figure(row.companies)}</td>
                  <td data-column="employees">{figure(row.employees)}</td>
                  <td data-column="projects">{figure(row.projects)}</td>
                  <td>{cluster.representative}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3 id="regions-title">By development region</h3>
      <div
        className="chart"
        role="img"
        aria-label={`Companies and employees by development region: ${regionNames.map((name) => `${regionName(name)} ${regions.get(name)!.companies} companies, ${regions.get(name)!.employees} employees`).join('; ')}`}
      >
        <Bar
          data={{
            labels: regionNames.map(regionName),
            datasets: [
              { label: 'Employees', data: regionNames.map((name) => regions.get(name)!.employees), backgroundColor: PALETTE[0], yAxisID: 'employees' },
              { label: 'Companies', data: regionNames.map((name) => regions.get(name)!.companies), backgroundColor: PALETTE[1], yAxisID: 'companies' },
            ],
          }}
          options={{ scales: { employees: { position: 'left' }, companies: { position: 'right', grid: { drawOnChartArea: false } } } }}
        />
      </div>
    </section>
  );
}

/** Which clusters work together, and how much: a matrix of shared projects. */
export function CollaborationMatrix({ data, clusters }: { data: Collaboration; clusters: Array<{ id: string; shortName: string }> }) {
  const pairs = data.networkStats.collaboration;
  const involved = clusters.filter((cluster) => pairs.some((pair) => pair.first.id === cluster.id || pair.second.id === cluster.id));
  const count = (a: string, b: string) => pairs.find((pair) => (pair.first.id === a && pair.second.id === b) || (pair.first.id === b && pair.second.id === a))?.projects ?? 0;
  const most = Math.max(1, ...pairs.map((pair) => pair.projects));
  return (
    <section aria-labelledby="collaboration-title" className="panel wide">
      <h2 id="collaboration-title">Who works with whom</h2>
      <p className="hint">Projects that join members of two clusters.</p>
      {involved.length === 0 ? (
        <p>No projects join members of two of the clusters shown.</p>
      ) : (
        <div className="scroll">
          <table className="matrix" data-testid="collaboration-matrix">
            <thead>
              <tr>
                <td />
                {involved.map((cluster) => (
                  <th key={cluster.id} scope="col">
                    {cluster.shortName}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {involved.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.shortName}</th>
                  {involved.map((column) => {
                    const value = row.id === column.id ? null : count(row.id, column.id);
                    return (
                      <td key={column.id} style={value ? { backgroundColor: `rgba(0, 114, 178, ${0.15 + (0.75 * value) / most})`, color: value / most > 0.55 ? '#fff' : undefined } : undefined}>
                        {value === null ? '–' : figure(value)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ProjectsAndGroupsPanel({ data }: { data: ProjectsAndGroups }) {
  const statuses = data.networkStats.projectsByStatus;
  const groups = [...data.workingGroups.edges].map((edge) => edge.node).sort((a, b) => b.participantCount - a.participantCount).slice(0, 8);
  return (
    <>
      <section aria-labelledby="status-title" className="panel">
        <h2 id="status-title">Projects by status</h2>
        <div className="chart small" role="img" aria-label={`Projects by status: ${statuses.map((entry) => `${label(entry.status)} ${entry.count}`).join(', ')}`}>
          <Doughnut data={{ labels: statuses.map((entry) => label(entry.status)), datasets: [{ data: statuses.map((entry) => entry.count), backgroundColor: PALETTE.slice(0, statuses.length) }] }} />
        </div>
        <ul className="legend">
          {statuses.map((entry) => (
            <li key={entry.status} data-status={entry.status}>
              {label(entry.status)}: {figure(entry.count)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="groups-title" className="panel">
        <h2 id="groups-title">Working groups</h2>
        <p className="hint">{figure(data.workingGroups.totalCount)} groups; the largest:</p>
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Cluster</th>
              <th scope="col">Members</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.id}>
                <th scope="row">{group.name}</th>
                <td>{group.cluster.shortName}</td>
                <td>{figure(group.participantCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

export function InitiativesPanel({ data }: { data: Initiatives }) {
  const network = [...data.network.initiatives].sort((a, b) => b.startedOn.localeCompare(a.startedOn)).slice(0, 5);
  return (
    <section aria-labelledby="initiatives-title" className="panel wide">
      <h2 id="initiatives-title">Initiatives</h2>
      <div className="columns">
        <div>
          <h3>Before the clusters' boards</h3>
          <ul className="items">
            {data.initiatives.edges.map(({ node }) => (
              <li key={node.id}>
                <strong>{node.title}</strong> <span className="muted">({node.cluster.shortName}, proposed {node.proposedOn})</span>{' '}
                <span className={`badge ${node.status.toLowerCase()}`}>{label(node.status)}</span>
                {node.decidedAt && <span className="muted"> on {node.decidedAt.heldOn}</span>}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Of the whole network</h3>
          <ul className="items">
            {network.map((initiative) => (
              <li key={initiative.id}>
                <strong>{initiative.title}</strong> <span className="muted">(led by {initiative.leadCluster.shortName}, from {initiative.startedOn})</span>{' '}
                <span className={`badge ${initiative.status.toLowerCase()}`}>{label(initiative.status)}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
