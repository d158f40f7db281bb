import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { readJsonBody } from '../server/request-body';

/** A request as Node's server hands it over, with these headers, whose body arrives in `chunks`. */
function request(headers: Record<string, string>, chunks: string[] = [], end = true): IncomingMessage {
  const incoming = new IncomingMessage(new Socket());
  incoming.headers = headers;
  setImmediate(() => {
    for (const chunk of chunks) incoming.push(Buffer.from(chunk));
    if (end) incoming.push(null);
  });
  return incoming;
}

const json = (body: string, extra: Record<string, string> = {}) => request({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...extra }, [body]);

describe('reading a GraphQL request body', () => {
  it('parses a JSON object or array, and reads an empty body as {}', async () => {
    expect(await readJsonBody(json('{"query":"{ clusters { id } }"}'), 1000)).toEqual({ body: { query: '{ clusters { id } }' } });
    expect(await readJsonBody(json(' [{"query":"{ a }"}]'), 1000)).toEqual({ body: [{ query: '{ a }' }] });
    expect(await readJsonBody(json(''), 1000)).toEqual({ body: {} });
    expect(await readJsonBody(request({ 'content-type': 'application/json; charset=UTF-8', 'transfer-encoding': 'chunked' }, ['{"a":', '1}']), 1000)).toEqual({ body: { a: 1 } });
  });

  it('leaves a request without a JSON body to Apollo Server, unread', async () => {
    expect(await readJsonBody(request({}), 1000)).toEqual({ body: undefined });
    expect(await readJsonBody(json('{"query":"{ a }"}', { 'content-type': 'text/plain' }), 1000)).toEqual({ body: undefined });
    expect(await readJsonBody(json('query=x', { 'content-type': 'application/x-www-form-urlencoded' }), 1000)).toEqual({ body: undefined });
  });

  it('refuses what is not JSON at the top level, or not JSON at all, with 400 BAD_REQUEST', async () => {
    for (const body of ['null', '42', '"text"', '{"a":', '\u0000\u0001', '['.repeat(50)]) {
      expect([body, await readJsonBody(json(body), 1000)]).toEqual([body, { refusal: ['BAD_REQUEST', 'The request body is not valid JSON'], unread: false }]);
    }
  });

  it('refuses another charset or a compressed body with 415, without reading it', async () => {
    const refusal = { refusal: ['BAD_REQUEST', 'The request body must be UTF-8 JSON, not compressed', {}, 415], unread: true };
    expect(await readJsonBody(json('{}', { 'content-type': 'application/json; charset=latin1' }), 1000)).toEqual(refusal);
    expect(await readJsonBody(json('{}', { 'content-encoding': 'gzip' }), 1000)).toEqual(refusal);
  });

  it('refuses a body over the limit with 413, by its declared length or by its bytes', async () => {
    const refusal = { refusal: ['PAYLOAD_TOO_LARGE', 'The request body is over 10 bytes', { limitBytes: 10 }], unread: true };
    expect(await readJsonBody(json('{"query":"{ clusters { id } }"}'), 10)).toEqual(refusal);
    // Chunked, so no length is declared: the count of bytes read stops it; the rest never ends.
    expect(await readJsonBody(request({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, ['{"a":"', 'x'.repeat(20)], false), 10)).toEqual(refusal);
  });

  it('refuses a body cut short by the client with 400', async () => {
    const incoming = request({ 'content-type': 'application/json', 'content-length': '100' }, ['{"a":'], false);
    setTimeout(() => incoming.emit('aborted'), 5);
    expect(await readJsonBody(incoming, 1000)).toEqual({ refusal: ['BAD_REQUEST', 'The request body ended before its declared length'], unread: true });
  });
});
