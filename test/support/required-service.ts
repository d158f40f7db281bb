/** Whether a service a suite needs is there, and if not, why. */
export type Probe = { ok: true } | { ok: false; reason: string };

export interface RequiredService {
  /** What is needed, e.g. `MySQL at mysql://root@127.0.0.1:3306`. */
  what: string;
  /** Asked once when jest collects the suite (it collects synchronously). */
  probe: Probe;
  /** Asked again before the suite runs, when the service may have gone since; the first answer otherwise. */
  recheck?: () => Probe;
  /** How to provide it, for the warning. */
  hint: string;
}

/**
 * `describe(title)` for a suite that needs a service (a database, Redis, a browser). It runs when
 * the service is there. Under CI=true it runs anyway and fails with the reason, since a green CI
 * run that never touched the service would be a lie; elsewhere it is skipped with a loud warning,
 * so that a laptop without the service can still run the rest.
 */
export function describeRequiring(title: string, service: RequiredService, fn: () => void): void {
  const { probe } = service;
  if (probe.ok || process.env.CI === 'true') {
    describe(title, () => {
      beforeAll(() => {
        const now = probe.ok ? (service.recheck?.() ?? probe) : probe;
        if (!now.ok) throw new Error(`${service.what} is not available (${now.reason}); CI=true requires these tests to run.`);
      });
      fn();
    });
    return;
  }
  const rule = '!'.repeat(80);
  console.warn(['', rule, `!!! SKIPPED "${title}": ${service.what} is not available`, `!!! (${probe.reason}).`, `!!! ${service.hint}; under CI=true this is a failure.`, rule, ''].join('\n'));
  describe.skip(title, fn);
}
