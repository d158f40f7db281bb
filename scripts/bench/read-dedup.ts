import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSigningKeys } from '../../shared/auth/signing-keys';
import { issueToken } from '../../shared/auth/tokens';
import { DASHBOARD_OPERATIONS } from '../../gateway/src/persisted-queries/dashboard-operations';
import { writeBenchTokenKeys } from './bench-assertions';
import { gatewayFor, ProcessGroup, SHARD_PROCESSES, startSubgraphs } from './bench-network';
import { SECONDS } from './compare';
import { checkedPost } from './load';
import { fixed, printTable } from './table';

const CLIENTS = 50;
/** More distinct tokens than the run can send, so that no two requests in flight ever carry the same one. */
const TOKENS = 3000;
const HEADLINE = JSON.stringify({ query: DASHBOARD_OPERATIONS.DashboardHeadline, variables: {} });

/**
 * K: 50 clients sending the dashboard's headline query at once over 9 shards, counting the
 * requests the shards received (from their own `/metrics`) per client request: all as one caller
 * (anonymous), where identical reads in flight are sent once, and each request with a token of a
 * caller of its own, where no answer may be shared.
 */
export async function readDedup(): Promise<void> {
  const keysFile = path.join(os.tmpdir(), `itro-bench-token-keys-${process.pid}.json`);
  await writeBenchTokenKeys(keysFile);
  const group = new ProcessGroup();
  try {
    const subgraphs = await group.add(startSubgraphs('sharded', 1, SHARD_PROCESSES, 'required', true, {}, keysFile));
    // No registry poll during the run: after each, the gateway asks every deployment for its schema,
    // requests the count would take for the load's.
    const gateway = await group.add(gatewayFor('ours', subgraphs.networkUrl, { registryPollMs: 3_600_000 }, { tokenKeysFile: keysFile }));
    const keys = readSigningKeys(keysFile);
    const tokens = await Promise.all(Array.from({ length: TOKENS }, (_, index) => issueToken(keys, { role: 'analyst', subject: `bench-analyst-${index}` })));
    await checkedPost(gateway.info.url, HEADLINE);
    const rows: string[][] = [];
    for (const [callers, authorization] of [
      ['one caller (anonymous)', undefined],
      ['a caller per request (own token)', (index: number) => `Bearer ${tokens[index % TOKENS]}`],
    ] as const) {
      const before = await shardRequests(subgraphs.clusterUrls);
      const sent = await sendAtOnce(gateway.info.url, authorization);
      const received = (await shardRequests(subgraphs.clusterUrls)) - before;
      rows.push([callers, String(sent), String(received), fixed(received / sent, 2), fixed(received / sent / subgraphs.shards, 2)]);
    }
    printTable(
      `K. ${CLIENTS} clients sending the dashboard's headline query at once over ${subgraphs.shards} shards, ${SECONDS} s (floors: one caller <= 0.5 x shards; a caller per request exactly 1 x shards)`,
      ['callers', 'client requests', 'shard requests', 'per client request', 'x shards'],
      rows,
    );
  } finally {
    await group.stop();
    fs.rmSync(keysFile, { force: true });
  }
}

/**
 * CLIENTS clients, each sending its next request as soon as its last is answered, for SECONDS; the
 * requests in flight at the end are answered, not cut, so that every request the shards count
 * belongs to one counted here. Each request's `authorization` by its number when given. Throws on
 * any failure.
 */
async function sendAtOnce(url: string, authorization: ((index: number) => string) | undefined): Promise<number> {
  const until = Date.now() + SECONDS * 1000;
  let sent = 0;
  const client = async () => {
    while (Date.now() < until) {
      const index = sent++;
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization ? { authorization: authorization(index) } : {}) };
      const response = await fetch(url, { method: 'POST', headers, body: HEADLINE });
      const answer = (await response.json()) as { errors?: unknown[] };
      if (response.status !== 200 || answer.errors) throw new Error(`request ${index} answered ${response.status}: ${JSON.stringify(answer.errors)}`);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return sent;
}

/** The GraphQL requests every deployment has answered so far, from its own `/metrics`. */
async function shardRequests(deploymentUrls: readonly string[]): Promise<number> {
  let total = 0;
  for (const url of new Set(deploymentUrls)) {
    const text = await (await fetch(`${url}/metrics`)).text();
    for (const line of text.split('\n')) {
      const match = /^itro_http_request_duration_seconds_count\{([^}]*)\} (\d+)/.exec(line);
      if (match && /route="\/[a-z]+\/graphql"/.test(match[1]!) && /method="POST"/.test(match[1]!)) total += Number(match[2]);
    }
  }
  return total;
}
