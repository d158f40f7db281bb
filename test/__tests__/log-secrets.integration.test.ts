import { Writable } from 'node:stream';
import { GATEWAY_ASSERTION_HEADER } from '../../shared/auth/gateway-assertion';
import { createLogger } from '../../shared/logger';
import type { RunningNetwork } from '../../scripts/run-network';
import { assertionHeader } from '../support/gateway-assertion';
import { postGraphQL } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork, testSigningKeys, tokenFor } from '../support/test-network';

/**
 * No token, key or assertion ever reaches a log line. A whole network logs at `trace` into memory
 * while callers with good, bad and forbidden tokens read and write through the gateway and around
 * it, and every line is searched for anything shaped like a JWT and for the keys' private parts.
 */
const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;

describeOnBothBackends('logs hold no secrets', (backend) => {
  let network: RunningNetwork;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_logs', { logger: createLogger('network', 'trace', sink) });
  }, 120_000);

  afterAll(async () => {
    await network?.close();
  });

  it('logs a full run of reads, writes and refusals without a token, an assertion or a key in any line', async () => {
    const admin = await tokenFor({ subject: 'admin@banat', role: 'cluster-admin', cluster: 'banat' });
    const member = await tokenFor({ subject: 'ana@banat', role: 'member', cluster: 'banat', member: 'banat:3' });
    const url = network.gatewayUrl;
    await postGraphQL(url, '{ viewer { role } members(first: 5) { totalCount edges { node { id name membership { fees { year } } } } } }', {}, admin);
    await postGraphQL(url, 'mutation { createEvent(input: { cluster: "banat", title: "Log test", kind: WORKSHOP, startsOn: "2027-03-01", city: "Timișoara", capacity: 40 }) { id } }', {}, admin);
    await postGraphQL(url, 'mutation { createEvent(input: { cluster: "banat", title: "Refused", kind: WORKSHOP, startsOn: "2027-03-01", city: "Timișoara", capacity: 40 }) { id } }', {}, member);
    await postGraphQL(url, '{ auditLog(cluster: "banat", first: 3) { totalCount } }', {}, member);
    await postGraphQL(url, '{ viewer { role } }', {}, `${admin.slice(0, -4)}AAAA`);
    await postGraphQL(url, '{ viewer { role } }', {}, 'not-a-token');
    await postGraphQL(url, '{ member(id: "banat:not-a-number") { id } }', {}, admin);
    const banat = network.clusters.find((cluster) => cluster.id === 'banat')!;
    const direct = `${banat.server.url}/members/graphql`;
    await postGraphQL(direct, '{ members(first: 1) { totalCount } }', {}, admin, await assertionHeader(network, ['banat']));
    await postGraphQL(direct, '{ members(first: 1) { totalCount } }', {}, admin, { [GATEWAY_ASSERTION_HEADER]: `${admin}x` });
    await postGraphQL(direct, '{ members(first: 1) { totalCount } }', {}, admin);

    expect(lines.length).toBeGreaterThan(10);
    const secrets = [...(await testSigningKeys()).keys, ...network.gatewayKeys.keys].map((key) => String(key.d));
    const leaking = lines.filter((line) => JWT_SHAPE.test(line) || secrets.some((secret) => line.includes(secret)));
    expect(leaking).toEqual([]);
  });
});
