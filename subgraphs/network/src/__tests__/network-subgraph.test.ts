import type { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase } from '../../../../shared/data-source';
import { createLogger } from '../../../../shared/logger';
import { FOUNDING_CLUSTERS, NETWORK_FACTS } from '../../../../shared/network-catalog';
import { listen, type RunningServer } from '../../../../shared/server/http-app';
import { describeOnBothBackends } from '../../../../test/support/mysql';
import { createNetworkSubgraph, openNetworkDatabase, seedNetwork, type NetworkSubgraph } from '../index';

interface GraphQLResponse<Data> {
  data?: Data;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

const clusterUrl = (_clusterId: string, position: number) => `http://127.0.0.1:${4101 + position}`;

describeOnBothBackends('network subgraph', (backend) => {
  const databaseUrl = backend.databaseUrl('itro_test_network');
  const statements: string[] = [];
  let dataSource: DataSource | undefined;
  let subgraph: NetworkSubgraph | undefined;
  let server: RunningServer | undefined;

  async function graphql<Data>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>> {
    const response = await fetch(`${server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as GraphQLResponse<Data>;
  }

  beforeAll(async () => {
    await dropDatabase(databaseUrl);
    await ensureDatabase(databaseUrl);
    dataSource = await openNetworkDatabase(databaseUrl, (sql) => statements.push(sql));
    await seedNetwork(dataSource, { clusterUrl });
    subgraph = await createNetworkSubgraph({ dataSource, logger: createLogger('network', 'silent') });
    server = await listen(subgraph.app, 0, '127.0.0.1');
  });

  afterAll(async () => {
    await server?.close();
    await subgraph?.stop();
    await dataSource?.destroy();
    await dropDatabase(databaseUrl);
  });

  it('lists the nine clusters in registry order', async () => {
    const { data, errors } = await graphql<{
      clusters: Array<{ id: string; name: string; shortName: string; city: string; region: string; url: string; representative: string; position: number }>;
    }>('{ clusters { id name shortName city region url representative position } }');
    expect(errors).toBeUndefined();
    expect(data!.clusters).toHaveLength(9);
    expect(data!.clusters).toEqual(
      FOUNDING_CLUSTERS.map((cluster, position) => ({
        id: cluster.id,
        name: cluster.name,
        shortName: cluster.shortName,
        city: cluster.city,
        region: cluster.region,
        url: `http://127.0.0.1:${4101 + position}`,
        representative: cluster.representative,
        position,
      })),
    );
    expect(data!.clusters.map((cluster) => cluster.name)).toEqual([
      'Transilvania IT Cluster',
      'Cluster for Innovation and Technology – ALT Brașov',
      'Banat Software',
      'Innovative Open Hub Cluster',
      'INOMAR',
      'ELINCLUS',
      'ICT Oltenia',
      'ICT Cluster Lower Danube',
      'Smart Alliance Cluster',
    ]);
    expect(data!.clusters.find((cluster) => cluster.id === 'banat')!.region).toBe('VEST');
    expect(data!.clusters.find((cluster) => cluster.id === 'ict-oltenia')!.region).toBe('SUD_VEST_OLTENIA');
  });

  it('serves the network with its mission and its five objectives in order', async () => {
    const { data, errors } = await graphql<{
      network: {
        name: string;
        fullName: string;
        mission: Array<{ code: string; text: string }>;
        objectives: Array<{ code: string; title: string; position: number }>;
      };
    }>('{ network { name fullName mission { code text } objectives { code title position } } }');
    expect(errors).toBeUndefined();
    expect(data!.network.name).toBe(NETWORK_FACTS.name);
    expect(data!.network.fullName).toBe(NETWORK_FACTS.fullName);
    expect(data!.network.mission.map((aim) => aim.code)).toEqual(['GOVERNMENT_DIALOGUE', 'INTERNATIONALISATION', 'PUBLIC_POLICY_ACCESS']);
    expect(data!.network.mission[0]!.text).toMatch(/dialogue between the Government and the network/);
    expect(data!.network.objectives.map((objective) => objective.title)).toEqual([
      'Cooperation',
      'Research and innovation',
      'HR',
      'Market',
      'Creation of an electronic communication network',
    ]);
    expect(data!.network.objectives.map((objective) => objective.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('names the president, the secretariat and one committee seat per cluster', async () => {
    const { data, errors } = await graphql<{
      network: {
        president: { representative: string; isPresident: boolean; cluster: { id: string; shortName: string } };
        secretariat: { description: string; cluster: { id: string; name: string } };
        committee: Array<{ representative: string; isPresident: boolean; cluster: { id: string } }>;
      };
    }>(`{ network {
      president { representative isPresident cluster { id shortName } }
      secretariat { description cluster { id name } }
      committee { representative isPresident cluster { id } }
    } }`);
    expect(errors).toBeUndefined();
    const { president, secretariat, committee } = data!.network;
    expect(president).toEqual({ representative: 'Ionuț Țața', isPresident: true, cluster: { id: 'alt-brasov', shortName: 'ALT Brașov' } });
    expect(secretariat.cluster).toEqual({ id: 'transilvania', name: 'Transilvania IT Cluster' });
    expect(secretariat.description).toMatch(/Transilvania IT Cluster/);
    expect(committee).toHaveLength(9);
    expect(committee.map((seat) => seat.cluster.id)).toEqual(FOUNDING_CLUSTERS.map((cluster) => cluster.id));
    expect(committee.map((seat) => seat.representative)).toEqual(FOUNDING_CLUSTERS.map((cluster) => cluster.representative));
    expect(committee.filter((seat) => seat.isPresident).map((seat) => seat.cluster.id)).toEqual(['alt-brasov']);
  });

  it('finds a cluster by id, answers null for an unknown id and rejects a malformed one', async () => {
    const found = await graphql<{ cluster: { id: string; name: string; city: string; region: string } | null }>(
      'query ($id: ID!) { cluster(id: $id) { id name city region } }',
      { id: 'banat' },
    );
    expect(found).toEqual({ data: { cluster: { id: 'banat', name: 'Banat Software', city: 'Timișoara', region: 'VEST' } } });

    const missing = await graphql<{ cluster: null }>('{ cluster(id: "nope") { id } }');
    expect(missing).toEqual({ data: { cluster: null } });

    const malformed = await graphql<{ cluster: null }>('{ cluster(id: "Bad Id!") { id } }');
    expect(malformed.data).toEqual({ cluster: null });
    expect(malformed.errors).toHaveLength(1);
    expect(malformed.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(malformed.errors![0]!.path).toEqual(['cluster']);
  });

  it('resolves Cluster representations through _entities in one statement', async () => {
    const representations = [...FOUNDING_CLUSTERS].reverse().map((cluster) => ({ __typename: 'Cluster', id: cluster.id }));
    representations.splice(3, 0, { __typename: 'Cluster', id: 'nope' }, { __typename: 'Cluster', id: 'Not An Id' });
    statements.length = 0;
    const { data, errors } = await graphql<{ _entities: Array<{ id: string; name: string } | null> }>(
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Cluster { id name } } }',
      { representations },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual(
      representations.map((representation) => {
        const cluster = FOUNDING_CLUSTERS.find((candidate) => candidate.id === representation.id);
        return cluster ? { id: cluster.id, name: cluster.name } : null;
      }),
    );
    // DataLoader batches the whole representation list into one lookup.
    expect(statements.filter((sql) => /^\s*SELECT/i.test(sql))).toHaveLength(1);
  });

  it('reads the registry a constant number of times for the whole network', async () => {
    statements.length = 0;
    const { errors } = await graphql(`{
      clusters { id }
      network { president { cluster { id } } secretariat { cluster { id } } committee { cluster { id name } } }
    }`);
    expect(errors).toBeUndefined();
    // network row + registry list + at most one batched lookup, whatever the number of clusters.
    expect(statements.filter((sql) => /^\s*SELECT/i.test(sql)).length).toBeLessThanOrEqual(3);
  });

  it('publishes a Federation 2 SDL with Cluster as an entity keyed by id', async () => {
    const { data } = await graphql<{ _service: { sdl: string } }>('{ _service { sdl } }');
    // Apollo's printer puts an object's directives on their own lines.
    expect(data!._service.sdl).toMatch(/type Cluster\s+@key\(fields: "id"\)/);
    expect(data!._service.sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(subgraph!.sdl).toMatch(/type Cluster @key\(fields: "id"\)/);
    expect(subgraph!.sdl).toMatch(/enum DevelopmentRegion/);
  });

  it('answers /health after a database round trip', async () => {
    const response = await fetch(`${server!.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('re-seeds to exactly the same rows', async () => {
    const snapshot = () =>
      Promise.all(
        ['clusters', 'network', 'mission_aims', 'objectives'].map((table) =>
          dataSource!.createQueryBuilder().select('*').from(table, table).orderBy('1').getRawMany(),
        ),
      );
    const before = await snapshot();
    await seedNetwork(dataSource!, { clusterUrl });
    expect(await snapshot()).toEqual(before);
    expect(before[0]).toHaveLength(9);
  });

  it('refuses a cluster URL that is not http(s) and leaves the registry as it was', async () => {
    await expect(seedNetwork(dataSource!, { clusterUrl: () => 'not a url' })).rejects.toThrow(/not a URL/);
    const { data } = await graphql<{ clusters: Array<{ id: string }> }>('{ clusters { id } }');
    expect(data!.clusters).toHaveLength(9);
  });
});
