import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { RunningNetwork } from '../../scripts/run-network';
import { decodeGlobalId } from '../../shared/global-id';
import { postGraphQL } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork, tokenFor } from '../support/test-network';

/**
 * Many writers creating rows at once, through the gateway, on both backends. Each create takes the
 * next id of its table; on MySQL the writers contend for it, and a deadlock or lock wait among them
 * is the database's business, never the caller's: every create lands once, with an id of its own.
 */
const CLUSTER = 'banat';
const WRITERS = 12;
const MEMBER_SECONDS = 10;
/** Network initiatives are the secretariat's, rarely written: a shorter run shows the same. */
const INITIATIVE_SECONDS = 4;

const CREATE_MEMBER = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id name } }`;
const LAUNCH = `mutation($input: LaunchNetworkInitiativeInput!) { launchNetworkInitiative(input: $input) { id title } }`;

/** One create as the caller saw it: the id it was given, or the codes of its errors. */
interface Outcome {
  name: string;
  id: string | null;
  codes: string[];
}

/** `writers` callers, each sending one create after another until `seconds` have passed. */
async function hammer(seconds: number, create: (writer: number, sequence: number) => Promise<Outcome>): Promise<Outcome[]> {
  const end = Date.now() + seconds * 1000;
  const outcomes: Outcome[] = [];
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let sequence = 1; Date.now() < end; sequence++) outcomes.push(await create(writer, sequence));
    }),
  );
  return outcomes;
}

/** How many creates failed, by error code: `{}` when every one was acknowledged. */
function failuresByCode(outcomes: readonly Outcome[]): Record<string, number> {
  const failures: Record<string, number> = {};
  for (const outcome of outcomes) if (outcome.id === null) for (const code of outcome.codes) failures[code] = (failures[code] ?? 0) + 1;
  return failures;
}

/**
 * What the database holds matches what callers were told: each acknowledged create is there once,
 * under the id it was given, with exactly one audit entry; a refused one left no row and no entry.
 */
async function expectStoredAsAcknowledged(
  dataSource: DataSource,
  outcomes: readonly Outcome[],
  stored: { rows: Array<{ id: number | string; name: string }>; audited: string[] },
): Promise<void> {
  const acknowledged = outcomes.filter((outcome) => outcome.id !== null);
  const rowsByName = new Map<string, number[]>();
  for (const row of stored.rows) rowsByName.set(row.name, [...(rowsByName.get(row.name) ?? []), Number(row.id)]);
  const misplaced = outcomes.filter((outcome) => {
    const ids = rowsByName.get(outcome.name) ?? [];
    return outcome.id === null ? ids.length !== 0 : ids.length !== 1 || ids[0] !== localId(outcome.id);
  });
  expect(misplaced).toEqual([]);
  expect(stored.rows).toHaveLength(acknowledged.length);
  expect(new Set(acknowledged.map((outcome) => outcome.id)).size).toBe(acknowledged.length);
  expect([...stored.audited].sort()).toEqual(acknowledged.map((outcome) => outcome.id!).sort());
  // Still a working database afterwards: no transaction was left open holding locks.
  await expect(dataSource.query('SELECT 1 AS one')).resolves.toHaveLength(1);
}

function localId(id: string): number {
  return id.includes(':') ? decodeGlobalId(id).localId : Number(id);
}

describeOnBothBackends('concurrent creates', (backend) => {
  let network: RunningNetwork;
  let own: DataSource;

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_conc');
    own = network.clusters.find((cluster) => cluster.id === CLUSTER)!.dataSource;
  });

  afterAll(async () => {
    await network?.close();
  });

  it(`gives every one of ${WRITERS} writers creating members for ${MEMBER_SECONDS} s an id of its own, and fails none`, async () => {
    const admin = await tokenFor({ subject: 'staff@banat', role: 'cluster-admin', cluster: CLUSTER });
    const outcomes = await hammer(MEMBER_SECONDS, async (writer, sequence) => {
      const name = `Concurent ${writer}-${sequence} SRL`;
      const input = { cluster: CLUSTER, name, kind: 'STARTUP', employees: 5, city: 'Timișoara', founded: 2020 };
      const answer = await postGraphQL<{ createMember: { id: string } | null }>(network.gatewayUrl, CREATE_MEMBER, { input }, admin);
      return { name, id: answer.data?.createMember?.id ?? null, codes: (answer.errors ?? []).map((error) => String(error.extensions?.code)) };
    });

    expect(outcomes.length).toBeGreaterThan(WRITERS);
    expect({ writes: outcomes.length, failures: failuresByCode(outcomes) }).toEqual({ writes: outcomes.length, failures: {} });
    const rows = (await own.query('SELECT id, name FROM members WHERE cluster_id = ? AND name LIKE ?', [CLUSTER, 'Concurent %'])) as Array<{ id: number | string; name: string }>;
    const audited = (await own.query("SELECT object_id FROM audit_log WHERE operation = 'createMember' AND after_state LIKE ?", ['%Concurent %'])) as Array<{ object_id: string }>;
    await expectStoredAsAcknowledged(own, outcomes, { rows, audited: audited.map((entry) => entry.object_id) });
    // Local ids stay positive integers that follow the seeded rows.
    const [seeded] = (await own.query("SELECT MAX(id) AS top FROM members WHERE cluster_id = ? AND name NOT LIKE 'Concurent %'", [CLUSTER])) as Array<{ top: number | string }>;
    expect(Math.min(...rows.map((row) => Number(row.id)))).toBeGreaterThan(Number(seeded!.top));
  });

  it(`gives every one of ${WRITERS} secretariat writers launching network initiatives for ${INITIATIVE_SECONDS} s an id of its own, and fails none`, async () => {
    const secretariat = await tokenFor({ subject: 'maria@secretariat', role: 'secretariat' });
    const outcomes = await hammer(INITIATIVE_SECONDS, async (writer, sequence) => {
      const title = `Inițiativa concurentă ${writer}-${sequence}`;
      const input = { title, description: 'Written at once by many.', objective: 'COOPERATION', leadCluster: CLUSTER, clusters: ['transilvania'], startsOn: '2027-02-01' };
      const answer = await postGraphQL<{ launchNetworkInitiative: { id: string } | null }>(network.gatewayUrl, LAUNCH, { input }, secretariat);
      return { name: title, id: answer.data?.launchNetworkInitiative?.id ?? null, codes: (answer.errors ?? []).map((error) => String(error.extensions?.code)) };
    });

    expect(outcomes.length).toBeGreaterThan(WRITERS);
    expect({ writes: outcomes.length, failures: failuresByCode(outcomes) }).toEqual({ writes: outcomes.length, failures: {} });
    const db = network.networkDataSource;
    const rows = (await db.query('SELECT id, title AS name FROM network_initiatives WHERE title LIKE ?', ['Inițiativa concurentă %'])) as Array<{ id: number | string; name: string }>;
    const audited = (await db.query("SELECT object_id FROM audit_log WHERE operation = 'launchNetworkInitiative' AND after_state LIKE ?", ['%concurent%'])) as Array<{ object_id: string }>;
    await expectStoredAsAcknowledged(db, outcomes, { rows, audited: audited.map((entry) => entry.object_id) });
  });
});
