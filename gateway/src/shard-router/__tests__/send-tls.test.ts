import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHttpTransport } from '../send';
import type { Shard } from '../shard-set';

/**
 * Shards on https URLs: the gateway trusts the CAs it is given (SHARD_CA_FILE) and presents its
 * client certificate to a shard that requires mutual TLS. A CA, a server and a client certificate
 * are made here with openssl, and a real TLS server answers.
 */
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-tls-'));
const file = (name: string) => path.join(folder, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: folder, stdio: 'pipe' });

function makeCertificates(): void {
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=IT-RO test CA');
  for (const [name, extension] of [
    ['server', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth'],
    ['client', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    fs.writeFileSync(file(`${name}.ext`), `${extension}\n`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '1', '-extfile', `${name}.ext`);
  }
}

describe('the shard transport over TLS', () => {
  let server: https.Server;
  let shard: Shard;
  const read = (name: string) => fs.readFileSync(file(name));

  beforeAll(async () => {
    makeCertificates();
    // A shard that requires a client certificate of the test CA.
    server = https.createServer({ key: read('server.key'), cert: read('server.pem'), ca: read('ca.pem'), requestCert: true, rejectUnauthorized: true }, (request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { peer: request.socket.remoteAddress } })));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    shard = { name: 'banat', clusterIds: ['banat'], baseUrl: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 5000, suspended: false };
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const ask = (options: Parameters<typeof createHttpTransport>[0]) => createHttpTransport(options)(shard, 'members', { query: '{ __typename }' }, {});

  it('answers when the shard\u2019s CA is trusted and the client certificate is presented', async () => {
    const result = await ask({ tls: { ca: read('ca.pem'), cert: read('client.pem'), key: read('client.key') } });
    expect(result).toMatchObject({ ok: true, body: { data: { peer: '127.0.0.1' } } });
  });

  it('refuses a shard whose certificate no trusted CA signed', async () => {
    const result = await ask({ tls: { cert: read('client.pem'), key: read('client.key') } });
    // Refused in the handshake, before a byte of the request left: a write sent so is certainly not applied.
    expect(result).toMatchObject({ ok: false, failure: 'unavailable', reason: expect.stringMatching(/network error|certificate/i), sent: false });
  });

  it('is refused by a shard that requires a client certificate when it presents none', async () => {
    const result = await ask({ tls: { ca: read('ca.pem') } });
    expect(result).toMatchObject({ ok: false, failure: 'unavailable' });
  });
});
