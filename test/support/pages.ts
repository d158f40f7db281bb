import type { Browser, Page } from 'playwright-core';
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

/** Pages opened for a suite, each watched: what it asked of other origins, and the script errors it logged. */
export class WatchedPages {
  readonly outside: string[] = [];
  readonly consoleErrors: string[] = [];

  constructor(private readonly browser: () => Browser, private readonly origin: () => string) {}

  async open(viewport = { width: 1366, height: 900 }): Promise<Page> {
    const origin = this.origin();
    const page = await this.browser().newPage({ viewport, acceptDownloads: true });
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) this.outside.push(request.url());
    });
    page.on('console', (message) => message.type() === 'error' && this.consoleErrors.push(message.text()));
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
    return page;
  }
}
