import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createGateway, type Gateway } from '../../gateway/src';
import type { RunningCluster, RunningNetwork } from '../../scripts/run-network';
import { createLogger } from '../../shared/logger';
import { listen, type RunningServer } from '../../shared/server/http-app';
import { clusterBehind, startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy';
import { assertionHeader, signerFor } from '../support/gateway-assertion';
import { postGraphQL, type GraphQLAnswer } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork, tokenFor } from '../support/test-network';

/**
 * A write whose answer is lost says so (`outcome: "unknown"`), and the caller's retry with the same
 * Idempotency-Key returns the first outcome instead of writing twice. The shard sits behind a proxy
 * that drops its answer after it committed; both backends.
 */
const CLUSTER = 'banat';
const FOREIGN = 'transilvania';

const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id title seatsTaken } }`;
const REGISTER = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id seatsTaken seatsLeft } }`;
const LAUNCH = `mutation($input: LaunchNetworkInitiativeInput!) { launchNetworkInitiative(input: $input) { id title } }`;

const newEvent = (title: string) => ({ input: { cluster: CLUSTER, title, kind: 'WORKSHOP', startsOn: '2099-06-11', city: 'Timișoara', capacity: 40 } });
const registration = (eventId: string, memberLocalId: number, attendees = 2) => ({ input: { id: eventId, memberId: `${FOREIGN}:${memberLocalId}`, attendees } });

type Answer = GraphQLAnswer<Record<string, { id: string; title?: string; seatsTaken?: number } | null>> & { status: number };

describeOnBothBackends('idempotent writes', (backend) => {
  let network: RunningNetwork;
  let proxy: FaultyProxy;
  let banat: RunningCluster;
  let own: DataSource;
  let admin: string;
  let otherAdmin: string;
  let secretariat: string;
  let keys = 0;
  /** A fresh key per use, unique across runs on one database. */
  const newKey = () => `test-${Date.now().toString(36)}-${++keys}`;

  beforeAll(async () => {
    admin = await tokenFor({ subject: 'staff@banat', role: 'cluster-admin', cluster: CLUSTER });
    otherAdmin = await tokenFor({ subject: 'director@banat', role: 'cluster-admin', cluster: CLUSTER });
    secretariat = await tokenFor({ subject: 'maria@secretariat', role: 'secretariat' });
    proxy = await startFaultyProxy('', 2000);
    network = await startTestNetwork(backend, 'itro_idem', {
      clusterUrl: clusterBehind(proxy, CLUSTER),
      // This gateway never opens a circuit: each lost answer is seen on its own.
      breaker: { failureThreshold: 1000, openMs: 1000 },
    });
    banat = network.clusters.find((cluster) => cluster.id === CLUSTER)!;
    own = banat.dataSource;
  });

  afterAll(async () => {
    await network?.close();
    await proxy?.close();
  });

  afterEach(() => {
    proxy.mode = 'pass';
  });

  async function send(query: string, variables: Record<string, unknown>, key?: string, token = admin): Promise<Answer> {
    return (await postGraphQL(network.gatewayUrl, query, variables, token, key === undefined ? {} : { 'idempotency-key': key })) as Answer;
  }

  async function count(sql: string, parameters: unknown[]): Promise<number> {
    const [row] = (await own.query(sql, parameters)) as Array<{ n: number | string }>;
    return Number(row!.n);
  }

  const localId = (globalId: string) => Number(globalId.split(':')[1]);
  const registrations = (eventId: string) => count('SELECT COUNT(*) AS n FROM event_registrations WHERE cluster_id = ? AND event_id = ?', [CLUSTER, localId(eventId)]);
  const eventsTitled = (title: string) => count('SELECT COUNT(*) AS n FROM events WHERE cluster_id = ? AND title = ?', [CLUSTER, title]);

  async function createdEvent(title: string): Promise<string> {
    const answer = await send(CREATE_EVENT, newEvent(title));
    expect(answer.errors).toBeUndefined();
    return answer.data!.createEvent!.id;
  }

  it('says "unknown" of a registration whose answer was lost after it committed; the retry with its key returns the first outcome, and one row is written', async () => {
    const eventId = await createdEvent('Întâlnire cu investitori');
    const key = newKey();
    proxy.mode = 'drop-answer';
    const lost = await send(REGISTER, registration(eventId, 7), key);
    expect(lost.status).toBe(200);
    expect(lost.data).toEqual({ registerForEvent: null });
    expect(lost.errors).toHaveLength(1);
    expect(lost.errors![0]!.extensions).toMatchObject({ code: 'CLUSTER_UNAVAILABLE', cluster: CLUSTER, outcome: 'unknown' });
    // The shard did commit: the caller was right not to take the error for a refusal.
    expect(await registrations(eventId)).toBe(1);

    proxy.mode = 'pass';
    const retried = await send(REGISTER, registration(eventId, 7), key);
    expect(retried.errors).toBeUndefined();
    expect(retried.data).toEqual({ registerForEvent: { id: eventId, seatsTaken: 2, seatsLeft: 38 } });
    // And again: the same key keeps answering with the first outcome.
    expect((await send(REGISTER, registration(eventId, 7), key)).data).toEqual(retried.data);
    expect(await registrations(eventId)).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM audit_log WHERE operation = ? AND object_id LIKE ?', ['registerForEvent', `${eventId}/%`])).toBe(1);

    // A new key is a new write: the same registration is tried again (and refused as a duplicate),
    // another member's is written.
    const again = await send(REGISTER, registration(eventId, 7), newKey());
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.memberId' });
    const second = await send(REGISTER, registration(eventId, 8, 3), newKey());
    expect(second.data).toEqual({ registerForEvent: { id: eventId, seatsTaken: 5, seatsLeft: 35 } });
    expect(await registrations(eventId)).toBe(2);
  });

  it('returns the first id to the retry of a create whose answer was lost', async () => {
    const key = newKey();
    proxy.mode = 'drop-answer';
    const lost = await send(CREATE_EVENT, newEvent('Hackathon de toamnă'), key);
    expect(lost.errors![0]!.extensions).toMatchObject({ code: 'CLUSTER_UNAVAILABLE', outcome: 'unknown' });
    proxy.mode = 'pass';
    const retried = await send(CREATE_EVENT, newEvent('Hackathon de toamnă'), key);
    expect(retried.errors).toBeUndefined();
    const [row] = (await own.query('SELECT id FROM events WHERE cluster_id = ? AND title = ?', [CLUSTER, 'Hackathon de toamnă'])) as Array<{ id: number | string }>;
    expect(retried.data!.createEvent).toEqual({ id: `${CLUSTER}:${Number(row!.id)}`, title: 'Hackathon de toamnă', seatsTaken: 0 });
    expect(await eventsTitled('Hackathon de toamnă')).toBe(1);
  });

  it('writes once for simultaneous sends of one key: the later ones wait for the first and answer with its outcome', async () => {
    const eventId = await createdEvent('Zi porților deschise');
    const key = newKey();
    const answers = await Promise.all([1, 2, 3, 4].map(() => send(REGISTER, registration(eventId, 11), key)));
    for (const answer of answers) expect(answer).toEqual({ status: 200, data: { registerForEvent: { id: eventId, seatsTaken: 2, seatsLeft: 38 } } });
    expect(await registrations(eventId)).toBe(1);
  });

  it('refuses the same key with another input or another operation, with a stable code, and writes nothing', async () => {
    const key = newKey();
    const first = await send(CREATE_EVENT, newEvent('Seminar de export'), key);
    expect(first.errors).toBeUndefined();
    const reused = await send(CREATE_EVENT, newEvent('Seminar de import'), key);
    expect(reused.data).toEqual({ createEvent: null });
    expect(reused.errors).toHaveLength(1);
    expect(reused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key', idempotencyKey: 'REUSED' });
    expect(await eventsTitled('Seminar de import')).toBe(0);
    const otherOperation = await send(REGISTER, registration(first.data!.createEvent!.id, 9), key);
    expect(otherOperation.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', idempotencyKey: 'REUSED' });
    expect(await registrations(first.data!.createEvent!.id)).toBe(0);
  });

  it('does not give one caller\u2019s outcome to another caller using the same key', async () => {
    const key = newKey();
    const mine = await send(CREATE_EVENT, newEvent('Masă rotundă'), key);
    expect(mine.errors).toBeUndefined();
    // The other caller's write runs as its own: the event exists already, so it is a CONFLICT, not a replay.
    const theirs = await send(CREATE_EVENT, newEvent('Masă rotundă'), key, otherAdmin);
    expect(theirs.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.title' });
    // Nor is the key "reused" for them: their own write under it lands.
    const theirOwn = await send(CREATE_EVENT, newEvent('Masă rotundă a directorilor'), key, otherAdmin);
    expect(theirOwn.errors).toBeUndefined();
    expect(theirOwn.data!.createEvent!.id).not.toBe(mine.data!.createEvent!.id);
    expect((await send(CREATE_EVENT, newEvent('Masă rotundă'), key)).data).toEqual(mine.data);
  });

  it('forgets a key once it has expired, and runs the write again', async () => {
    const key = newKey();
    const eventId = await createdEvent('Târg de cariere');
    expect((await send(REGISTER, registration(eventId, 10), key)).errors).toBeUndefined();
    await own.query('UPDATE idempotency_keys SET expires_at = ? WHERE idempotency_key = ?', ['2000-01-01T00:00:00.000Z', key]);
    const late = await send(REGISTER, registration(eventId, 10), key);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.memberId' });
    expect(await registrations(eventId)).toBe(1);
  });

  it('refuses a malformed key, and a key over several writes, before any shard is asked', async () => {
    const hits = proxy.hits;
    for (const bad of ['short', 'x'.repeat(129), 'has space in it', 'semi;colon;key']) {
      const answer = await send(CREATE_EVENT, newEvent('Cheie greșită'), bad);
      expect(answer.status).toBe(400);
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key', idempotencyKey: 'MALFORMED' });
    }
    const two = await send(`mutation($a: CreateEventInput!, $b: CreateEventInput!) { a: createEvent(input: $a) { id } b: createEvent(input: $b) { id } }`, { a: newEvent('Unu').input, b: newEvent('Doi').input }, newKey());
    expect(two.status).toBe(400);
    expect(two.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key', idempotencyKey: 'SHARED' });
    expect(proxy.hits).toBe(hits);
    expect(await eventsTitled('Cheie greșită')).toBe(0);
  });

  it('takes the key straight at the subgraph too, as the gateway forwards it', async () => {
    const key = newKey();
    const direct = async (title: string, idempotencyKey = key) => {
      const response = await fetch(`${banat.server.url}/projects/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'idempotency-key': idempotencyKey, ...(await assertionHeader(network, [CLUSTER])) },
        body: JSON.stringify({ query: CREATE_EVENT, variables: newEvent(title) }),
      });
      return (await response.json()) as Answer;
    };
    const first = await direct('Atelier direct');
    expect(first.errors).toBeUndefined();
    expect(await direct('Atelier direct')).toEqual(first);
    expect(await eventsTitled('Atelier direct')).toBe(1);
    expect((await direct('Atelier direct', 'bad key')).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key', idempotencyKey: 'MALFORMED' });

    // Two writes under one key in one request, as no gateway sends them: the second is refused.
    const response = await fetch(`${banat.server.url}/projects/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'idempotency-key': newKey(), ...(await assertionHeader(network, [CLUSTER])) },
      body: JSON.stringify({
        query: `mutation($a: CreateEventInput!, $b: CreateEventInput!) { a: createEvent(input: $a) { id } b: createEvent(input: $b) { id } }`,
        variables: { a: newEvent('Primul din două').input, b: newEvent('Al doilea din două').input },
      }),
    });
    const both = (await response.json()) as GraphQLAnswer<{ a: { id: string } | null; b: { id: string } | null }>;
    expect(both.data!.a).not.toBeNull();
    expect(both.data!.b).toBeNull();
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', idempotencyKey: 'SHARED' });
    expect(await eventsTitled('Al doilea din două')).toBe(0);
  });

  it('keeps the network subgraph\u2019s writes once per key as well', async () => {
    const key = newKey();
    const input = { input: { title: 'Misiune în Benelux', description: 'A joint trade mission.', objective: 'COOPERATION', leadCluster: CLUSTER, startsOn: '2027-03-01' } };
    const first = await send(LAUNCH, input, key, secretariat);
    expect(first.errors).toBeUndefined();
    expect(await send(LAUNCH, input, key, secretariat)).toEqual(first);
    const [row] = (await network.networkDataSource.query('SELECT COUNT(*) AS n FROM network_initiatives WHERE title = ?', ['Misiune în Benelux'])) as Array<{ n: number | string }>;
    expect(Number(row!.n)).toBe(1);
    const reused = await send(LAUNCH, { input: { ...input.input, title: 'Misiune în Nordic' } }, key, secretariat);
    expect(reused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', idempotencyKey: 'REUSED' });
  });

  it('does not say "unknown" of a write refused before it was sent', async () => {
    // An unknown cluster: the gateway refuses it itself.
    const nowhere = await send(CREATE_EVENT, { input: { ...newEvent('Nicăieri').input, cluster: 'atlantis' } }, newKey());
    expect(nowhere.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(nowhere.errors![0]!.extensions).not.toHaveProperty('outcome');

    // An open circuit: nothing is sent, so nothing was written.
    const gateway: Gateway = await createGateway({
      source: { kind: 'registry', networkUrl: network.networkUrl },
      breaker: { failureThreshold: 1, openMs: 60_000 },
      logger: createLogger('test', 'silent'),
      signAssertion: signerFor(network),
    });
    const server: RunningServer = await listen(gateway.app, 0, '127.0.0.1');
    try {
      proxy.mode = 'http-500';
      await postGraphQL(`${server.url}/graphql`, `{ networkStats(clusters: ["${CLUSTER}"]) { members } }`);
      proxy.mode = 'pass';
      const hits = proxy.hits;
      const refused = (await postGraphQL(`${server.url}/graphql`, CREATE_EVENT, newEvent('Circuit deschis'), admin, { 'idempotency-key': newKey() })) as Answer;
      expect(proxy.hits).toBe(hits);
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'CLUSTER_UNAVAILABLE', cluster: CLUSTER, outcome: 'not-applied', reason: expect.stringMatching(/^circuit open/) });
      expect(await eventsTitled('Circuit deschis')).toBe(0);
    } finally {
      await server.close();
      await gateway.stop();
    }
  });
});
