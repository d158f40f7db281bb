import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gatewayFor, ProcessGroup, SHARD_PROCESSES, startSubgraphs } from './bench-network';
import { body, compare, summary, type Target } from './compare';
import { countingNetwork } from './in-process-network';
import { checkedPost } from './load';
import { fixed, printTable } from './table';

const NEED = 'need: { competences: [AI_DATA, CYBERSECURITY, CLOUD], certifications: [ISO_27001], programmes: [HORIZON_EUROPE], employees: { min: 10, max: 249 } }';
const PARTNER_PAGE = (first: number) =>
  `{ partnerSearch(${NEED}, first: ${first}) { totalCount edges { cursor node { score matched { areas certifications programmes } member { id name kind employees city region cluster { id } } } } pageInfo { hasNextPage endCursor } } }`;
const FOUR_ROLES = `{ consortium(first: 3, call: { minRegions: 2, maxPerCluster: 2, roles: [
  { label: "University", kinds: [UNIVERSITY], competences: [AI_DATA], programmes: [HORIZON_EUROPE] },
  { label: "SMEs with AI and cybersecurity", kinds: [SME], competences: [AI_DATA, CYBERSECURITY], count: 2 },
  { label: "Public authority", kinds: [PUBLIC_AUTHORITY], competences: [E_GOVERNMENT] },
  { label: "Cloud provider", kinds: [LARGE_ENTERPRISE], competences: [CLOUD], certifications: [ISO_27001] }
] }) { score roles { label members { id name kind region cluster { id } } } covers { competences regions clusters { id } } } }`;

/**
 * L: the partner finder over 9 shards next to the same over the one database, both through this
 * gateway: a partnerSearch page of 20 and a consortium for a call of four roles, at 1 and 10
 * clients; then the SQL statements a partner search runs at each page size.
 */
export async function partnerFinder(): Promise<void> {
  const group = new ProcessGroup();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-bench-partners-'));
  try {
    const targets: Target[] = [];
    for (const [name, topology, groups] of [['one database, 1 shard', 'one-database', 1], ['9 shards', 'sharded', SHARD_PROCESSES]] as const) {
      const urlFile = path.join(folder, `${topology}-gateway-url`);
      const subgraphs = await group.add(startSubgraphs(topology, 1, groups, 'required', true, {}, undefined, urlFile));
      const gateway = await group.add(gatewayFor('ours', subgraphs.networkUrl, { registryPollMs: 3_600_000 }));
      fs.writeFileSync(urlFile, gateway.info.url);
      targets.push({ name, url: gateway.info.url, pid: gateway.child.pid });
    }
    const rows: string[][] = [];
    for (const [query, text] of [['partnerSearch, 20', PARTNER_PAGE(20)], ['consortium, 4 roles', FOUR_ROLES]] as const) {
      const [one, nine] = await Promise.all(targets.map((target) => checkedPost(target.url, body(text))));
      if (JSON.stringify(one) !== JSON.stringify(nine)) throw new Error(`${query}: the sharded and the one-database answers differ`);
      for (const clients of [1, 10]) {
        const results = await compare(targets, body(text), clients);
        const base = summary(results.get(targets[0]!.name)!);
        for (const target of targets) {
          const s = summary(results.get(target.name)!);
          rows.push([query, String(clients), target.name, fixed(s.rps), fixed(s.p50, 1), fixed(s.p95, 1), fixed(s.cpu), fixed(s.p50 / base.p50, 2)]);
        }
      }
    }
    printTable(
      'L. The partner finder: a partnerSearch page of 20 and a consortium of four roles, over 9 shards and over the one database (floor: 9 shards p50 ratio <= 2.0 at 1 client)',
      ['query', 'clients', 'network', 'req/s', 'p50 ms', 'p95 ms', 'gateway CPU us/req', 'p50 ratio'],
      rows,
    );
  } finally {
    await group.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  await partnerStatements();
}

/** L2: SQL statements and shard fetches per partner search, by page size, on both networks. */
async function partnerStatements(): Promise<void> {
  const rows: string[][] = [];
  for (const topology of ['one-database', 'sharded'] as const) {
    const counting = await countingNetwork(topology);
    try {
      for (const first of [10, 20, 50, 100]) {
        await checkedPost(counting.network.gatewayUrl, body(PARTNER_PAGE(first)));
        counting.reset();
        const data = (await checkedPost(counting.network.gatewayUrl, body(PARTNER_PAGE(first)))) as { partnerSearch: { edges: unknown[] } };
        rows.push([topology === 'sharded' ? '9 shards' : 'one database', String(first), String(data.partnerSearch.edges.length), String(counting.counts.fetches), String(counting.counts.statements)]);
      }
    } finally {
      await counting.close();
    }
  }
  printTable('L2. SQL statements per partner search page, by page size', ['network', 'page size', 'matches', 'shard fetches', 'SQL statements'], rows);
}
