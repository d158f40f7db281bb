import fs from 'node:fs';

/** Kernel clock ticks per second for /proc times: 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used, in microseconds, read from /proc. */
export function cpuMicros(pid: number): number {
  const { user, system } = cpuTimes(pid);
  return user + system;
}

/** A process's CPU time in user space and in the kernel, each in microseconds, read from /proc. */
export function cpuTimes(pid: number): { user: number; system: number } {
  const fields = statFields(pid);
  return { user: (Number(fields[11]) * 1_000_000) / TICKS_PER_SECOND, system: (Number(fields[12]) * 1_000_000) / TICKS_PER_SECOND };
}

/** Resident memory of a process, in bytes. */
export function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/**
 * The fields of `/proc/<pid>/stat` after the command name (which is in parentheses and may contain
 * spaces): the process's state first, then its parent, … Throws once the process is gone.
 */
export function statFields(pid: number): string[] {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}
