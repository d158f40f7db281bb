import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createShardProbe } from '../shard-probe';
import type { Shard } from '../shard-router/shard-set';

/** A deployment whose `/health` answers `body`. */
async function healthServer(body: string): Promise<{ shard: Shard; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { shard: { name: `c${port}`, clusterIds: [`c${port}`], baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 1000, suspended: false }, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the shard probe reads what a deployment says of its program', () => {
  it('takes a plain version and schema hashes, and nothing that is not plain', async () => {
    const honest = await healthServer(JSON.stringify({ status: 'ok', version: '1.4.0', schemas: { members: '0123456789abcdef', projects: 'fedcba9876543210' } }));
    const odd = await healthServer(JSON.stringify({ status: 'ok', version: '<b>1.4</b>', schemas: { members: 'x'.repeat(65), 'bad name': 'abc', projects: 'abc123' } }));
    const junk = await healthServer('not json');
    const huge = await healthServer(JSON.stringify({ version: '1.0.0', schemas: { members: 'abc' }, padding: 'x'.repeat(5_000_000) }));
    try {
      const statuses = await createShardProbe([honest.shard, odd.shard, junk.shard, huge.shard], () => [])();
      // Every one answered: up, or slow where a busy machine held an answer past SLOW_PROBE_MS
      // (which says nothing of what the answer held, the subject here).
      expect(statuses.map(({ status }) => status).filter((status) => status !== 'up' && status !== 'slow')).toEqual([]);
      expect(statuses.map(({ version, schemas }) => ({ version, schemas }))).toEqual([
        { version: '1.4.0', schemas: { members: '0123456789abcdef', projects: 'fedcba9876543210' } },
        { version: null, schemas: { projects: 'abc123' } },
        { version: null, schemas: null },
        // Past 16 KiB the body is not read: nothing of it is believed.
        { version: null, schemas: null },
      ]);
    } finally {
      await Promise.all([honest.close(), odd.close(), junk.close(), huge.close()]);
    }
  });
});
