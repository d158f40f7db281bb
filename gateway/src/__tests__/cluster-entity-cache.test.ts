import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { parse, type OperationDefinitionNode } from 'graphql';
import { ClusterEntityCache } from '../cluster-entity-cache';
import type { GatewayContext } from '../gateway-context';
import { NetworkDataSource } from '../network-data-source';
import type { HttpPost, ShardRequest } from '../shard-router/send';

const ENTITIES = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Cluster{name region}}}';
const operationOf = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;
const clusters = (...ids: string[]) => ({ representations: ids.map((id) => ({ __typename: 'Cluster', id })) });

/** A data source whose network subgraph answers each Cluster by its id and revision, counting what it was sent. */
function network() {
  let revision = 1;
  let names: Record<string, string | null> = { banat: 'Banat IT', brasov: 'ALT Brașov' };
  const sent: ShardRequest[] = [];
  const post: HttpPost = async (target, _url, request) => {
    sent.push(request);
    const representations = (request.variables?.representations ?? []) as Array<{ id: string }>;
    const entities = representations.map(({ id }) => (names[id] ? { name: names[id], region: 'Vest' } : null));
    return { ok: true, shard: target, body: { data: { _entities: entities } } };
  };
  const cache = new ClusterEntityCache(() => revision);
  const source = new NetworkDataSource({ url: 'http://network.example/graphql', post, signAssertion: async () => 'signed', timeoutMs: 1000, clusterCache: cache });
  const ask = (query: string, variables: Record<string, unknown>) =>
    source.process({ kind: 'incoming operation', request: { query, variables }, context: {} } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
  return {
    sent,
    ask,
    registryWrite(rename: Record<string, string | null>) {
      names = { ...names, ...rename };
      revision += 1;
    },
    renameWithoutRevision(rename: Record<string, string | null>) {
      names = { ...names, ...rename };
    },
  };
}

describe('the cluster entity cache', () => {
  it('takes only entity fetches of Cluster registry fields, with nothing but the representations', () => {
    expect(ClusterEntityCache.cacheable(operationOf(ENTITIES))).toBe(true);
    expect(ClusterEntityCache.cacheable(operationOf('query($representations:[_Any!]!){_entities(representations:$representations){__typename ...on Cluster{id shortName status}}}'))).toBe(true);
    for (const query of [
      '{ clusters { name } }',
      'query($representations:[_Any!]!){_entities(representations:$representations){...on Cluster{name viewerSecret}}}',
      'query($representations:[_Any!]!){_entities(representations:$representations){...on Member{name}}}',
      'query($representations:[_Any!]!,$x:Boolean!){_entities(representations:$representations){...on Cluster{name @include(if:$x)}}}',
      'query($representations:[_Any!]!){e:_entities(representations:$representations){...on Cluster{name}}}',
      'mutation($representations:[_Any!]!){_entities(representations:$representations){...on Cluster{name}}}',
    ]) {
      expect([query, ClusterEntityCache.cacheable(operationOf(query))]).toEqual([query, false]);
    }
  });

  it('answers a fetch it holds every cluster of without asking the network subgraph', async () => {
    const net = network();
    expect(await net.ask(ENTITIES, clusters('banat', 'brasov'))).toEqual({ data: { _entities: [{ name: 'Banat IT', region: 'Vest' }, { name: 'ALT Brașov', region: 'Vest' }] } });
    expect(await net.ask(ENTITIES, clusters('brasov', 'banat'))).toEqual({ data: { _entities: [{ name: 'ALT Brașov', region: 'Vest' }, { name: 'Banat IT', region: 'Vest' }] } });
    expect(await net.ask(ENTITIES, clusters('banat'))).toEqual({ data: { _entities: [{ name: 'Banat IT', region: 'Vest' }] } });
    expect(net.sent).toHaveLength(1);
  });

  it('asks again once the registry revision moved, and shows what the write changed', async () => {
    const net = network();
    await net.ask(ENTITIES, clusters('banat'));
    net.registryWrite({ banat: 'Banat IT Cluster' });
    expect(await net.ask(ENTITIES, clusters('banat'))).toEqual({ data: { _entities: [{ name: 'Banat IT Cluster', region: 'Vest' }] } });
    expect(net.sent).toHaveLength(2);
  });

  it('sends the whole fetch when one cluster is missing, and never keeps a null entity', async () => {
    const net = network();
    await net.ask(ENTITIES, clusters('banat'));
    net.registryWrite({ gone: null });
    expect(await net.ask(ENTITIES, clusters('banat', 'gone'))).toEqual({ data: { _entities: [{ name: 'Banat IT', region: 'Vest' }, null] } });
    await net.ask(ENTITIES, clusters('gone'));
    expect(net.sent.map((request) => request.variables)).toEqual([clusters('banat'), clusters('banat', 'gone'), clusters('gone')]);
  });

  it('keeps nothing of a fetch answered after the revision moved, since it may have read the rows before the change', async () => {
    let revision = 1;
    const cache = new ClusterEntityCache(() => revision);
    const read = cache.read(ENTITIES, clusters('banat'))!;
    expect(read.entities).toBeUndefined();
    revision = 2;
    read.keep([{ name: 'Banat IT' }]);
    expect(cache.read(ENTITIES, clusters('banat'))!.entities).toBeUndefined();
  });

  it('leaves every other fetch to the network subgraph', async () => {
    const net = network();
    const other = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Member{name}}}';
    await net.ask(other, { representations: [{ __typename: 'Member', id: 'banat:1' }] });
    await net.ask(other, { representations: [{ __typename: 'Member', id: 'banat:1' }] });
    await net.ask(ENTITIES, { representations: [{ __typename: 'Cluster', id: 'banat', extra: 1 }] });
    await net.ask(ENTITIES, { representations: [{ __typename: 'Cluster', id: 'banat', extra: 1 }] });
    expect(net.sent).toHaveLength(4);
  });

  it('serves a held cluster as the gateway last read it until the revision moves (a write that bypassed the registry is not seen)', async () => {
    const net = network();
    await net.ask(ENTITIES, clusters('banat'));
    net.renameWithoutRevision({ banat: 'renamed behind the registry' });
    expect(await net.ask(ENTITIES, clusters('banat'))).toEqual({ data: { _entities: [{ name: 'Banat IT', region: 'Vest' }] } });
  });
});
