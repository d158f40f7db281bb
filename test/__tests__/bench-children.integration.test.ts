import { spawn } from 'node:child_process';
import path from 'node:path';
import { statFields } from '../../scripts/bench/process-usage';

/**
 * A benchmark's child processes end with the benchmark: a parent killed outright (no chance to
 * stop them) leaves none running. Real processes: a parent started the way `npm run bench` starts
 * its children (`startChild`), killed with SIGKILL.
 */
const ROOT = path.resolve(__dirname, '../..');

const alive = (pid: number) => {
  try {
    // A zombie has ended; only its exit status is left for its reaper.
    return statFields(pid)[0] !== 'Z';
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe("the bench's child processes", () => {
  it('stop when the process that started them is killed', async () => {
    const parentScript = `
      const { startChild } = require('./scripts/bench/child-process.ts');
      startChild('fanout-server-process', { servers: 1, answerBytes: 32 }).then((ready) => {
        process.stdout.write('CHILD ' + ready.child.pid + ' ' + ready.info.ports[0] + '\\n');
      });
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ['-r', '@swc-node/register', '-e', parentScript], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    parent.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    parent.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = await until(() => /CHILD \d+ \d+/.test(output), 30_000);
    expect({ started, output: started ? '' : output }).toEqual({ started: true, output: '' });
    const [, pid, port] = /CHILD (\d+) (\d+)/.exec(output)!.map(Number);
    // The child serves while its parent lives.
    const answer = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' });
    expect(answer.status).toBe(200);
    expect(alive(pid!)).toBe(true);

    parent.kill('SIGKILL');
    const ended = await until(() => !alive(pid!), 10_000);
    // A child that outlived its parent is not left to the next test run.
    if (!ended) process.kill(pid!, 'SIGKILL');
    expect(ended).toBe(true);
  }, 60_000);
});
