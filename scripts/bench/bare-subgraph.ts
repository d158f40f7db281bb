import { startChild } from './child-process';
import { body, compare, pairedRatio, summary, type Target } from './compare';
import { startSubgraphs } from './bench-network';
import { checkedPost } from './load';
import { fixed, printTable } from './table';

const BARE = 'bare @apollo/subgraph, constant member';
const LOOKUP = (id: string) => body(`{ member(id: "${id}") { id name kind employees city founded } }`);

/**
 * I: the cluster subgraph asked directly for `member(id:)`, against the least a subgraph can do on
 * this machine: @apollo/subgraph answering one constant member. What separates them is the cluster
 * subgraph's own work per request: express, the gateway assertion, its limits and deadline, its
 * token check, its loaders and SQL, metrics and request ids.
 */
export async function clusterSubgraphVersusBare(): Promise<void> {
  // Direct requests carry no gateway assertion: this deployment takes requests without one.
  const subgraphs = await startSubgraphs('one-database', 1, 1, 'off');
  const bare = await startChild<{ url: string }>('bare-subgraph-process', {});
  try {
    const clusterUrl = `${subgraphs.clusterUrls[0]}/members/graphql`;
    const page = (await checkedPost(clusterUrl, body('{ members(first: 100) { edges { node { id } } } }'))) as { members: { edges: Array<{ node: { id: string } }> } };
    const lookups = page.members.edges.map((edge) => LOOKUP(edge.node.id));
    const targets: Target[] = [
      { name: BARE, url: bare.info.url, pid: bare.child.pid },
      { name: 'cluster subgraph (SQLite)', url: clusterUrl, pid: undefined },
    ];
    for (const target of targets) await checkedPost(target.url, lookups[0]!);
    const rows: string[][] = [];
    for (const connections of [10, 50]) {
      const results = await compare(targets, lookups, connections);
      for (const target of targets) {
        const s = summary(results.get(target.name)!);
        rows.push([String(connections), target.name, fixed(s.rps), fixed(s.p50, 1), fixed(s.p95, 1), fixed(pairedRatio(results, target.name, BARE), 2)]);
      }
    }
    printTable(`I. member(id:) asked of a subgraph directly: the cluster subgraph against a bare @apollo/subgraph (floor: >= 0.4x bare); x bare is the median of each round's ratio`, ['conns', 'subgraph', 'req/s', 'p50 ms', 'p95 ms', 'x bare'], rows);
  } finally {
    await bare.stop();
    await subgraphs.stop();
  }
}
