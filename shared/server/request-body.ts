import type { IncomingMessage } from 'node:http';
import type { Refusal } from './request-guards';

/**
 * What reading a GraphQL request's body gave: the parsed JSON (`undefined` for a request without
 * a JSON body, which Apollo Server then refuses as it sees fit), or a refusal. `unread` says the
 * body was left (partly) unread, so the connection must close after the answer rather than read
 * on through whatever the client still sends.
 */
export type BodyRead = { body: unknown } | { refusal: Refusal; unread: boolean };

/**
 * Reads a request's JSON body, bounded by `limitBytes`, by the rules clients of the express JSON
 * parser relied on: only `application/json` is parsed, in UTF-8, uncompressed; an empty body is
 * `{}`; only an object or an array is taken at the top level. A body over the limit is refused as
 * soon as its declared length or its bytes say so, without reading the rest.
 */
export function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<BodyRead> {
  const declared = request.headers['content-length'];
  if (declared === undefined && request.headers['transfer-encoding'] === undefined) return Promise.resolve({ body: undefined });
  const type = mediaType(request.headers['content-type']);
  if (type.name !== 'application/json') return Promise.resolve({ body: undefined });
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (type.charset !== 'utf-8' || encoding !== 'identity') return Promise.resolve(refused(['BAD_REQUEST', 'The request body must be UTF-8 JSON, not compressed', {}, 415]));
  if (declared !== undefined && Number(declared) > limitBytes) return Promise.resolve(tooLarge(limitBytes));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const settle = (read: BodyRead) => {
      if (settled) return;
      settled = true;
      request.removeListener('data', take);
      resolve(read);
    };
    const take = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limitBytes) return settle(tooLarge(limitBytes));
      chunks.push(chunk);
    };
    request.on('data', take);
    request.once('end', () => settle(parsed(Buffer.concat(chunks, bytes).toString('utf8'))));
    request.once('aborted', () => settle(refused(['BAD_REQUEST', 'The request body ended before its declared length'])));
    request.once('error', () => settle(refused(['BAD_REQUEST', 'The request body ended before its declared length'])));
  });
}

function parsed(text: string): BodyRead {
  const first = /\S/.exec(text)?.[0];
  if (first === undefined) return { body: {} };
  if (first !== '{' && first !== '[') return { refusal: notJson(), unread: false };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { refusal: notJson(), unread: false };
  }
}

const notJson = (): Refusal => ['BAD_REQUEST', 'The request body is not valid JSON'];
const refused = (refusal: Refusal): BodyRead => ({ refusal, unread: true });
const tooLarge = (limitBytes: number): BodyRead => refused(['PAYLOAD_TOO_LARGE', `The request body is over ${limitBytes} bytes`, { limitBytes }]);

/** A Content-Type's media type and charset, lower-cased; UTF-8 when it names none, as JSON's own rule says. */
function mediaType(header: string | undefined): { name: string; charset: string } {
  const [name = '', ...parameters] = (header ?? '').split(';');
  let charset = 'utf-8';
  for (const parameter of parameters) {
    const [key, value = ''] = parameter.split('=');
    if (key?.trim().toLowerCase() === 'charset') charset = value.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return { name: name.trim().toLowerCase(), charset: charset === 'utf8' ? 'utf-8' : charset };
}
