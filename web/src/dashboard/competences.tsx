import { useState } from 'react';
import { COMPETENCE_AREAS } from '../../../shared/competences';
import { CompetenceMap } from '../map/competence-map';
import { figure } from './format';
import type { CompetenceFigures } from './types';

const areaLabel = (area: string) => COMPETENCE_AREAS[area as keyof typeof COMPETENCE_AREAS] ?? area;

/** Who can do what, cluster by cluster: the map coloured by one competence, and the table of them all. */
export function CompetencesPanel({ data }: { data: CompetenceFigures }) {
  const [area, setArea] = useState('AI_DATA');
  const byCluster = new Map(data.networkStats.byCluster.map((row) => [row.cluster.id, row]));
  const clusters = data.clusters.filter((cluster) => byCluster.has(cluster.id));
  const mapped = clusters.map((cluster) => {
    const row = byCluster.get(cluster.id)!;
    return { ...cluster, members: row.members, withCompetence: row.byCompetence.find((entry) => entry.area === area)?.members ?? 0 };
  });
  return (
    <section aria-labelledby="competences-title" className="panel wide" data-testid="competences">
      <h2 id="competences-title">Competences across the network</h2>
      <div className="kind pick">
        <label htmlFor="competence-choice">Competence on the map</label>
        <select id="competence-choice" value={area} onChange={(event) => setArea(event.target.value)}>
          {data.networkStats.byCompetence.map((entry) => (
            <option key={entry.area} value={entry.area}>
              {areaLabel(entry.area)}
            </option>
          ))}
        </select>
      </div>
      <CompetenceMap clusters={mapped} competence={areaLabel(area)} />
      <h3 id="competence-table-title">Members by competence and cluster</h3>
      <div className="scroll">
        <table data-testid="competence-table" aria-labelledby="competence-table-title">
          <thead>
            <tr>
              <th scope="col">Competence</th>
              {clusters.map((cluster) => (
                <th scope="col" key={cluster.id}>
                  {cluster.shortName}
                </th>
              ))}
              <th scope="col">Network</th>
              <th scope="col">Companies</th>
              <th scope="col">Their employees</th>
            </tr>
          </thead>
          <tbody>
            {data.networkStats.byCompetence.map((entry) => (
              <tr key={entry.area} data-area={entry.area}>
                <th scope="row">{areaLabel(entry.area)}</th>
                {clusters.map((cluster) => (
                  <td key={cluster.id} data-cluster={cluster.id}>
                    {figure(byCluster.get(cluster.id)!.byCompetence.find((figures) => figures.area === entry.area)?.members ?? 0)}
                  </td>
                ))}
                <td data-column="members">{figure(entry.members)}</td>
                <td data-column="companies">{figure(entry.companies)}</td>
                <td data-column="employees">{figure(entry.employees)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        <a href="/partners">Find partners</a> for a need or a call among them.
      </p>
    </section>
  );
}
