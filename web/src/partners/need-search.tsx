import { useState, type FormEvent } from 'react';
import { DASHBOARD_OPERATIONS } from '../../../gateway/src/persisted-queries/dashboard-operations';
import { runOperation, type GraphQLError } from '../api';
import { figure, label, regionName } from '../dashboard/format';
import { Choices } from './choices';
import { download } from './download';
import { AREA_OPTIONS, areaLabel, CERTIFICATION_OPTIONS, certificationLabel, KIND_OPTIONS, PROGRAMME_OPTIONS, programmeLabel, REGION_OPTIONS } from './lists';

interface Match {
  score: number;
  matched: { areas: string[]; certifications: string[]; programmes: string[] };
  member: { id: string; name: string; kind: string; employees: number; city: string; region: string | null; cluster: { id: string; shortName: string } };
}

interface Matches {
  partnerSearch: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Match }> };
}

export interface Need {
  competences: string[];
  certifications: string[];
  programmes: string[];
  kinds: string[];
  regions: string[];
  min: string;
  max: string;
}

/** The need as `PartnerNeed` takes it: lists left empty ask nothing, an empty size bound is open. */
export function needInput(need: Need): Record<string, unknown> {
  const employees = { ...(need.min ? { min: Number(need.min) } : {}), ...(need.max ? { max: Number(need.max) } : {}) };
  return {
    competences: need.competences,
    ...(need.certifications.length ? { certifications: need.certifications } : {}),
    ...(need.programmes.length ? { programmes: need.programmes } : {}),
    ...(need.kinds.length ? { kinds: need.kinds } : {}),
    ...(need.regions.length ? { regions: need.regions } : {}),
    ...(need.min || need.max ? { employees } : {}),
  };
}

/** A need described by hand, its matches page by page, and the whole list as CSV. */
export function NeedSearch({ token }: { token: string | null }) {
  const [need, setNeed] = useState<Need>({ competences: ['AI_DATA', 'CYBERSECURITY'], certifications: [], programmes: [], kinds: [], regions: [], min: '', max: '' });
  const [matches, setMatches] = useState<Matches['partnerSearch'] | null>(null);
  const [errors, setErrors] = useState<GraphQLError[]>([]);
  const [busy, setBusy] = useState(false);
  const change = (part: Partial<Need>) => setNeed((previous) => ({ ...previous, ...part }));

  const search = async (after: string | null) => {
    setBusy(true);
    const answer = await runOperation<Matches>('DashboardPartners', { need: needInput(need), after }, token).finally(() => setBusy(false));
    setErrors(answer.errors);
    const page = answer.data?.partnerSearch ?? null;
    setMatches((previous) => (page && after && previous ? { ...page, edges: [...previous.edges, ...page.edges] } : page));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(null);
  };
  const exportAll = async () => {
    const response = await fetch('/export?format=csv', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: DASHBOARD_OPERATIONS.DashboardPartners, variables: { need: needInput(need) }, operationName: 'DashboardPartners' }),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { errors?: GraphQLError[] };
      setErrors(body.errors ?? [{ message: `The export failed: HTTP ${response.status}` }]);
      return;
    }
    download('partners.csv', await response.blob());
  };

  return (
    <section aria-labelledby="need-title" className="panel wide">
      <h2 id="need-title">Describe a need</h2>
      <form className="finder" onSubmit={submit} aria-label="Need">
        <Choices legend="Competences (ranked first)" name="competence" options={AREA_OPTIONS} picked={need.competences} onChange={(competences) => change({ competences })} />
        <Choices legend="Certifications" name="certification" options={CERTIFICATION_OPTIONS} picked={need.certifications} onChange={(certifications) => change({ certifications })} />
        <Choices legend="Funding programmes" name="programme" options={PROGRAMME_OPTIONS} picked={need.programmes} onChange={(programmes) => change({ programmes })} />
        <Choices legend="Only these kinds" name="kind" options={KIND_OPTIONS} picked={need.kinds} onChange={(kinds) => change({ kinds })} />
        <Choices legend="Only these regions" name="region" options={REGION_OPTIONS} picked={need.regions} onChange={(regions) => change({ regions })} />
        <div className="row">
          <label>
            Employees from
            <input type="number" min={0} name="min" value={need.min} onChange={(event) => change({ min: event.target.value })} />
          </label>
          <label>
            to
            <input type="number" min={0} name="max" value={need.max} onChange={(event) => change({ max: event.target.value })} />
          </label>
          <button type="submit" disabled={busy}>
            Find partners
          </button>
          <button type="button" onClick={() => void exportAll()} disabled={!matches || matches.totalCount === 0}>
            Export CSV
          </button>
        </div>
      </form>
      <Errors errors={errors} />
      {matches && (
        <>
          <p data-testid="match-count">
            {figure(matches.totalCount)} members match; best first. Score: 1000 per competence, 100 per certification, 10 per programme, 1 for the size.
          </p>
          <div className="scroll">
            <table data-testid="matches">
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Score</th>
                  <th scope="col">Brings</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Employees</th>
                  <th scope="col">City</th>
                  <th scope="col">Region</th>
                  <th scope="col">Cluster</th>
                </tr>
              </thead>
              <tbody>
                {matches.edges.map(({ node }) => (
                  <tr key={node.member.id} data-member={node.member.id}>
                    <th scope="row">{node.member.name}</th>
                    <td data-column="score">{node.score}</td>
                    <td>{[...node.matched.areas.map(areaLabel), ...node.matched.certifications.map(certificationLabel), ...node.matched.programmes.map(programmeLabel)].join(', ')}</td>
                    <td>{label(node.member.kind)}</td>
                    <td>{figure(node.member.employees)}</td>
                    <td>{node.member.city}</td>
                    <td>{regionName(node.member.region)}</td>
                    <td>{node.member.cluster.shortName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {matches.pageInfo.hasNextPage && (
            <button type="button" onClick={() => void search(matches.pageInfo.endCursor)} disabled={busy}>
              More matches
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** What the gateway said went wrong, in its words; a missing cluster named. */
export function Errors({ errors }: { errors: GraphQLError[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="notice">
      {errors.map((error, index) => (
        <p key={index}>{error.message}</p>
      ))}
    </div>
  );
}
