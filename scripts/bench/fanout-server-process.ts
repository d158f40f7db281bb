import http from 'node:http';
import { exitOnFailure, stopOnSignals } from '../process-lifecycle';
import { announceReady } from './child-process';

export interface FanoutServerConfig {
  servers: number;
  /** The size of every answer, in bytes of JSON. */
  answerBytes: number;
}

/**
 * `servers` bare `node:http` servers, each answering every POST with one constant JSON body: what
 * a shard exchange costs its client when the shard does nothing at all (section C's baseline).
 */
async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as FanoutServerConfig;
  const answer = JSON.stringify({ data: { filler: 'x'.repeat(Math.max(0, config.answerBytes - 22)) } });
  const servers = await Promise.all(
    Array.from({ length: config.servers }, () => new Promise<http.Server>((resolve) => {
      const server = http.createServer((request, response) => {
        request.resume();
        request.on('end', () => response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) }).end(answer));
      });
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  announceReady({ ports: servers.map((server) => (server.address() as { port: number }).port) });
  stopOnSignals(async () => void (await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))));
}

exitOnFailure(main);
