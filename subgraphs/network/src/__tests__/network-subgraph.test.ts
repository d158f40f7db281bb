import { PROGRAM_VERSION, sdlHash } from '../../../../shared/schema-version';
import type { DataSource } from 'typeorm';
import { createAssertionSigner, createAssertionVerifier, GATEWAY_ASSERTION_HEADER, GATEWAY_KEY_PREFIX, NETWORK_AUDIENCE } from '../../../../shared/auth/gateway-assertion';
import { generateSigningKey } from '../../../../shared/auth/signing-keys';
import { dropDatabase, ensureDatabase } from '../../../../shared/data-source';
import { createLogger } from '../../../../shared/logger';
import { FOUNDING_CLUSTERS, NETWORK_FACTS } from '../../../../shared/network-catalog';
import { listen, type RunningServer } from '../../../../shared/server/http-app';
import { describeOnBothBackends } from '../../../../test/support/mysql';
import { createNetworkSubgraph, openNetworkDatabase, seedNetwork, type NetworkSubgraph } from '../index';
import { NETWORK_INITIATIVES, type CatalogInitiative } from '../initiatives/initiative-catalog';
import { NetworkInitiativeClusterEntity, NetworkInitiativeEntity } from '../initiatives/initiative.entity';
import { NetworkInitiativeStatus } from '../initiatives/initiative-status';

interface GraphQLResponse<Data> {
  data?: Data;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

const clusterUrl = (_clusterId: string, position: number) => `http://127.0.0.1:${4101 + position}`;

/** The order every list of initiatives promises, computed from the catalog rather than the database. */
function inStartOrder(initiatives: readonly CatalogInitiative[]): string[] {
  return [...initiatives]
    .sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : a.id - b.id))
    .map((initiative) => String(initiative.id));
}

/** A catalog initiative's clusters in registry order, as `NetworkInitiative.clusters` lists them. */
function inRegistryOrder(clusterIds: readonly string[]): string[] {
  return FOUNDING_CLUSTERS.map((cluster) => cluster.id).filter((id) => clusterIds.includes(id));
}

const selects = (statements: readonly string[]) => statements.filter((sql) => /^\s*SELECT/i.test(sql));

describeOnBothBackends('network subgraph', (backend) => {
  const databaseUrl = backend.databaseUrl('itro_network_subgraph');
  const statements: string[] = [];
  let dataSource: DataSource | undefined;
  let subgraph: NetworkSubgraph | undefined;
  let server: RunningServer | undefined;
  // Asked as the gateway asks it: with an assertion of a gateway key it trusts.
  const gatewayKeys = generateSigningKey(GATEWAY_KEY_PREFIX).then((key) => ({ keys: [key] }));
  const sign = gatewayKeys.then((keys) => createAssertionSigner(keys));

  async function graphql<Data>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>> {
    const response = await fetch(`${server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_ASSERTION_HEADER]: await (await sign)([NETWORK_AUDIENCE]) },
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
    subgraph = await createNetworkSubgraph({ dataSource, logger: createLogger('network', 'silent'), gatewayAssertion: createAssertionVerifier(await gatewayKeys, [NETWORK_AUDIENCE]) });
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
    expect(selects(statements)).toHaveLength(1);
  });

  it('reads the registry a constant number of times for the whole network', async () => {
    statements.length = 0;
    const { errors } = await graphql(`{
      clusters { id }
      network { president { cluster { id } } secretariat { cluster { id } } committee { cluster { id name } } }
    }`);
    expect(errors).toBeUndefined();
    // network row + registry list + at most one batched lookup, whatever the number of clusters.
    expect(selects(statements).length).toBeLessThanOrEqual(3);
  });

  it('lists the network initiatives by start date then id, each with its objective and clusters', async () => {
    const { data, errors } = await graphql<{
      network: {
        initiatives: Array<{
          id: string;
          title: string;
          description: string;
          status: string;
          startedOn: string;
          endsOn: string | null;
          objective: { code: string; title: string };
          leadCluster: { id: string; name: string };
          clusters: Array<{ id: string }>;
        }>;
      };
    }>(`{ network { initiatives {
      id title description status startedOn endsOn objective { code title } leadCluster { id name } clusters { id }
    } } }`);
    expect(errors).toBeUndefined();
    const initiatives = data!.network.initiatives;
    // Two start on the same day (2 and 8): the id breaks the tie.
    expect(initiatives.map((initiative) => initiative.id)).toEqual(['9', '1', '5', '3', '7', '2', '8', '4', '6', '10']);
    expect(initiatives.map((initiative) => initiative.id)).toEqual(inStartOrder(NETWORK_INITIATIVES));
    for (const initiative of initiatives) {
      const expected = NETWORK_INITIATIVES.find((candidate) => String(candidate.id) === initiative.id)!;
      expect(initiative).toMatchObject({
        title: expected.title,
        description: expected.description,
        status: expected.status,
        startedOn: expected.startedOn,
        endsOn: expected.endsOn,
        objective: { code: expected.objective },
        leadCluster: { id: expected.lead },
      });
      expect(initiative.clusters.map((cluster) => cluster.id)).toEqual(inRegistryOrder(expected.clusters));
      expect(initiative.clusters.map((cluster) => cluster.id)).toContain(initiative.leadCluster.id);
      expect(initiative.clusters.length).toBeGreaterThanOrEqual(2);
      expect(initiative.description.length).toBeLessThanOrEqual(1000);
    }
    expect(initiatives.find((initiative) => initiative.id === '7')).toMatchObject({
      title: 'Joint IT-RO pavilion at Web Summit',
      status: 'COMPLETED',
      objective: { code: 'MARKET', title: 'Market' },
      leadCluster: { id: 'transilvania', name: 'Transilvania IT Cluster' },
      clusters: [{ id: 'transilvania' }, { id: 'alt-brasov' }, { id: 'banat' }, { id: 'open-hub' }, { id: 'elinclus' }],
    });
    expect(initiatives.find((initiative) => initiative.id === '1')!.clusters).toHaveLength(9);
  });

  it('narrows the network initiatives by objective and by status', async () => {
    const ids = async (args: string) => {
      const { data, errors } = await graphql<{ network: { initiatives: Array<{ id: string }> } }>(`{ network { initiatives${args} { id } } }`);
      expect(errors).toBeUndefined();
      return data!.network.initiatives.map((initiative) => initiative.id);
    };
    expect(await ids('(objective: "MARKET")')).toEqual(['7', '8']);
    expect(await ids('(status: COMPLETED)')).toEqual(['9', '7', '8']);
    expect(await ids('(status: PLANNED)')).toEqual(['6', '10']);
    expect(await ids('(objective: "HR", status: RUNNING)')).toEqual(['5']);
    expect(await ids('(objective: "HR", status: COMPLETED)')).toEqual([]);
    expect(await ids('(objective: null, status: null)')).toEqual(inStartOrder(NETWORK_INITIATIVES));
    for (const status of Object.values(NetworkInitiativeStatus)) {
      expect(await ids(`(status: ${status})`)).toEqual(inStartOrder(NETWORK_INITIATIVES.filter((initiative) => initiative.status === status)));
    }
  });

  it('rejects an objective code that names no objective', async () => {
    const { data, errors } = await graphql<{ network: null }>('{ network { name initiatives(objective: "MARKETS") { id } } }');
    // `network` is non-null, so the error nulls the whole answer.
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'objective' });
    expect(errors![0]!.message).toMatch(/Unknown objective "MARKETS": expected one of COOPERATION, RESEARCH_AND_INNOVATION, HR, MARKET/);
    expect(errors![0]!.path).toEqual(['network', 'initiatives']);
  });

  it('lists the initiatives of each objective, two per objective', async () => {
    const { data, errors } = await graphql<{
      network: { objectives: Array<{ code: string; initiatives: Array<{ id: string; objective: { code: string } }> }> };
    }>('{ network { objectives { code initiatives { id objective { code } } } } }');
    expect(errors).toBeUndefined();
    for (const objective of data!.network.objectives) {
      expect(objective.initiatives.map((initiative) => initiative.id)).toEqual(
        inStartOrder(NETWORK_INITIATIVES.filter((initiative) => initiative.objective === objective.code)),
      );
      expect(objective.initiatives).toHaveLength(2);
      expect(objective.initiatives.every((initiative) => initiative.objective.code === objective.code)).toBe(true);
    }
    expect(data!.network.objectives.find((objective) => objective.code === 'ELECTRONIC_COMMUNICATION_NETWORK')!.initiatives.map((i) => i.id)).toEqual([
      '9',
      '10',
    ]);
  });

  it('lists the initiatives each cluster takes part in, also when the cluster comes as a representation', async () => {
    const { data, errors } = await graphql<{ clusters: Array<{ id: string; networkInitiatives: Array<{ id: string }> }> }>(
      '{ clusters { id networkInitiatives { id } } }',
    );
    expect(errors).toBeUndefined();
    for (const cluster of data!.clusters) {
      expect(cluster.networkInitiatives.map((initiative) => initiative.id)).toEqual(
        inStartOrder(NETWORK_INITIATIVES.filter((initiative) => initiative.clusters.includes(cluster.id))),
      );
    }
    expect(data!.clusters.find((cluster) => cluster.id === 'inomar')!.networkInitiatives.map((i) => i.id)).toEqual(['9', '1', '3', '2', '6']);

    // The gateway asks for a cluster subgraph's Cluster this way.
    const entities = await graphql<{ _entities: Array<{ networkInitiatives: Array<{ id: string; leadCluster: { id: string } }> } | null> }>(
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Cluster { networkInitiatives { id leadCluster { id } } } } }',
      { representations: [{ __typename: 'Cluster', id: 'lower-danube' }, { __typename: 'Cluster', id: 'nope' }] },
    );
    expect(entities).toEqual({
      data: {
        _entities: [
          {
            networkInitiatives: [
              { id: '9', leadCluster: { id: 'transilvania' } },
              { id: '1', leadCluster: { id: 'alt-brasov' } },
              { id: '5', leadCluster: { id: 'banat' } },
              { id: '2', leadCluster: { id: 'elinclus' } },
              { id: '6', leadCluster: { id: 'lower-danube' } },
            ],
          },
          null,
        ],
      },
    });
  });

  it('finds an initiative by id, answers null for an unknown id and rejects a malformed one', async () => {
    const query = 'query ($id: ID!) { networkInitiative(id: $id) { id title objective { code } leadCluster { id } } }';
    const found = await graphql<{ networkInitiative: unknown }>(query, { id: '3' });
    expect(found).toEqual({
      data: {
        networkInitiative: { id: '3', title: 'Shared research-infrastructure catalogue', objective: { code: 'RESEARCH_AND_INNOVATION' }, leadCluster: { id: 'ict-oltenia' } },
      },
    });
    // An ID may be written as an integer literal; it arrives as the same string.
    expect(await graphql('{ networkInitiative(id: 3) { id } }')).toEqual({ data: { networkInitiative: { id: '3' } } });

    expect(await graphql(query, { id: '999' })).toEqual({ data: { networkInitiative: null } });
    expect(await graphql(query, { id: '999999999999999' })).toEqual({ data: { networkInitiative: null } });

    for (const id of ['0', '-1', '007', '1.5', 'abc', 'banat:3', '', '1234567890123456', ' 3']) {
      const malformed = await graphql<{ networkInitiative: null }>(query, { id });
      expect(malformed.data).toEqual({ networkInitiative: null });
      expect(malformed.errors).toHaveLength(1);
      expect(malformed.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id' });
      expect(malformed.errors![0]!.message).toMatch(/^Malformed network initiative id .*expected a positive integer/);
      expect(malformed.errors![0]!.path).toEqual(['networkInitiative']);
    }
  });

  it('reads objectives, initiatives and their clusters in a number of statements that does not grow with the initiatives', async () => {
    const nested = '{ network { objectives { initiatives { clusters { id } } } } }';
    const byCluster = '{ clusters { networkInitiatives { objective { code } leadCluster { id } clusters { id } } } }';
    const count = async (query: string) => {
      statements.length = 0;
      const { errors } = await graphql(query);
      expect(errors).toBeUndefined();
      return selects(statements).length;
    };
    const before = { nested: await count(nested), byCluster: await count(byCluster) };
    // network row, objectives, their initiatives, the initiatives' clusters, the clusters' rows.
    expect(before.nested).toBeLessThanOrEqual(5);
    // registry, links by cluster, initiatives by id, objectives, links by initiative (clusters primed).
    expect(before.byCluster).toBeLessThanOrEqual(5);

    // Four times the initiatives, every cluster in each: the statement counts stay the same.
    const extra = Array.from({ length: 30 }, (_, index) => ({
      id: 100 + index,
      title: `Extra initiative ${index}`,
      titleKey: `extra initiative ${index}`,
      description: 'Added by the test to show that statement counts do not depend on the number of initiatives.',
      objectiveCode: NETWORK_INITIATIVES[index % NETWORK_INITIATIVES.length]!.objective,
      status: NetworkInitiativeStatus.RUNNING,
      startedOn: '2025-01-01',
      endsOn: null,
      leadClusterId: 'banat',
    }));
    await dataSource!.transaction(async (manager) => {
      await manager.insert(NetworkInitiativeEntity, extra);
      await manager.insert(
        NetworkInitiativeClusterEntity,
        extra.flatMap((initiative) => FOUNDING_CLUSTERS.map((cluster) => ({ initiativeId: initiative.id, clusterId: cluster.id }))),
      );
    });
    try {
      const { data } = await graphql<{ network: { objectives: Array<{ initiatives: unknown[] }> } }>(nested);
      expect(data!.network.objectives.flatMap((objective) => objective.initiatives)).toHaveLength(NETWORK_INITIATIVES.length + extra.length);
      expect({ nested: await count(nested), byCluster: await count(byCluster) }).toEqual(before);
    } finally {
      await seedNetwork(dataSource!, { clusterUrl });
    }
  });

  it('publishes a Federation 2 SDL with Cluster as an entity keyed by id', async () => {
    const { data } = await graphql<{ _service: { sdl: string } }>('{ _service { sdl } }');
    // Apollo's printer puts an object's directives on their own lines.
    expect(data!._service.sdl).toMatch(/type Cluster\s+@key\(fields: "id"\)/);
    expect(data!._service.sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(subgraph!.sdl).toMatch(/type Cluster @key\(fields: "id"\)/);
    expect(subgraph!.sdl).toMatch(/enum DevelopmentRegion/);
  });

  it('answers /health after a database round trip, with its program version and the hash of the SDL it serves', async () => {
    const { data } = await graphql<{ _service: { sdl: string } }>('{ _service { sdl } }');
    const response = await fetch(`${server!.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', version: PROGRAM_VERSION, schemas: { network: sdlHash(data!._service.sdl) } });
  });

  it('re-seeds to exactly the same rows', async () => {
    const snapshot = () =>
      Promise.all(
        ['clusters', 'network', 'mission_aims', 'objectives', 'network_initiatives', 'network_initiative_clusters'].map((table) =>
          dataSource!.createQueryBuilder().select('*').from(table, table).orderBy('1').getRawMany(),
        ),
      );
    const before = await snapshot();
    await seedNetwork(dataSource!, { clusterUrl });
    expect(await snapshot()).toEqual(before);
    expect(before[0]).toHaveLength(9);
    expect(before[4]).toHaveLength(NETWORK_INITIATIVES.length);
    expect(before[5]).toHaveLength(NETWORK_INITIATIVES.reduce((sum, initiative) => sum + initiative.clusters.length, 0));
  });

  it('seeds only the initiatives a smaller registry can run, with only its clusters', async () => {
    const registry = FOUNDING_CLUSTERS.filter((cluster) => ['transilvania', 'alt-brasov', 'banat'].includes(cluster.id));
    await seedNetwork(dataSource!, { clusterUrl, clusters: registry });
    try {
      const { data, errors } = await graphql<{ network: { initiatives: Array<{ id: string; leadCluster: { id: string }; clusters: Array<{ id: string }> }> } }>(
        '{ network { initiatives { id leadCluster { id } clusters { id } } } }',
      );
      expect(errors).toBeUndefined();
      // The others are led from elsewhere (3, 2, 6, 10); the rest keep their ids and lose their other clusters.
      expect(data!.network.initiatives.map((initiative) => initiative.id)).toEqual(['9', '1', '5', '7', '8', '4']);
      const ids = registry.map((cluster) => cluster.id);
      for (const initiative of data!.network.initiatives) {
        expect(initiative.clusters.every((cluster) => ids.includes(cluster.id))).toBe(true);
        expect(initiative.clusters.map((cluster) => cluster.id)).toContain(initiative.leadCluster.id);
      }
      expect(data!.network.initiatives.find((initiative) => initiative.id === '5')!.clusters).toEqual([{ id: 'transilvania' }, { id: 'banat' }]);
    } finally {
      await seedNetwork(dataSource!, { clusterUrl });
    }
  });

  it('refuses a cluster URL that is not http(s) and leaves the registry as it was', async () => {
    await expect(seedNetwork(dataSource!, { clusterUrl: () => 'not a url' })).rejects.toThrow(/not a URL/);
    const { data } = await graphql<{ clusters: Array<{ id: string }> }>('{ clusters { id } }');
    expect(data!.clusters).toHaveLength(9);
  });
});
