import { spawn, type ChildProcess } from 'node:child_process';

export interface ClusterProcess {
  /** The deployment's base URL, as the registry would hold it. */
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

export interface ClusterProcessOptions {
  clusterId: string;
  /** `CLUSTER_DATABASE_URL`: a URL with `{cluster}` in it. */
  databaseUrl: string;
  /** Where the network publishes the keys of tokens and of the gateway's assertions. */
  jwksUrl: string;
  env?: Record<string, string>;
}

/**
 * One cluster's deployment as a cluster runs it: its own start script, in its own process, on an
 * ephemeral port, verifying tokens and the gateway's assertions with the keys the network publishes.
 */
export async function startClusterProcess(options: ClusterProcessOptions): Promise<ClusterProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/start-cluster.ts', options.clusterId], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      CLUSTER_PORT: '0',
      HOST: '127.0.0.1',
      CLUSTER_DATABASE_URL: options.databaseUrl,
      AUTH_JWKS_URL: options.jwksUrl,
      SHUTDOWN_GRACE_MS: '5000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /answer at (\S+)\/\{members/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`cluster ${options.clusterId} exited with ${code}: ${output}`)));
  });
  return {
    url,
    child,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
