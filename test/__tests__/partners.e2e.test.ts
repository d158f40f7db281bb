import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DASHBOARD_OPERATIONS } from '../../gateway/src/persisted-queries/dashboard-operations';
import type { RunningNetwork } from '../../scripts/run-network';
import { launchChromium } from '../support/browser';
import { postGraphQL } from '../support/gateway-client';
import { describeWithChromium, eventually, WatchedPages, WEB_DIR } from '../support/pages';
import { startTestNetwork } from '../support/test-network';

/**
 * The competence map and table on the dashboard, and the partner finder (a need's matches, a
 * call's consortia, their CSV), in a real headless Chromium against a running network: what the
 * pages show equals what the API answers. Screenshots go to test-output/screenshots/dashboard/.
 */
const SCREENSHOTS = path.resolve('test-output/screenshots/dashboard');

interface CompetenceAnswer {
  networkStats: { byCluster: Array<{ cluster: { id: string }; members: number; byCompetence: Array<{ area: string; members: number }> }>; byCompetence: Array<{ area: string; members: number }> };
}

describeWithChromium('the competence map and the partner finder in Chromium', () => {
  let network: RunningNetwork;
  let browser: Browser;
  let origin: string;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-partner-pages-'));
  const pages = new WatchedPages(() => browser, () => origin);
  const { outside, consoleErrors } = pages;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    network = await startTestNetwork({ kind: 'sqlite', databaseUrl: (name) => `sqlite:${path.join(folder, `${name}.sqlite`)}` }, 'itro_partner_pages', { webDir: WEB_DIR });
    origin = network.gatewayUrl.replace(/\/graphql$/, '');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await network?.close();
    fs.rmSync(folder, { recursive: true, force: true });
    // Nothing loaded from outside the machine, and no script error on any page.
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  const open = (viewport?: { width: number; height: number }): Promise<Page> => pages.open(viewport);

  const competences = async () => (await postGraphQL<CompetenceAnswer>(network.gatewayUrl, DASHBOARD_OPERATIONS.DashboardCompetences)).data!.networkStats;

  it('places every cluster on the map of Romania, sized by the competence chosen, and tables them all as the API counts them', async () => {
    const page = await open();
    await page.goto(`${origin}/`);
    await page.locator('[data-testid="competence-map"] g[data-cluster]').first().waitFor();
    const stats = await competences();
    const shownFor = () => page.locator('[data-testid="competence-map"] g[data-cluster]').evaluateAll((nodes) => Object.fromEntries(nodes.map((node) => [node.getAttribute('data-cluster'), Number(node.getAttribute('data-members'))])));
    const expectedFor = (area: string) => Object.fromEntries(stats.byCluster.map((row) => [row.cluster.id, row.byCompetence.find((entry) => entry.area === area)!.members]));
    await eventually(shownFor, (shown) => expect(shown).toEqual(expectedFor('AI_DATA')));
    expect(Object.keys(await shownFor())).toHaveLength(9);
    // The outline is there, drawn from the packaged data, and the map says what it shows.
    expect((await page.locator('[data-testid="competence-map"] path.country').getAttribute('d'))!.length).toBeGreaterThan(500);
    await page.getByRole('combobox', { name: 'Competence on the map' }).selectOption('CYBERSECURITY');
    await eventually(shownFor, (shown) => expect(shown).toEqual(expectedFor('CYBERSECURITY')));
    expect(await page.getByRole('img', { name: /members with Cybersecurity/ }).count()).toBe(1);
    for (const entry of stats.byCompetence) {
      const cells = await page.locator(`[data-testid="competence-table"] tr[data-area="${entry.area}"] td[data-cluster]`).evaluateAll((nodes) => Object.fromEntries(nodes.map((node) => [node.getAttribute('data-cluster'), Number(node.textContent!.replaceAll(',', ''))])));
      expect([entry.area, cells]).toEqual([entry.area, expectedFor(entry.area)]);
      expect(Number((await page.locator(`[data-testid="competence-table"] tr[data-area="${entry.area}"] td[data-column="members"]`).textContent())!.replaceAll(',', ''))).toBe(entry.members);
    }
    // Regions as Romanians write them.
    expect(await page.locator('[data-testid="cluster-table"]').textContent()).toContain('Nord-Vest');
    expect(await page.locator('[data-testid="cluster-table"]').textContent()).toContain('București-Ilfov');
    await page.locator('[data-testid="competences"]').screenshot({ path: path.join(SCREENSHOTS, 'competence-map.png') });
    await page.close();
  });

  it('finds partners for a need as the API ranks them, pages on, and exports them all as CSV', async () => {
    const page = await open();
    await page.goto(`${origin}/partners`);
    const need = page.getByRole('form', { name: 'Need' });
    await need.getByRole('checkbox', { name: 'ISO 27001' }).check();
    await need.getByRole('checkbox', { name: 'SME', exact: true }).check();
    await need.getByRole('button', { name: 'Find partners' }).click();
    await page.locator('[data-testid="matches"] tr[data-member]').first().waitFor();
    const variables = { need: { competences: ['AI_DATA', 'CYBERSECURITY'], certifications: ['ISO_27001'], kinds: ['SME'] } };
    const api = await postGraphQL<{ partnerSearch: { totalCount: number; pageInfo: { endCursor: string }; edges: Array<{ node: { score: number; member: { id: string } } }> } }>(network.gatewayUrl, DASHBOARD_OPERATIONS.DashboardPartners, variables);
    const first = api.data!.partnerSearch;
    expect(first.totalCount).toBeGreaterThan(20);
    const shown = () => page.locator('[data-testid="matches"] tr[data-member]').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-member'), Number(row.querySelector('[data-column="score"]')!.textContent)]));
    await eventually(shown, (rows) => expect(rows).toEqual(first.edges.map(({ node }) => [node.member.id, node.score])));
    await page.getByRole('button', { name: 'More matches' }).click();
    const second = (await postGraphQL<typeof api.data>(network.gatewayUrl, DASHBOARD_OPERATIONS.DashboardPartners, { ...variables, after: first.pageInfo.endCursor })).data!.partnerSearch;
    await eventually(shown, (rows) => expect(rows).toEqual([...first.edges, ...second!.edges].map(({ node }) => [node.member.id, node.score])));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'partners-need.png'), fullPage: true });
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const text = fs.readFileSync((await file.path())!, 'utf8');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^score,matched\.areas,/);
    expect(lines).toHaveLength(first.totalCount + 1);
    expect(lines[1]).toContain(first.edges[0]!.node.member.id);
    await page.close();
  });

  it('proposes consortia for a call as the API does, and exports them as CSV', async () => {
    const page = await open();
    await page.goto(`${origin}/partners`);
    const call = page.getByRole('form', { name: 'Call' });
    await call.getByRole('button', { name: 'Propose consortia' }).click();
    await page.locator('[data-testid="proposal"]').first().waitFor();
    const variables = {
      call: {
        minRegions: 2,
        roles: [
          { label: 'University', competences: ['AI_DATA'], count: 1, kinds: ['UNIVERSITY'] },
          { label: 'SMEs with AI and cybersecurity', competences: ['AI_DATA', 'CYBERSECURITY'], count: 2, kinds: ['SME'] },
          { label: 'Public authority', competences: ['E_GOVERNMENT'], count: 1, kinds: ['PUBLIC_AUTHORITY'] },
        ],
      },
    };
    const api = (await postGraphQL<{ consortium: Array<{ score: number; roles: Array<{ members: Array<{ id: string }> }> }> }>(network.gatewayUrl, DASHBOARD_OPERATIONS.DashboardConsortium, variables)).data!.consortium;
    expect(api.length).toBe(5);
    const shown = () =>
      page.locator('[data-testid="proposal"]').evaluateAll((nodes) => nodes.map((node) => [Number(node.getAttribute('data-score')), [...node.querySelectorAll('[data-member]')].map((member) => member.getAttribute('data-member'))]));
    await eventually(shown, (proposals) => expect(proposals).toEqual(api.map((proposal) => [proposal.score, proposal.roles.flatMap((role) => role.members.map((member) => member.id))])));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'partners-call.png'), fullPage: true });
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export proposals as CSV' }).click()]);
    const lines = fs.readFileSync((await file.path())!, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('proposal,score,role,member id,member,kind,city,region,cluster');
    expect(lines).toHaveLength(1 + api.length * 4);
    await page.close();
  });

  it('labels every control of the finder, and fits a phone', async () => {
    const page = await open({ width: 390, height: 844 });
    await page.goto(`${origin}/partners`);
    await page.getByRole('button', { name: 'Find partners' }).waitFor();
    const unnamed = await page.locator('input, select, button').evaluateAll((nodes) =>
      nodes.filter((node) => !(node.id && node.ownerDocument.querySelector(`label[for="${node.id}"]`)) && !node.closest('label') && !node.getAttribute('aria-label') && !(node.textContent ?? '').trim()).map((node) => node.outerHTML),
    );
    expect(unnamed).toEqual([]);
    expect(await page.locator('html').evaluate((root) => root.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'partners-phone.png'), fullPage: true });
    await page.close();
  });
});
