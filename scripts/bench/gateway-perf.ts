import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROFILE_PARTS } from './cpu-profile-parts';
import { profiledPageLoad } from './profiled-page';
import { perfSampleParts } from './perf-samples';
import { cpuTimes } from './process-usage';
import { fixed, printTable } from './table';

/** Samples a second of CPU, each standing for SAMPLE_MICROS of it. */
const FREQUENCY = 1000;
const SAMPLE_MICROS = 1_000_000 / FREQUENCY;
const KERNEL = 'the kernel (system calls: sockets, epoll), from /proc';

/** Why `perf` cannot sample a process of ours here, or undefined when it can. */
function perfUnavailable(): string | undefined {
  const probe = spawnSync('perf', ['record', '-q', '-k', 'mono', '-e', 'cpu-clock:u', '-o', '/dev/null', '--', 'true'], { encoding: 'utf8' });
  if (probe.error) return `perf is not installed (${probe.error.message})`;
  return probe.status === 0 ? undefined : `perf cannot sample here: ${probe.stderr.trim().split('\n')[0] ?? `exit ${probe.status}`}`;
}

/**
 * J2: J's split counted on CPU. The same page over 9 shards at 1 client, a gateway of its own
 * started with `--perf-prof` (so that perf can name its JavaScript), sampled by `perf record
 * -e cpu-clock:u` in every thread over RUNS × SECONDS of load; the kernel's share is the process's
 * system time from /proc over the same window. Where perf is missing or not allowed, the section
 * says so and prints no table.
 */
export async function gatewayCpuSamples(): Promise<void> {
  const unavailable = perfUnavailable();
  if (unavailable) {
    console.log(`\nJ2 SKIPPED: ${unavailable}; J above is the V8 profile alone.`);
    return;
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-bench-perf-'));
  const samplesFile = path.join(folder, 'gateway.data');
  try {
    // `--perf-prof` writes every piece of code the JIT makes, with when, to a dump in the
    // process's folder, which `perf inject --jit` reads to name each sample by the code at its
    // address at its time: `--perf-basic-prof`'s one map of names per address misnames samples
    // once the JIT reuses the memory of code it dropped.
    const gatewayOptions = { env: { NODE_OPTIONS: '--perf-prof --interpreted-frames-native-stack' }, cwd: folder };
    const { pid, requests, kernelMicros } = await profiledPageLoad(gatewayOptions, async (pid, load) => {
      // The dump's times are CLOCK_MONOTONIC: the samples must carry the same clock.
      const recorder = spawn('perf', ['record', '-q', '-k', 'mono', '-e', 'cpu-clock:u', '-F', String(FREQUENCY), '-g', '-p', String(pid), '-o', samplesFile], { stdio: 'ignore' });
      const recorded = new Promise<void>((resolve) => recorder.once('exit', () => resolve()));
      const before = cpuTimes(pid);
      try {
        const answered = await load();
        return { pid, requests: answered, kernelMicros: cpuTimes(pid).system - before.system };
      } finally {
        recorder.kill('SIGINT');
        await recorded;
      }
    });
    // Read after the gateway stopped, so that its dump of the JIT's code is complete.
    const injected = spawnSync('perf', ['inject', '--jit', '-i', samplesFile, '-o', `${samplesFile}.jit`], { encoding: 'utf8', cwd: folder });
    if (injected.status !== 0) throw new Error(`perf inject failed: ${injected.stderr}`);
    const script = spawnSync('perf', ['script', '-i', `${samplesFile}.jit`, '-F', 'tid,ip,sym'], { encoding: 'utf8', maxBuffer: 1 << 30, cwd: folder });
    if (script.status !== 0) throw new Error(`perf script failed: ${script.stderr}`);
    const { parts, samples } = perfSampleParts(script.stdout, pid);
    const micros = new Map<string, number>(PROFILE_PARTS.map((part) => [part, parts.get(part)! * SAMPLE_MICROS]));
    micros.set(KERNEL, kernelMicros);
    const total = [...micros.values()].reduce((sum, value) => sum + value, 0);
    const rows = [...micros].map(([part, value]) => [part, fixed(value / requests), fixed((100 * value) / total, 1)]);
    rows.push(['all of it', fixed(total / requests), '100.0']);
    printTable(`J2. The same on CPU: perf samples of every gateway thread in user space, the kernel's time from /proc; the same page, ${requests} requests, ${samples} samples`, ['part', 'us/req', '% of CPU'], rows);
  } finally {
    // The dump and the code `perf inject` wrote out of it (a file for each function) are in it.
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
