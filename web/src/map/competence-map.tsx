import { REGION_NAMES } from '../../../shared/region-names';
import type { DevelopmentRegion } from '../../../shared/network-catalog';
import { figure } from '../dashboard/format';
import { FRAME, outlinePath, placeOf, project } from './places';

export interface MapCluster {
  id: string;
  shortName: string;
  city: string;
  region: DevelopmentRegion;
  /** Members of the cluster, and of them those with the chosen competence. */
  members: number;
  withCompetence: number;
}

const OUTLINE = outlinePath(__ROMANIA_OUTLINE__);
/** A light-to-dark blue scale: shades of one hue read apart for every common colour vision. */
const SHADES = ['#deebf7', '#9ecae1', '#4292c6', '#08519c'];

function shadeOf(share: number): string {
  return SHADES[Math.min(SHADES.length - 1, Math.floor(share * SHADES.length))]!;
}

/**
 * Romania with each cluster in its city: the circle's area grows with the members that have the
 * chosen competence, its shade with their share of the cluster's members.
 */
export function CompetenceMap({ clusters, competence }: { clusters: readonly MapCluster[]; competence: string }) {
  const placed = clusters.flatMap((cluster) => {
    const place = placeOf(cluster.city);
    return place ? [{ cluster, at: project(place[1], place[0]) }] : [];
  });
  const unplaced = clusters.filter((cluster) => !placeOf(cluster.city));
  const largest = Math.max(1, ...clusters.map((cluster) => cluster.withCompetence));
  const description = clusters.map((cluster) => `${cluster.shortName} (${cluster.city}, ${REGION_NAMES[cluster.region]}) ${cluster.withCompetence} of ${cluster.members} members`).join('; ');
  return (
    <figure className="map">
      <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={`Clusters on the map of Romania, members with ${competence}: ${description}`} data-testid="competence-map">
        <path d={OUTLINE} className="country" />
        {placed.map(({ cluster, at: [x, y] }) => {
          const share = cluster.members === 0 ? 0 : cluster.withCompetence / cluster.members;
          const radius = 6 + 26 * Math.sqrt(cluster.withCompetence / largest);
          return (
            <g key={cluster.id} data-cluster={cluster.id} data-members={cluster.withCompetence} data-share={share.toFixed(3)}>
              <title>{`${cluster.shortName}, ${cluster.city}: ${cluster.withCompetence} of ${cluster.members} members (${Math.round(share * 100)} %)`}</title>
              <circle cx={x} cy={y} r={radius} fill={shadeOf(share)} className="place" />
              <text x={x} y={y + radius + 13} textAnchor="middle" className="place-label">
                {cluster.shortName} · {figure(cluster.withCompetence)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        Circle area: members with {competence}; shade: their share of the cluster&rsquo;s members ({SHADES.map((_, index) => `${Math.round((index / SHADES.length) * 100)}–${Math.round(((index + 1) / SHADES.length) * 100)} %`).join(', ')} from light to dark). Outline: Natural Earth.
        {unplaced.length > 0 && ` Not on the map (town not placed): ${unplaced.map((cluster) => cluster.shortName).join(', ')}.`}
      </figcaption>
    </figure>
  );
}
