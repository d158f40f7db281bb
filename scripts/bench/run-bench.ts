/**
 * `npm run bench`: the shard router against stock @apollo/gateway and against one database, on
 * this machine, in one run. Every figure is the median of BENCH_RUNS runs of BENCH_SECONDS each.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exitOnFailure } from '../process-lifecycle';
import { httpTransport } from '../../gateway/src';
import { writeBenchGatewayKeys } from './bench-assertions';
import { checkedPost } from './load';
import { body, compare, pairedRatio, RUNS, SECONDS, summary, type Target } from './compare';
import { GATEWAY_KEYS_FILE, gatewayFor, ProcessGroup, SHARD_PROCESSES, startSubgraphs } from './bench-network';
import { refuseStrayProcesses } from './stray-processes';
import { measureMerge } from './merge-cost';
import { measureLimits, servedSchema } from './limits-cost';
import { ANALYST_EXAMPLES } from '../../gateway/src/persisted-queries/analyst-examples';
import { residentBytes } from './process-usage';
import { fixed, printTable } from './table';
import { measureAnswerChecks, measureAssertions, type RecordedAnswer } from './trust-cost';
import { registryChangeTimes } from './registry-change';
import { clusterSubgraphVersusBare } from './bare-subgraph';
import { gatewayProfile } from './gateway-profile';
import { gatewayCpuSamples } from './gateway-perf';
import { readDedup } from './read-dedup';
import { partnerFinder } from './partner-finder';
import { bareFanoutMicros } from './bare-fanout';
import { observabilityCost } from './observability-cost';
import { FIRST_PAGE } from './bench-queries';
import { countingNetwork, inProcessNetwork } from './in-process-network';
import { compileShardRules } from '../../gateway/src/shard-router/shard-rules';
import { buildClusterSchemas } from '../../subgraphs/cluster/src/schema/build-cluster-schemas';

/** Section A's rows: each query at each connection count over `targets`, with its ratio to stock. */
async function ratiosToStock(label: string, payloads: readonly string[], targets: readonly Target[], connectionCounts: readonly number[], rows: string[][]): Promise<void> {
  for (const target of targets) for (const payload of payloads.slice(0, 3)) await checkedPost(target.url, payload);
  for (const connections of connectionCounts) {
    const results = await compare(targets, payloads.length === 1 ? payloads[0]! : payloads, connections);
    for (const target of targets) {
      const s = summary(results.get(target.name)!);
      rows.push([label, String(connections), target.name, fixed(s.rps), fixed(s.p50, 1), fixed(s.p95, 1), fixed(s.cpu), fixed(pairedRatio(results, target.name, STOCK), 2)]);
    }
  }
}

const STOCK = 'stock @apollo/gateway';

/** The ids of the first `count` members, by name, that lead or take part in a project. */
async function membersWithProjects(url: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  while (ids.length < count) {
    const data = (await checkedPost(url, JSON.stringify({ query: 'query($after: String) { members(first: 100, after: $after) { edges { node { id projects { id } } } pageInfo { hasNextPage endCursor } } }', variables: { after } }))) as {
      members: { edges: Array<{ node: { id: string; projects: unknown[] } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    };
    ids.push(...data.members.edges.filter((edge) => edge.node.projects.length > 0).map((edge) => edge.node.id));
    if (!data.members.pageInfo.hasNextPage) break;
    after = data.members.pageInfo.endCursor;
  }
  return ids.slice(0, count);
}

async function stockVersusOurs(): Promise<void> {
  // The stock gateway and the direct row cannot sign: this subgraph takes requests without an assertion.
  const group = new ProcessGroup();
  try {
    const subgraphs = await group.add(startSubgraphs('one-database', 1, 1, 'off'));
    const stock = await group.add(gatewayFor('stock', subgraphs.networkUrl));
    const ours = await group.add(gatewayFor('ours', subgraphs.networkUrl));
    const unchecked = await group.add(gatewayFor('ours', subgraphs.networkUrl, { trust: 'unchecked' }));
    const unshared = await group.add(gatewayFor('ours', subgraphs.networkUrl, { shareReads: false }));
    // Members with projects, each request asking for the next: requests in flight at once differ
    // (there are over twice as many as connections), as many users' do, so no gateway can answer
    // one from another's.
    const members = await membersWithProjects(ours.info.url, 120);
    const lookup = (id: string) => body(`{ member(id: "${id}") { id name kind employees city founded } }`);
    const join = (id: string) => body(`{ member(id: "${id}") { id name cluster { name region } projects { id title lead { name } } } }`);
    const direct: Target = { name: 'direct to the subgraph', url: `${subgraphs.clusterUrls[0]}/members/graphql`, pid: undefined };
    const gateways: Target[] = [
      { name: STOCK, url: stock.info.url, pid: stock.child.pid },
      { name: 'ours (shard router)', url: ours.info.url, pid: ours.child.pid },
      { name: 'ours, no checks, no assertion', url: unchecked.info.url, pid: unchecked.child.pid },
    ];
    const rows: string[][] = [];
    await ratiosToStock('member(id:)', members.map(lookup), [direct, ...gateways], [10, 50], rows);
    await ratiosToStock('entity join', members.map(join), gateways, [10, 50], rows);
    // A dashboard's case: one query from every screen at once, which ours sends each shard once.
    const sameQuery = [gateways[0]!, gateways[1]!, { name: 'ours, reads not shared', url: unshared.info.url, pid: unshared.child.pid }];
    await ratiosToStock('join, 1 member', [join(members[0]!)], sameQuery, [50], rows);
    printTable(
      `A. One cluster subgraph: direct, stock @apollo/gateway, ours (floor: ours >= 2.0x stock); each request asks for the next of ${members.length} members, except "1 member"; x stock is the median of each round's ratio`,
      ['query', 'conns', 'path', 'req/s', 'p50 ms', 'p95 ms', 'gateway CPU us/req', 'x stock'],
      rows,
    );
  } finally {
    await group.stop();
  }
}


async function shardsVersusOneDatabase(): Promise<void> {
  const group = new ProcessGroup();
  try {
    const sharded = await group.add(startSubgraphs('sharded', 1, SHARD_PROCESSES));
    // Without assertion checks, so that the stock gateway (which cannot sign) can ask it too.
    const one = await group.add(startSubgraphs('one-database', 1, 1, 'off'));
    const overShards = await group.add(gatewayFor('ours', sharded.networkUrl));
    const overOne = await group.add(gatewayFor('ours', one.networkUrl));
    const stockOverOne = await group.add(gatewayFor('stock', one.networkUrl));
    const [a, b, c] = await Promise.all([checkedPost(overShards.info.url, body(FIRST_PAGE)), checkedPost(overOne.info.url, body(FIRST_PAGE)), checkedPost(stockOverOne.info.url, body(FIRST_PAGE))]);
    if (JSON.stringify(a) !== JSON.stringify(b) || JSON.stringify(b) !== JSON.stringify(c)) throw new Error('the sharded, the one-database and the stock first pages differ');
    const targets: Target[] = [
      { name: 'one database, 1 shard', url: overOne.info.url, pid: overOne.child.pid },
      { name: '9 shards', url: overShards.info.url, pid: overShards.child.pid },
      { name: 'stock, one database', url: stockOverOne.info.url, pid: stockOverOne.child.pid },
    ];
    const rows: string[][] = [];
    for (const clients of [1, 10]) {
      const results = await compare(targets, body(FIRST_PAGE), clients);
      const base = summary(results.get(targets[0]!.name)!);
      for (const target of targets) {
        const s = summary(results.get(target.name)!);
        rows.push([String(clients), target.name, fixed(s.rps), fixed(s.p50, 1), fixed(s.p95, 1), fixed(s.cpu), fixed(s.p50 / base.p50, 2), fixed(base.rps / s.rps, 2)]);
      }
    }
    printTable(
      'B. First page of 50 members by name: ours over one database and over 9 shards, stock @apollo/gateway over the one database (floors: 9 shards p50 ratio <= 1.5 at 1 client, <= 2.0 at 10; its gateway CPU <= stock\'s)',
      ['clients', 'network', 'req/s', 'p50 ms', 'p95 ms', 'gateway CPU us/req', 'p50 ratio', 'time ratio'],
      rows,
    );
  } finally {
    await group.stop();
  }
}

async function scale(): Promise<void> {
  const rows: string[][] = [];
  for (const parts of [1, 3, 9]) {
    const group = new ProcessGroup();
    try {
      const subgraphs = await group.add(startSubgraphs('sharded', parts, SHARD_PROCESSES));
      const gateway = await group.add(gatewayFor('ours', subgraphs.networkUrl));
      await checkedPost(gateway.info.url, body(FIRST_PAGE));
      const results = await compare([{ name: 'ours', url: gateway.info.url, pid: gateway.child.pid }], body(FIRST_PAGE), 1);
      const s = summary(results.get('ours')!);
      const merge = measureMerge(subgraphs.shards, 50);
      rows.push([
        String(subgraphs.shards),
        fixed(s.p50, 1),
        fixed(s.p95, 1),
        fixed(s.cpu),
        fixed(residentBytes(gateway.child.pid!) / 2 ** 20),
        String(merge.rowsAsked),
        fixed(merge.microsPerRow, 2),
        fixed(merge.comparisonsPerRow, 1),
        fixed(Math.log2(subgraphs.shards), 1),
      ]);
    } finally {
      await group.stop();
    }
  }
  // What each shard beyond the first 9 adds to a request's gateway CPU (floor: <= 100 us).
  const cpuAt = (shards: number) => Number(rows.find((row) => row[0] === String(shards))?.[3]);
  const perShard = (cpuAt(81) - cpuAt(9)) / 72;
  rows.push(['9 -> 81', '', '', `${fixed(perShard)} per shard added`, '', '', '', '', '']);
  // The same count of bare exchanges (answers of the size a shard's share of the page takes), as a baseline of what HTTP alone costs here.
  const bare9 = await bareFanoutMicros(9, 2500, SECONDS);
  const bare81 = await bareFanoutMicros(81, 1000, SECONDS);
  rows.push(['bare HTTP', '', '', `${fixed(bare9)} / ${fixed(bare81)} per exchange at 9 / 81`, '', '', '', '', '']);
  printTable(
    'C. Scale: the same rows over 9, 27 and 81 shards; first page of 50 members by name, 1 client (floor: <= 100 us of gateway CPU per shard added); bare HTTP: a client doing nothing but the exchanges',
    ['shards', 'p50 ms', 'p95 ms', 'gateway CPU us/req', 'gateway RSS MiB', 'rows asked of shards', 'merge us/row', 'comparisons/row', 'log2(shards)'],
    rows,
  );
}

const WITH_PROJECTS = (first: number) =>
  `{ members(first: ${first}) { edges { node { id name projects { id title lead { id name } partners { id name cluster { id } } } } } } }`;

/** A whole seeded network in this process on SQLite files under `folder`, for sections that watch its inside. */
async function statementsPerRequest(): Promise<void> {
  const rows: string[][] = [];
  for (const topology of ['one-database', 'sharded'] as const) {
    const counting = await countingNetwork(topology);
    try {
      for (const first of [10, 50, 100]) {
        await checkedPost(counting.network.gatewayUrl, body(WITH_PROJECTS(first)));
        counting.reset();
        const data = (await checkedPost(counting.network.gatewayUrl, body(WITH_PROJECTS(first)))) as {
          members: { edges: Array<{ node: { projects: Array<{ partners: unknown[] }> } }> };
        };
        const { statements, fetches } = counting.counts;
        const projects = data.members.edges.reduce((sum, edge) => sum + edge.node.projects.length, 0);
        const partners = data.members.edges.reduce((sum, edge) => sum + edge.node.projects.reduce((n, p) => n + p.partners.length, 0), 0);
        const shards = topology === 'sharded' ? '9 shards' : 'one database';
        rows.push([shards, String(first), String(projects), String(partners), String(fetches), String(statements), fixed(statements / fetches, 2)]);
      }
    } finally {
      await counting.close();
    }
  }
  printTable(
    'D. SQL statements per request: a page of members with their projects, leads and partners',
    ['network', 'page size', 'projects', 'partners', 'shard fetches', 'SQL statements', 'per fetch'],
    rows,
  );
}

/** E. What the operation limits add per operation, against the validation every operation gets anyway. */
async function limitsCost(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-bench-limits-'));
  const network = await inProcessNetwork(folder, {});
  const rows: string[][] = [];
  try {
    const schema = await servedSchema(network.gatewayUrl);
    const queries: Record<string, string> = {
      'member(id:)': '{ member(id: "transilvania:1") { id name } }',
      'page of 50 members': FIRST_PAGE,
      ...ANALYST_EXAMPLES,
    };
    for (const [name, query] of Object.entries(queries)) {
      const measured = measureLimits(schema, query);
      rows.push([name, String(measured.cost), fixed(measured.validateMicros, 1), fixed(measured.limitsMicros, 1), fixed(measured.limitsMicros / measured.validateMicros, 2)]);
    }
  } finally {
    await network.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  printTable('E. Operation limits per operation, in process (medians of 5 rounds): their cost next to validation\'s', ['operation', 'cost', 'validate us', 'limits us', 'x validate'], rows);
}

/**
 * F. What trusting no shard costs per request, in this process: the answer checks over one page's
 * nine shard answers next to parsing their JSON, and the gateway assertion's signature and check.
 */
async function trustCost(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-bench-trust-'));
  const recorded: RecordedAnswer[] = [];
  let recording = false;
  const network = await inProcessNetwork(folder, {
    transport: async (shard, subgraph, request, headers) => {
      const result = await httpTransport(shard, subgraph, request, headers);
      if (recording && result.ok && subgraph === 'members') recorded.push({ clusterIds: shard.clusterIds, query: request.query, variables: request.variables ?? {}, text: JSON.stringify(result.body) });
      return result;
    },
  });
  try {
    await checkedPost(network.gatewayUrl, body(FIRST_PAGE));
    recording = true;
    await checkedPost(network.gatewayUrl, body(FIRST_PAGE));
    recording = false;
    const rules = compileShardRules('members', (await buildClusterSchemas()).members.sdl);
    const checks = measureAnswerChecks(rules, recorded);
    const rows: string[][] = [
      [`check ${recorded.length} shard answers of a page of 50 (every field, type, owner, cursor order)`, fixed(checks.checkMicros, 1), fixed(checks.checkMicros / checks.parseMicros, 2)],
      [`JSON.parse of the same ${recorded.length} answers (paid anyway)`, fixed(checks.parseMicros, 1), '1.00'],
      ...(await measureAssertions()).map(([what, micros]) => [what, fixed(micros, 1), '–']),
    ];
    printTable('F. Trusting no shard, in process (medians): answer checks per request next to JSON.parse, and the gateway assertion', ['work', 'us', 'x JSON.parse'], rows);
  } finally {
    await network.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  process.stdout.write(
    `IT-RO Federation benchmark: ${os.cpus().length} cores, Node ${process.version}, ${RUNS} runs x ${SECONDS} s, medians; shards in ${SHARD_PROCESSES} processes\n`,
  );
  const sections = (process.env.BENCH_SECTIONS ?? 'A,B,C,D,E,F,G,H,I,J,K,L').split(',');
  refuseStrayProcesses();
  await writeBenchGatewayKeys(GATEWAY_KEYS_FILE);
  try {
    if (sections.includes('A')) await stockVersusOurs();
    if (sections.includes('B')) await shardsVersusOneDatabase();
    if (sections.includes('C')) await scale();
    if (sections.includes('D')) await statementsPerRequest();
    if (sections.includes('E')) await limitsCost();
    if (sections.includes('F')) await trustCost();
    if (sections.includes('G')) await observabilityCost();
    if (sections.includes('H')) await registryChangeTimes();
    if (sections.includes('I')) await clusterSubgraphVersusBare();
    if (sections.includes('J')) {
      await gatewayProfile();
      await gatewayCpuSamples();
    }
    if (sections.includes('K')) await readDedup();
    if (sections.includes('L')) await partnerFinder();
  } finally {
    fs.rmSync(GATEWAY_KEYS_FILE, { force: true });
  }
}

exitOnFailure(main);
