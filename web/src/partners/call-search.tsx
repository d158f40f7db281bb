import { useState, type FormEvent } from 'react';
import { runOperation, type GraphQLError } from '../api';
import { label, regionName } from '../dashboard/format';
import { Choices } from './choices';
import { csv, download } from './download';
import { AREA_OPTIONS, areaLabel, KIND_OPTIONS } from './lists';
import { Errors } from './need-search';

interface Role {
  label: string;
  competences: string[];
  kinds: string[];
  count: number;
}

interface Proposal {
  score: number;
  /** A member is null when its cluster could not be asked for its fields (the answer's errors say which). */
  roles: Array<{ label: string; members: Array<{ id: string; name: string; kind: string; city: string; region: string | null; cluster: { id: string; shortName: string } } | null> }>;
  covers: { competences: string[]; regions: string[]; clusters: Array<{ id: string; shortName: string }> };
}

/** A call's example roles: a university, two SMEs with AI and cybersecurity, a public authority. */
const FIRST_ROLES: Role[] = [
  { label: 'University', competences: ['AI_DATA'], kinds: ['UNIVERSITY'], count: 1 },
  { label: 'SMEs with AI and cybersecurity', competences: ['AI_DATA', 'CYBERSECURITY'], kinds: ['SME'], count: 2 },
  { label: 'Public authority', competences: ['E_GOVERNMENT'], kinds: ['PUBLIC_AUTHORITY'], count: 1 },
];

/** A funding call's roles and rules, and the consortia proposed for it. */
export function CallSearch({ token }: { token: string | null }) {
  const [roles, setRoles] = useState<Role[]>(FIRST_ROLES);
  const [minRegions, setMinRegions] = useState('2');
  const [maxPerCluster, setMaxPerCluster] = useState('');
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [errors, setErrors] = useState<GraphQLError[]>([]);
  const [busy, setBusy] = useState(false);
  const changeRole = (index: number, part: Partial<Role>) => setRoles((previous) => previous.map((role, at) => (at === index ? { ...role, ...part } : role)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const call = {
      roles: roles.map((role) => ({ label: role.label, competences: role.competences, count: role.count, ...(role.kinds.length ? { kinds: role.kinds } : {}) })),
      minRegions: Number(minRegions || 1),
      ...(maxPerCluster ? { maxPerCluster: Number(maxPerCluster) } : {}),
    };
    const answer = await runOperation<{ consortium: Proposal[] }>('DashboardConsortium', { call }, token).finally(() => setBusy(false));
    setErrors(answer.errors);
    setProposals(answer.data?.consortium ?? null);
  };
  const exportProposals = () => {
    if (!proposals) return;
    const rows = proposals.flatMap((proposal, rank) => proposal.roles.flatMap((role) => role.members.map((member) => [rank + 1, proposal.score, role.label, member?.id ?? '', member?.name ?? '(not available)', member?.kind ?? '', member?.city ?? '', member ? regionName(member.region) : '', member?.cluster.shortName ?? ''])));
    download('consortia.csv', csv(['proposal', 'score', 'role', 'member id', 'member', 'kind', 'city', 'region', 'cluster'], rows));
  };

  return (
    <section aria-labelledby="call-title" className="panel wide">
      <h2 id="call-title">Assemble a consortium for a call</h2>
      <form className="finder" onSubmit={(event) => void submit(event)} aria-label="Call">
        {roles.map((role, index) => (
          <div className="role" key={index} data-role={index}>
            <div className="row">
              <label>
                Role {index + 1}
                <input type="text" value={role.label} onChange={(event) => changeRole(index, { label: event.target.value })} />
              </label>
              <label>
                Members
                <input type="number" min={1} max={5} value={role.count} onChange={(event) => changeRole(index, { count: Number(event.target.value) })} />
              </label>
              <button type="button" onClick={() => setRoles((previous) => previous.filter((_, at) => at !== index))} disabled={roles.length === 1}>
                Remove role {index + 1}
              </button>
            </div>
            <Choices legend={`Competences of role ${index + 1}`} name={`role-${index}-competence`} options={AREA_OPTIONS} picked={role.competences} onChange={(competences) => changeRole(index, { competences })} />
            <Choices legend={`Kinds for role ${index + 1}`} name={`role-${index}-kind`} options={KIND_OPTIONS} picked={role.kinds} onChange={(kinds) => changeRole(index, { kinds })} />
          </div>
        ))}
        <div className="row">
          <button type="button" onClick={() => setRoles((previous) => [...previous, { label: `Role ${previous.length + 1}`, competences: ['CLOUD'], kinds: [], count: 1 }])}>
            Add a role
          </button>
          <label>
            Regions at least
            <input type="number" min={1} max={8} name="minRegions" value={minRegions} onChange={(event) => setMinRegions(event.target.value)} />
          </label>
          <label>
            Members per cluster at most
            <input type="number" min={1} name="maxPerCluster" value={maxPerCluster} onChange={(event) => setMaxPerCluster(event.target.value)} />
          </label>
          <button type="submit" disabled={busy}>
            Propose consortia
          </button>
          <button type="button" onClick={exportProposals} disabled={!proposals || proposals.length === 0}>
            Export proposals as CSV
          </button>
        </div>
      </form>
      <Errors errors={errors} />
      {proposals && proposals.length === 0 && <p data-testid="no-proposal">No consortium fills every role within these rules.</p>}
      {proposals?.map((proposal, rank) => (
        <article className="proposal" key={rank} data-testid="proposal" data-score={proposal.score}>
          <h3>
            Proposal {rank + 1}: score {proposal.score}
          </h3>
          <p className="muted">
            Covers {proposal.covers.competences.map(areaLabel).join(', ')}; regions {proposal.covers.regions.map(regionName).join(', ')}; clusters {proposal.covers.clusters.map((cluster) => cluster.shortName).join(', ')}.
          </p>
          <ul className="items">
            {proposal.roles.map((role) => (
              <li key={role.label}>
                <strong>{role.label}:</strong>{' '}
                {role.members.map((member, index) =>
                  member ? (
                    <span key={member.id} data-member={member.id}>
                      {member.name} ({label(member.kind)}, {member.city}, {regionName(member.region)}, {member.cluster.shortName}){' '}
                    </span>
                  ) : (
                    <span key={`missing-${index}`}>(a member whose cluster could not be asked) </span>
                  ),
                )}
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
