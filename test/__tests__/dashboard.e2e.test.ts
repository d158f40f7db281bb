import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { persistedQueryHash } from '../../gateway/src/persisted-queries/persisted-query-cache';
import { DASHBOARD_OPERATIONS } from '../../gateway/src/persisted-queries/dashboard-operations';
import type { RunningNetwork } from '../../scripts/run-network';
import { launchChromium } from '../support/browser';
import { describeWithChromium, eventually, WatchedPages, WEB_DIR } from '../support/pages';
import { postGraphQL } from '../support/gateway-client';
import { startTestNetwork, tokenFor } from '../support/test-network';

/**
 * The dashboard and the workbench in a real headless Chromium, against a running network: the
 * figures equal the API's, the filters change them, a stopped cluster shows as down while the rest
 * render, GraphiQL runs an example. Screenshots go to test-output/screenshots/dashboard/.
 */
const SCREENSHOTS = path.resolve('test-output/screenshots/dashboard');
const LOADS = 5;

interface Headline {
  clusters: Array<{ id: string }>;
  networkStats: { members: number; companies: number; employees: number; projects: number; byKind: Array<{ kind: string; count: number }> };
}

describeWithChromium('the dashboard and the workbench in Chromium', () => {
  let network: RunningNetwork;
  let browser: Browser;
  let origin: string;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-pages-'));
  const pages = new WatchedPages(() => browser, () => origin);
  const { outside, consoleErrors } = pages;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    network = await startTestNetwork({ kind: 'sqlite', databaseUrl: (name) => `sqlite:${path.join(folder, `${name}.sqlite`)}` }, 'itro_pages', { webDir: WEB_DIR });
    origin = network.gatewayUrl.replace(/\/graphql$/, '');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await network?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const open = (viewport?: { width: number; height: number }): Promise<Page> => pages.open(viewport);

  /** The headline operation through the API, as the dashboard asks it. */
  async function apiHeadline(variables: Record<string, unknown> = {}): Promise<{ data: Headline; errors: unknown[] }> {
    const answer = await postGraphQL<Headline>(network.gatewayUrl, DASHBOARD_OPERATIONS.DashboardHeadline, variables);
    return { data: answer.data!, errors: answer.errors ?? [] };
  }

  /** What the page shows as the headline figures, read back as numbers. */
  async function shownFigures(page: Page): Promise<Record<string, number>> {
    const texts = await page.locator('[data-figure]').evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-figure'), node.textContent]));
    return Object.fromEntries(texts.map(([key, text]) => [key, Number(String(text).replaceAll(',', ''))]));
  }

  const expected = (headline: Headline) => ({ clusters: headline.clusters.length, ...pick(headline.networkStats, ['companies', 'employees', 'members', 'projects']) });

  async function figuresBecome(page: Page, want: Record<string, number>): Promise<void> {
    await eventually(() => shownFigures(page), (shown) => expect(shown).toEqual(want));
  }

  it(`loads with the API's figures, and shows every cluster's row (median of ${LOADS} loads printed)`, async () => {
    const page = await open();
    const times: number[] = [];
    for (let load = 0; load < LOADS; load++) {
      const started = performance.now();
      await page.goto(`${origin}/`);
      await page.locator('[data-figure="companies"]').waitFor();
      await page.locator('[data-testid="cluster-table"]').waitFor();
      times.push(performance.now() - started);
    }
    const { data } = await apiHeadline();
    await figuresBecome(page, expected(data));
    const rows = await postGraphQL<{ networkStats: { byCluster: Array<{ cluster: { id: string }; members: number; companies: number; employees: number; projects: number }> } }>(
      network.gatewayUrl,
      DASHBOARD_OPERATIONS.DashboardClusters,
    );
    for (const row of rows.data!.networkStats.byCluster) {
      const cells = await page.locator(`tr[data-cluster="${row.cluster.id}"] td[data-column]`).evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-column'), Number(node.textContent!.replaceAll(',', ''))]));
      expect([row.cluster.id, Object.fromEntries(cells)]).toEqual([row.cluster.id, { members: row.members, companies: row.companies, employees: row.employees, projects: row.projects }]);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'laptop.png'), fullPage: true });
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`[pages] dashboard loads (ms): ${times.map((time) => Math.round(time)).join(', ')}; median ${Math.round(sorted[Math.floor(sorted.length / 2)]!)}`);
    await page.close();
  });

  it('asks the gateway by persisted-query hash only', async () => {
    const page = await open();
    const bodies: string[] = [];
    page.on('request', (request) => request.url().endsWith('/graphql') && bodies.push(request.postData() ?? ''));
    await page.goto(`${origin}/`);
    await page.locator('[data-testid="cluster-table"]').waitFor();
    // Every operation but the partner finder's two, which /partners asks.
    const names = new Set(bodies.map((body) => (JSON.parse(body) as { operationName?: string }).operationName));
    expect([...names].sort()).toEqual(Object.keys(DASHBOARD_OPERATIONS).filter((name) => name !== 'DashboardPartners' && name !== 'DashboardConsortium').sort());
    const known = new Set(Object.values(DASHBOARD_OPERATIONS).map(persistedQueryHash));
    for (const body of bodies) {
      const request = JSON.parse(body) as { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } };
      expect(request.query).toBeUndefined();
      expect(known.has(request.extensions?.persistedQuery?.sha256Hash ?? '')).toBe(true);
    }
    await page.close();
  });

  it('changes the figures with the cluster and helix filters, from the keyboard too', async () => {
    const page = await open();
    await page.goto(`${origin}/`);
    await page.locator('[data-figure="companies"]').waitFor();
    // Keyboard: the first cluster box is reached with Tab and toggled with Space.
    const first = page.getByRole('checkbox', { name: 'Transilvania IT' });
    await first.focus();
    await page.keyboard.press('Space');
    const { data: all } = await apiHeadline();
    const withoutFirst = all.clusters.map((cluster) => cluster.id).filter((id) => id !== 'transilvania');
    await figuresBecome(page, { ...expected((await apiHeadline({ clusters: withoutFirst })).data), clusters: all.clusters.length });
    await page.getByRole('button', { name: 'All clusters' }).click();
    for (const cluster of all.clusters.filter((candidate) => candidate.id !== 'banat')) {
      await page.locator(`input[name="cluster"][value="${cluster.id}"]`).uncheck();
    }
    await figuresBecome(page, { ...expected((await apiHeadline({ clusters: ['banat'] })).data), clusters: all.clusters.length });
    await page.getByRole('combobox', { name: 'Helix kind' }).selectOption('SME');
    const narrowed = (await apiHeadline({ clusters: ['banat'], kinds: ['SME'] })).data;
    await figuresBecome(page, { ...expected(narrowed), clusters: all.clusters.length });
    expect(narrowed.networkStats.members).toBeLessThan((await apiHeadline({ clusters: ['banat'] })).data.networkStats.members);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'filtered-banat-sme.png'), fullPage: true });
    await page.close();
  });

  it('labels every control and chart for screen readers, and fits a phone', async () => {
    const page = await open({ width: 390, height: 844 });
    await page.goto(`${origin}/`);
    await page.locator('[data-testid="cluster-table"]').waitFor();
    const unnamed = await page.locator('input, select, button').evaluateAll((nodes) =>
      nodes.filter((node) => !(node.id && node.ownerDocument.querySelector(`label[for="${node.id}"]`)) && !node.closest('label') && !node.getAttribute('aria-label') && !(node.textContent ?? '').trim()).map((node) => node.outerHTML),
    );
    expect(unnamed).toEqual([]);
    expect(await page.getByRole('img', { name: /Members by helix kind/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /by development region/ }).count()).toBe(1);
    expect(await page.locator('html').evaluate((root) => root.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone.png'), fullPage: true });
    await page.close();
  });

  it('shows what a signed-in caller is, and refuses a bad token in words', async () => {
    const page = await open();
    await page.goto(`${origin}/`);
    await page.getByLabel('Token').fill(await tokenFor({ subject: 'ioana@banat', role: 'cluster-admin', cluster: 'banat' }));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => page.locator('[data-testid="viewer"]').textContent(), (text) => expect(text).toMatch(/ioana@banat \(cluster-admin, Banat Software\)/));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Token').fill('not.a.token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => page.getByRole('alert').allTextContents(), (texts) => expect(texts).toContainEqual(expect.stringMatching(/token was refused/)));
    await page.close();
  });

  it('runs an example query in GraphiQL', async () => {
    const page = await open();
    // GraphiQL runs a query only once it has read the schema: wait for that, then run the first tab.
    const schemaRead = page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('IntrospectionQuery'));
    await page.goto(`${origin}/graphiql`);
    await schemaRead;
    await eventually(
      async () => {
        await page.locator('.graphiql-execute-button').click();
        await page.waitForTimeout(300);
        return page.locator('.graphiql-response').textContent();
      },
      (text) => expect(text).toMatch(/"region"/),
      20_000,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'graphiql.png') });
    await page.close();
  });

  it('shows a stopped cluster as down, and the others\u2019 data with a word on what is missing', async () => {
    const page = await open();
    await page.goto(`${origin}/`);
    await page.locator('[data-testid="shard-health"] li[data-shard="banat"][data-status="up"]').waitFor({ timeout: 15_000 });
    await network.clusters.find((cluster) => cluster.id === 'banat')!.stop();
    await page.locator('[data-testid="shard-health"] li[data-shard="banat"][data-status="down"]').waitFor({ timeout: 20_000 });
    await eventually(() => page.locator('[data-testid="missing-clusters"]').textContent(), (text) => expect(text).toMatch(/Without data from Banat Software/));
    const withoutBanat = await apiHeadline();
    expect(withoutBanat.errors.length).toBeGreaterThan(0);
    await figuresBecome(page, expected(withoutBanat.data));
    expect(await page.locator('tr[data-cluster="banat"]').count()).toBe(0);
    expect(await page.locator('tr[data-cluster="transilvania"]').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cluster-down.png'), fullPage: true });
    await page.close();
  });

  it('loaded nothing from outside the machine, and logged no script errors', () => {
    expect(outside).toEqual([]);
    // The refused token of the sign-in test is answered 401 on purpose; every other error counts.
    expect(consoleErrors.filter((message) => !/status of 401/.test(message))).toEqual([]);
  });
});

/** Reads until the expectation holds, or fails with its last complaint once `timeoutMs` is over. */
function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}
