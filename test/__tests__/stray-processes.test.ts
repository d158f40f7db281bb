import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { refuseStrayProcesses, strayBenchProcesses } from '../../scripts/bench/stray-processes';

/** A stand-in for /proc: one folder per process with its NUL-separated command line. */
function fakeProc(processes: Record<string, string[] | null>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-fake-proc-'));
  for (const [entry, argv] of Object.entries(processes)) {
    fs.mkdirSync(path.join(root, entry));
    if (argv) fs.writeFileSync(path.join(root, entry, 'cmdline'), `${argv.join('\0')}\0`);
  }
  return root;
}

describe("the bench's check for processes of an earlier run", () => {
  const root = fakeProc({
    '4100': ['/usr/bin/node', '/srv/itro/dist/scripts/bench/gateway-process.js', '{"kind":"ours"}'],
    '4101': ['/usr/bin/node', '-r', '@swc-node/register', '/srv/itro/scripts/bench/shard-group-process.ts', '{}'],
    // The bench itself, a test run and the network run by hand are not children of a bench.
    '4102': ['/usr/bin/node', '/srv/itro/dist/scripts/bench/run-bench.js'],
    '4103': ['/usr/bin/node', '/srv/itro/dist/scripts/run-network.js'],
    // A process that ended while /proc was read has no command line left.
    '4104': null,
    self: ['/usr/bin/node'],
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("finds the benchmark's child processes, built or run from source, and nothing else", () => {
    expect(strayBenchProcesses(root).sort((a, b) => a.pid - b.pid)).toEqual([
      { pid: 4100, script: 'gateway-process.js' },
      { pid: 4101, script: 'shard-group-process.ts' },
    ]);
  });

  it('refuses to start while they run, naming them and how to stop them', () => {
    expect(() => refuseStrayProcesses(root)).toThrow(/still running .*4100 \(gateway-process\.js\), 4101 \(shard-group-process\.ts\); stop them \(kill 4100 4101\)/);
    const clean = fakeProc({ '7': ['/usr/bin/node', '/srv/itro/dist/scripts/bench/run-bench.js'] });
    expect(() => refuseStrayProcesses(clean)).not.toThrow();
    fs.rmSync(clean, { recursive: true, force: true });
  });
});
