import 'reflect-metadata';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { ANALYST_EXAMPLES } from '../../gateway/src/persisted-queries/analyst-examples';
import type { RunningNetwork } from '../../scripts/run-network';
import { postGraphQL } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork, tokenFor } from '../support/test-network';

/**
 * Exports for analysts, on both backends: `POST /export` and `npm run query` walk a query's
 * connection to its end, as CSV or JSON lines, with the caller's rights and the gateway's limits.
 */
describeOnBothBackends('exports for analysts', (backend) => {
  let network: RunningNetwork;
  let origin: string;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-export-'));

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_export');
    origin = network.gatewayUrl.replace(/\/graphql$/, '');
  });

  afterAll(async () => {
    await network?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function exported(body: unknown, format = 'csv', token?: string): Promise<{ status: number; text: string; headers: Headers }> {
    const response = await fetch(`${origin}/export?format=${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: await response.text(), headers: response.headers };
  }

  /** Every member id, walked page by page through the API itself. */
  async function memberIds(variables: Record<string, unknown> = {}): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const answer: { data?: { members: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } = await postGraphQL(
        network.gatewayUrl,
        'query($after: String, $kinds: [MemberKind!]) { members(first: 100, after: $after, filter: { kind: $kinds }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { ...variables, after },
      );
      ids.push(...answer.data!.members.edges.map((edge) => edge.node.id));
      after = answer.data!.members.pageInfo.hasNextPage ? answer.data!.members.pageInfo.endCursor : null;
    } while (after);
    return ids;
  }

  it('walks the member export example to its end as CSV, one row per member, in the API\u2019s order', async () => {
    const { status, text, headers } = await exported({ query: ANALYST_EXAMPLES.MemberExport });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(text) as string[][];
    expect(header!.slice(0, 4)).toEqual(['id', 'name', 'kind', 'employees']);
    expect(header).toContain('membership.fees.year');
    expect(rows.map((row) => row[0])).toEqual(await memberIds());
    expect(Number(headers.get('x-total-count'))).toBe(rows.length);
  });

  it('writes JSON lines with the variables given, the nodes as the API gives them', async () => {
    const { status, text } = await exported({ query: 'query($kinds: [MemberKind!]) { members(first: 7, filter: { kind: $kinds }) { edges { node { id kind cluster { id } } } } }', variables: { kinds: ['UNIVERSITY'] } }, 'jsonl');
    expect(status).toBe(200);
    const nodes = text.trim().split('\n').map((line) => JSON.parse(line) as { id: string; kind: string; cluster: { id: string } });
    expect(nodes.map((node) => node.id)).toEqual(await memberIds({ kinds: ['UNIVERSITY'] }));
    expect(new Set(nodes.map((node) => node.kind))).toEqual(new Set(['UNIVERSITY']));
  });

  it('exports what the caller may see: projects under NDA for their cluster\u2019s staff only (the seed puts five in ALT Brașov)', async () => {
    const query = `{ projects(first: 100, clusters: ["alt-brasov"]) { edges { node { id underNda } } } }`;
    const anonymous = (await exported({ query }, 'jsonl')).text.trim().split('\n').map((line) => JSON.parse(line) as { underNda: boolean });
    const admin = (await exported({ query }, 'jsonl', await tokenFor({ subject: 'staff@alt-brasov', role: 'cluster-admin', cluster: 'alt-brasov' }))).text.trim().split('\n').map((line) => JSON.parse(line) as { underNda: boolean });
    expect(anonymous.some((project) => project.underNda)).toBe(false);
    expect(admin.filter((project) => project.underNda).length).toBeGreaterThan(0);
    expect(admin.length).toBeGreaterThan(anonymous.length);
  });

  it('refuses what cannot be exported with a clear code, and a bad token with 401', async () => {
    const refused = async (body: unknown, status: number, code: string, format = 'csv', token?: string) => {
      const answer = await exported(body, format, token);
      expect([answer.status, (JSON.parse(answer.text) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code]).toEqual([status, code]);
    };
    await refused({ query: '{ clusters { id } }' }, 400, 'BAD_USER_INPUT');
    await refused({ query: '{ members(first: 10) { edges { node { nope } } } }' }, 400, 'GRAPHQL_VALIDATION_FAILED');
    await refused({ query: '{ members(first: 100) { edges { node { workingGroups { participants { workingGroups { participants { id } } } } } } } }' }, 400, 'QUERY_TOO_COMPLEX');
    await refused({ query: '{ members { edges { node { id } } } }' }, 400, 'BAD_USER_INPUT', 'xml');
    await refused({ nothing: true }, 400, 'BAD_REQUEST');
    await refused({ query: '{ members { edges { node { id } } } }' }, 401, 'UNAUTHENTICATED', 'csv', 'not.a.token');
  });

  /** The command in a child process; asynchronously, since the network it asks runs in this one. */
  function command(args: string[]): Promise<{ status: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/query.ts', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stderr }));
    });
  }

  it('does the same from the command line, with a progress line', async () => {
    const file = path.join(folder, 'members.graphql');
    fs.writeFileSync(file, 'query($kinds: [MemberKind!]) { members(first: 25, filter: { kind: $kinds }) { totalCount edges { node { id name cluster { name } } } } }');
    const out = path.join(folder, 'members.csv');
    const result = await command([file, '--csv', '--out', out, '--var', 'kinds=["SME","STARTUP"]', '--url', network.gatewayUrl]);
    expect([result.status, result.stderr]).toEqual([0, expect.stringMatching(/exported \d+ rows in \d+ pages as csv/)]);
    const [header, ...rows] = parseCsv(fs.readFileSync(out, 'utf8')) as string[][];
    expect(header).toEqual(['id', 'name', 'cluster.name']);
    // Off a terminal the progress line is printed every tenth page: 25 rows a page, so 250 rows in.
    expect(result.stderr).toMatch(/^250 of [\d,]+ rows, page 10$/m);
    const total = Number(/exported (\d+) rows/.exec(result.stderr)![1]);
    expect(rows).toHaveLength(total);
    const usage = await command([]);
    expect([usage.status, usage.stderr]).toEqual([2, expect.stringMatching(/^usage: npm run query/)]);
  });
});
