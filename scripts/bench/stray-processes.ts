import fs from 'node:fs';
import path from 'node:path';

/** A benchmark child's command line: one of this folder's `*-process` scripts, built or not. */
const BENCH_CHILD = /scripts\/bench\/[a-z-]+-process\.(js|ts)$/;

export interface StrayProcess {
  pid: number;
  script: string;
}

/**
 * Benchmark processes that are running before a run starts: children of an earlier run that ended
 * without stopping them (a script killed, a crash before its processes were stopped). Each costs
 * the machine CPU the run would measure as its own targets'. Read from `/proc` (`procDir` for
 * tests); a process that ends while it is read is passed over.
 */
export function strayBenchProcesses(procDir = '/proc'): StrayProcess[] {
  const strays: StrayProcess[] = [];
  for (const entry of fs.readdirSync(procDir)) {
    if (!/^\d+$/.test(entry)) continue;
    let commandLine: string;
    try {
      commandLine = fs.readFileSync(path.join(procDir, entry, 'cmdline'), 'utf8');
    } catch {
      continue;
    }
    const script = commandLine.split('\0').find((part) => BENCH_CHILD.test(part));
    if (script) strays.push({ pid: Number(entry), script: path.basename(script) });
  }
  return strays;
}

/** Refuses to start a run while benchmark processes of an earlier one are still running. */
export function refuseStrayProcesses(procDir = '/proc'): void {
  const strays = strayBenchProcesses(procDir);
  if (strays.length === 0) return;
  const listed = strays.map((stray) => `${stray.pid} (${stray.script})`).join(', ');
  throw new Error(`benchmark processes of an earlier run are still running and would take the machine's CPU from this one: ${listed}; stop them (kill ${strays.map((stray) => stray.pid).join(' ')}) and start again`);
}
