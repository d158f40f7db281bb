import { label } from './format';
import { MEMBER_KINDS, type MemberKind } from './types';

export interface Filter {
  /** Null: every cluster. */
  clusters: string[] | null;
  /** Null: every kind. */
  kind: MemberKind | null;
}

/** Which clusters, and which helix kind, the figures count. */
export function Filters({ clusters, filter, onChange }: { clusters: Array<{ id: string; shortName: string }>; filter: Filter; onChange: (filter: Filter) => void }) {
  const chosen = new Set(filter.clusters ?? clusters.map((cluster) => cluster.id));
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange({ ...filter, clusters: next.size === clusters.length ? null : clusters.map((cluster) => cluster.id).filter((candidate) => next.has(candidate)) });
  };
  return (
    <form className="filters panel wide" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>Clusters</legend>
        {clusters.map((cluster) => (
          <label key={cluster.id} className="check">
            <input type="checkbox" name="cluster" value={cluster.id} checked={chosen.has(cluster.id)} onChange={() => toggle(cluster.id)} />
            {cluster.shortName}
          </label>
        ))}
        <button type="button" onClick={() => onChange({ ...filter, clusters: null })} disabled={filter.clusters === null}>
          All clusters
        </button>
      </fieldset>
      <label className="kind">
        Helix kind
        <select value={filter.kind ?? ''} onChange={(event) => onChange({ ...filter, kind: (event.target.value || null) as MemberKind | null })}>
          <option value="">Every kind</option>
          {MEMBER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {label(kind)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
