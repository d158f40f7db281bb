import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ReadyChild<Info> {
  child: ChildProcess;
  info: Info;
  stop(): Promise<void>;
}

const READY = 'READY ';

/**
 * Tells the parent a child is serving, with what it needs to know (URLs), as one line, and has
 * the child stop once the parent is gone: a bench that crashed or was killed before it stopped its
 * children would leave them taking the CPU of the next run. The parent's end closes the IPC
 * channel it started the child with; the child then stops as on SIGTERM (its own `stopOnSignals`).
 */
export function announceReady(info: unknown): void {
  process.stdout.write(`${READY}${JSON.stringify(info)}\n`);
  if (!process.channel) return;
  // The channel alone must not keep a child alive that has nothing else to do.
  process.channel.unref();
  const stopWithParent = () => process.kill(process.pid, 'SIGTERM');
  if (!process.connected) stopWithParent();
  else process.once('disconnect', stopWithParent);
}

/** How a child is started: its environment beyond the parent's, where it writes a CPU profile, its folder, Node's flags. */
export interface ChildOptions {
  env?: Record<string, string>;
  /** The process writes a CPU profile there when it stops (`node --cpu-prof`); BENCH_PROFILE_DIR when omitted. */
  profileDir?: string;
  cwd?: string;
  /** Given to Node before the script, as a deployment's command line gives them (see gateway-node-flags.ts). */
  nodeFlags?: readonly string[];
}

/**
 * Starts a sibling script of the benchmark in its own Node process, so that its CPU and memory are
 * its own, and waits for its READY line.
 */
export function startChild<Info>(script: string, config: unknown, { env = {}, profileDir = process.env.BENCH_PROFILE_DIR, cwd, nodeFlags = [] }: ChildOptions = {}): Promise<ReadyChild<Info>> {
  const file = path.join(__dirname, `${script}${path.extname(__filename)}`);
  const loader = path.extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [];
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${script}-${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...profile, ...loader, file, JSON.stringify(config)], {
    // The IPC channel only tells the child when this process is gone (see announceReady).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    ...(cwd ? { cwd } : {}),
    // Measured as deployed: NODE_ENV=production also turns off graphql-js's development checks.
    env: { ...process.env, LOG_LEVEL: 'error', NODE_ENV: 'production', ...env },
  });
  // Nor does it keep this process alive once its work is done.
  child.channel?.unref();
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith(READY));
      if (line) resolve({ child, info: JSON.parse(line.slice(READY.length)) as Info, stop });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready:\n${output}`)));
  });
}
