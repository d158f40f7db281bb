import { FIRST_PAGE } from './bench-queries';
import { gatewayFor, SHARD_PROCESSES, startSubgraphs, type GatewayProcessOptions } from './bench-network';
import { body, RUNS, SECONDS, WARMUP_SECONDS } from './compare';
import { checkedPost, runLoad } from './load';

/** What a profiling section does around the measured load: given the gateway's pid and the load to run, which resolves to the requests it answered. */
export type AroundLoad<Result> = (pid: number, load: () => Promise<number>) => Promise<Result>;

/**
 * J's and J2's set-up: B's page over 9 shards at 1 client, through a gateway of its own started
 * with `options` (a profiler's flags, its folder), warmed for WARMUP_SECONDS and then loaded for
 * RUNS × SECONDS inside `around`. The gateway and the shards are stopped before this resolves, so
 * that what a profiler writes as the process exits is complete.
 */
export async function profiledPageLoad<Result>(options: GatewayProcessOptions, around: AroundLoad<Result>): Promise<Result> {
  const subgraphs = await startSubgraphs('sharded', 1, SHARD_PROCESSES);
  try {
    const gateway = await gatewayFor('ours', subgraphs.networkUrl, {}, options);
    try {
      const page = body(FIRST_PAGE);
      await checkedPost(gateway.info.url, page);
      await runLoad(gateway.info.url, page, 1, WARMUP_SECONDS);
      return await around(gateway.child.pid!, async () => {
        const load = await runLoad(gateway.info.url, page, 1, RUNS * SECONDS);
        if (load.failures > 0) throw new Error(`${load.failures} failed requests`);
        return load.requests;
      });
    } finally {
      await gateway.stop();
    }
  } finally {
    await subgraphs.stop();
  }
}
