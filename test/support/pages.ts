import fs from 'node:fs';
import path from 'node:path';
import { chromiumInstalled, CHROMIUM_PATH } from './browser';
import { describeRequiring, type Probe } from './required-service';

/** The built pages the gateway serves in the page tests. */
export const WEB_DIR = path.resolve('dist/web');

/** A suite that needs Chromium and the built pages: skipped loudly without Chromium, required in CI. */
export function describeWithChromium(name: string, fn: () => void): void {
  const probe: Probe = chromiumInstalled() ? { ok: true } : { ok: false, reason: `no file at ${CHROMIUM_PATH}` };
  describeRequiring(name, { what: 'Chromium', probe, hint: 'apt-get install chromium, or set CHROMIUM_PATH' }, () => {
    beforeAll(() => {
      if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error(`The pages are not built in ${WEB_DIR}: run "npm run build:web" (npm test does).`);
    });
    fn();
  });
}

/** Reads until the expectation holds, or throws its last failure after `timeoutMs`: pages render when they render. */
export async function eventually<T>(read: () => Promise<T>, expectation: (value: T) => void, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      expectation(await read());
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
