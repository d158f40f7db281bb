import { Writable } from 'node:stream';
import { httpTransport, type ShardTransport } from '../../gateway/src';
import { createLogger } from '../../shared/logger';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { errorMasking } from '../../shared/server/mask-error';
import { REQUEST_ID_HEADER } from '../../shared/server/request-id';
import { createHttpApp, listen } from '../../shared/server/http-app';
import type { RunningNetwork } from '../../scripts/run-network';
import { clusterBehind, startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork } from '../support/test-network';

/** Log lines written to memory, parsed. */
function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

const FAULTY = 'inomar';

describeOnBothBackends('a request id follows each request', (backend) => {
  let network: RunningNetwork;
  let proxy: FaultyProxy;
  const log = capturedLog();
  const sentHeaders: Array<Record<string, string>> = [];
  const watching: ShardTransport = (shard, subgraph, request, headers) => {
    sentHeaders.push(headers);
    return httpTransport(shard, subgraph, request, headers);
  };

  beforeAll(async () => {
    proxy = await startFaultyProxy();
    network = await startTestNetwork(backend, 'itro_reqid', {
      logger: createLogger('test', 'info', log.stream),
      transport: watching,
      clusterUrl: clusterBehind(proxy, FAULTY),
      breaker: { failureThreshold: 1000, openMs: 1000 },
    });
  });

  afterAll(async () => {
    await network?.close();
    await proxy?.close();
  });

  const post = (headers: Record<string, string> = {}) =>
    fetch(network.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ members(first: 2) { totalCount } }' }) });

  it('keeps a plain id the caller gives, hands it to every shard asked, and answers with it', async () => {
    sentHeaders.length = 0;
    const response = await post({ [REQUEST_ID_HEADER]: 'req-0001-from-proxy' });
    expect(response.status).toBe(200);
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe('req-0001-from-proxy');
    expect(sentHeaders.length).toBeGreaterThanOrEqual(9);
    expect(new Set(sentHeaders.map((headers) => headers[REQUEST_ID_HEADER]))).toEqual(new Set(['req-0001-from-proxy']));
  });

  it('makes a new id for a request without one, or with one that is not plain', async () => {
    const without = (await post()).headers.get(REQUEST_ID_HEADER);
    const odd = (await post({ [REQUEST_ID_HEADER]: 'no spaces or "quotes" allowed' })).headers.get(REQUEST_ID_HEADER);
    for (const id of [without, odd]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(without).not.toBe(odd);
  });

  it('names the request in the log lines it causes', async () => {
    proxy.mode = 'malformed-json';
    try {
      await post({ [REQUEST_ID_HEADER]: 'req-0002-refused' });
    } finally {
      proxy.mode = 'pass';
    }
    const refused = log.lines.filter((line) => line.msg === 'shard answer refused');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((line) => line.requestId === 'req-0002-refused')).toBe(true);
  });
});

describe('a masked error', () => {
  it('carries the id of its request, which names its log line', async () => {
    const log = capturedLog();
    const masking = errorMasking(createLogger('test', 'info', log.stream));
    const schema = buildSchema('type Query { broken: Int }');
    const root = {
      broken: () => {
        throw new Error('SQLITE_BUSY: database is locked');
      },
    };
    const server = new ApolloServer({ schema, rootValue: root, formatError: masking.formatError, plugins: [masking.plugin], includeStacktraceInErrorResponses: false, stopOnTerminationSignals: false });
    await server.start();
    const running = await listen(createHttpApp([{ path: '/graphql', server, context: async () => ({}) }]), 0, '127.0.0.1');
    try {
      const post = (headers: Record<string, string>) =>
        fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ broken }' }) });
      const response = await post({ [REQUEST_ID_HEADER]: 'req-0003-masked' });
      expect(await response.json()).toEqual({
        data: { broken: null },
        errors: [{ message: 'Internal server error', path: ['broken'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-0003-masked' } }],
      });
      expect(log.lines).toEqual([expect.objectContaining({ msg: 'unexpected error', requestId: 'req-0003-masked' })]);
      // A request that came without an id is given one, and its masked error names that one.
      const unnamed = await post({});
      const given = unnamed.headers.get(REQUEST_ID_HEADER);
      const body = (await unnamed.json()) as { errors: Array<{ extensions: { requestId?: string } }> };
      expect(given).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.errors[0]!.extensions.requestId).toBe(given);
      expect(log.lines[1]).toEqual(expect.objectContaining({ msg: 'unexpected error', requestId: given }));
    } finally {
      await running.close();
      await server.stop();
    }
  });
});
