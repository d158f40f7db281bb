import { Agent } from 'undici';
import { startChild } from './child-process';
import type { FanoutServerConfig } from './fanout-server-process';

/**
 * The client CPU of a bare fan-out: one POST to each of `shards` servers at once, over undici kept
 * alive as the gateway's transport is, each answer read and parsed, nothing else. The servers run
 * in a process of their own; this process's CPU per round, divided by the shards, is what an
 * exchange costs a client on this machine before any GraphQL. Section C sets it beside the
 * gateway's per-shard CPU.
 */
export async function bareFanoutMicros(shards: number, answerBytes: number, seconds: number): Promise<number> {
  const servers = await startChild<{ ports: number[] }>('fanout-server-process', { servers: Math.min(shards, 81), answerBytes } satisfies FanoutServerConfig);
  const agent = new Agent({ connections: 256 });
  try {
    const body = JSON.stringify({ query: `query Page { members(first: 6) { edges { cursor node { id name } } } }`, variables: { first: 6 } });
    const exchange = (port: number) =>
      new Promise<unknown>((resolve, reject) => {
        const chunks: Buffer[] = [];
        agent.dispatch(
          { origin: `http://127.0.0.1:${port}`, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, body },
          {
            onConnect: () => undefined,
            onHeaders: () => true,
            onData: (chunk) => chunks.push(chunk) > 0,
            onComplete: () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))),
            onError: reject,
          },
        );
      });
    const round = () => Promise.all(servers.info.ports.map(exchange));
    for (let warm = 0; warm < 200; warm++) await round();
    const started = Date.now();
    const before = process.cpuUsage();
    let rounds = 0;
    while (Date.now() - started < seconds * 1000) {
      await round();
      rounds += 1;
    }
    const used = process.cpuUsage(before);
    return (used.user + used.system) / rounds / servers.info.ports.length;
  } finally {
    await agent.close();
    await servers.stop();
  }
}
