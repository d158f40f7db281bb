import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchSdl, MAX_CONTROL_ANSWER_BYTES } from '../registry-client';

/** A deployment that answers every request with `answer`, over real HTTP. */
async function deploymentAnswering(answer: (response: http.ServerResponse) => void) {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => answer(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/members/graphql`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const sign = async () => 'signed';

describe("reading a deployment's SDL", () => {
  it('reads a well-formed answer', async () => {
    const deployment = await deploymentAnswering((response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { _service: { sdl: 'type Query { a: Int }' } } })));
    try {
      await expect(fetchSdl(deployment.url, sign, ['banat'])).resolves.toBe('type Query { a: Int }');
    } finally {
      await deployment.close();
    }
  });

  it('stops reading an endless body past the limit, holding no more than about the limit', async () => {
    let sent = 0;
    const deployment = await deploymentAnswering((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":{"_service":{"sdl":"');
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const more = () => {
        while (!response.destroyed && response.write(chunk)) sent += chunk.length;
        if (!response.destroyed) response.once('drain', more);
      };
      more();
    });
    try {
      const before = process.memoryUsage().rss;
      await expect(fetchSdl(deployment.url, sign, ['banat'])).rejects.toThrow(`with a body over ${MAX_CONTROL_ANSWER_BYTES} bytes`);
      // The deployment was cut off shortly after the limit, not read to its end (it has none).
      expect(sent).toBeLessThan(MAX_CONTROL_ANSWER_BYTES * 4);
      expect(process.memoryUsage().rss - before).toBeLessThan(MAX_CONTROL_ANSWER_BYTES * 16);
    } finally {
      await deployment.close();
    }
  });

  it('refuses a body that is not JSON, or JSON without an SDL, with the reason', async () => {
    for (const [body, reason] of [
      ['<html>maintenance</html>', 'not a JSON object'],
      ['[1, 2]', 'not a JSON object'],
      [JSON.stringify({ data: { _service: null } }), 'answered no SDL'],
      [JSON.stringify({ data: { _service: { sdl: 42 } } }), 'answered no SDL'],
    ] as const) {
      const deployment = await deploymentAnswering((response) => response.writeHead(200, { 'content-type': 'application/json' }).end(body));
      try {
        await expect(fetchSdl(deployment.url, sign, ['banat'])).rejects.toThrow(reason);
      } finally {
        await deployment.close();
      }
    }
  });
});
