import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createHttpTransport } from '../send';
import type { Shard } from '../shard-set';

/**
 * Whether a failed request may have reached the shard (`sent`), which decides whether a failed
 * write's outcome is unknown or certainly not applied. Real sockets: a port nobody listens on, a
 * server that reads the request and drops the connection, one that reads it and never answers.
 */
const transport = createHttpTransport();
const shardAt = (port: number, timeoutMs = 2000): Shard => ({ name: 'banat', clusterIds: ['banat'], baseUrl: `http://127.0.0.1:${port}`, timeoutMs, suspended: false });
const ask = (shard: Shard) => transport(shard, 'projects', { query: 'mutation { createEvent { id } }' }, {});

async function listening(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('the shard transport tells a request never sent from an answer lost', () => {
  const servers: net.Server[] = [];
  afterAll(async () => {
    for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('says a refused connection was never sent', async () => {
    const closed = net.createServer();
    const port = await listening(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await ask(shardAt(port))).toMatchObject({ ok: false, failure: 'unavailable', reason: 'connection refused', sent: false });
  });

  it('says a connection dropped after the request was read may have reached the shard', async () => {
    const dropping = http.createServer((request) => {
      request.resume();
      request.on('end', () => request.socket.destroy());
    });
    servers.push(dropping);
    expect(await ask(shardAt(await listening(dropping)))).toMatchObject({ ok: false, failure: 'unavailable', sent: true });
  });

  it('says a request that timed out after it was sent may have reached the shard', async () => {
    const silent = http.createServer((request) => request.resume());
    servers.push(silent);
    expect(await ask(shardAt(await listening(silent), 200))).toMatchObject({ ok: false, reason: 'timed out after 200 ms', sent: true });
  });

  it('says a truncated answer came from a shard that got the request', async () => {
    const truncating = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {"createEvent": '));
    });
    servers.push(truncating);
    expect(await ask(shardAt(await listening(truncating)))).toMatchObject({ ok: false, failure: 'misbehaved', sent: true });
  });
});
