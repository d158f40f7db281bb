import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RUNS, SECONDS } from './compare';
import { PROFILE_PARTS, profileParts, type CpuProfile } from './cpu-profile-parts';
import { profiledPageLoad } from './profiled-page';
import { fixed, printTable } from './table';

/**
 * J: where our gateway's CPU goes on the first page of 50 members over 9 shards, at 1 client: a
 * CPU profile of the gateway process (`node --cpu-prof`) over RUNS × SECONDS of load, its busy time
 * split by the part of the code each sample was in.
 */
export async function gatewayProfile(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-bench-profile-'));
  const loadSeconds = RUNS * SECONDS;
  try {
    const requests = await profiledPageLoad({ profileDir: folder }, (_pid, load) => load());
    const [file] = fs.readdirSync(folder).filter((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('the gateway wrote no CPU profile');
    const profile = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as CpuProfile;
    const parts = profileParts(profile, loadSeconds * 1000);
    const busy = [...parts.values()].reduce((sum, ms) => sum + ms, 0);
    const rows = PROFILE_PARTS.map((part) => [part, fixed((parts.get(part)! * 1000) / requests), fixed((100 * parts.get(part)!) / busy, 1)]);
    rows.push(['all of it (idle left out)', fixed((busy * 1000) / requests), '100.0']);
    printTable(`J. Where the gateway's CPU goes: the first page of 50 members over 9 shards, 1 client, ${requests} requests profiled`, ['part', 'us/req', '% of busy'], rows);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
