import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../shared/config';
import { exitOnFailure } from './process-lifecycle';

const USAGE = `usage: npm run cluster -- <command> [--url <gateway /graphql>] [--token <token> | --token-file <file>]
  list
  add <id> --name <name> --short-name <name> --city <city> --region <REGION> --deployment <url> --representative <name>
  set-url <id> <deployment url>
  suspend <id> | resume <id> | retire <id>
Registry writes need a secretariat token (npm run token -- --role secretariat).`;

const CLUSTER_FIELDS = 'id shortName status url';

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * `npm run cluster`: the cluster registry for operators, through the gateway's API (so every write
 * is the secretariat's, audited, and applied by the gateway at once).
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      name: { type: 'string' },
      'short-name': { type: 'string' },
      city: { type: 'string' },
      region: { type: 'string' },
      deployment: { type: 'string' },
      representative: { type: 'string' },
    },
  });
  const [command, id, extra] = positionals;
  const url = values.url ?? `http://127.0.0.1:${loadConfig().ports.gateway}/graphql`;
  const token = values.token ?? (values['token-file'] ? fs.readFileSync(values['token-file'], 'utf8').trim() : process.env.ITRO_TOKEN);
  const ask = (query: string, variables: Record<string, unknown> = {}) => post(url, token, query, variables);

  if (command === 'list' && !id) {
    const data = await ask(`{ registryRevision clusters { ${CLUSTER_FIELDS} city region } }`);
    if (!data) return;
    const clusters = data.clusters as Array<Record<string, string>>;
    const rows = [['id', 'name', 'status', 'city', 'region', 'deployment'], ...clusters.map((c) => [c.id!, c.shortName!, c.status!, c.city!, c.region!, c.url!])];
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    process.stdout.write(`${rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n')}\n`);
    process.stdout.write(`registry revision ${String(data.registryRevision)}, ${clusters.length} clusters\n`);
    return;
  }
  if (command === 'add' && id && !extra) {
    const input = { id, name: values.name, shortName: values['short-name'], city: values.city, region: values.region, url: values.deployment, representative: values.representative };
    const missing = Object.entries(input).filter(([, value]) => value === undefined).map(([name]) => name);
    if (missing.length > 0) return usage(`add needs ${missing.join(', ')}\n${USAGE}`);
    return report(await ask(`mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { ${CLUSTER_FIELDS} } }`, { input }), 'registerCluster', 'registered');
  }
  if (command === 'set-url' && id && extra) {
    return report(await ask(`mutation($input: UpdateClusterInput!) { updateCluster(input: $input) { ${CLUSTER_FIELDS} } }`, { input: { id, url: extra } }), 'updateCluster', 'moved');
  }
  const lifecycle = { suspend: 'suspendCluster', resume: 'resumeCluster', retire: 'retireCluster' } as const;
  const done = { suspend: 'suspended', resume: 'resumed', retire: 'retired' } as const;
  if (command && command in lifecycle && id && !extra) {
    const operation = lifecycle[command as keyof typeof lifecycle];
    return report(await ask(`mutation($id: ID!) { ${operation}(id: $id) { ${CLUSTER_FIELDS} } }`, { id }), operation, done[command as keyof typeof done]);
  }
  usage(USAGE);
}

/** Sends one operation; prints its errors with their codes and returns null when there are any. */
async function post(url: string, token: string | undefined, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown> | null> {
  let answer: Answer;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    answer = (await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status} without a GraphQL answer` }] }))) as Answer;
  } catch (error) {
    answer = { errors: [{ message: `the gateway at ${url} did not answer (${error instanceof Error ? error.message : String(error)})` }] };
  }
  if (answer.errors?.length) {
    for (const error of answer.errors) process.stderr.write(`${error.extensions?.code ?? 'ERROR'}: ${error.message}\n`);
    process.exitCode = 1;
    return null;
  }
  return answer.data ?? null;
}

function report(data: Record<string, unknown> | null, operation: string, done: string): void {
  const cluster = data?.[operation] as Record<string, string> | undefined;
  if (cluster) process.stdout.write(`${done} ${cluster.id}: ${cluster.status} at ${cluster.url}\n`);
}

function usage(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}

exitOnFailure(main);
