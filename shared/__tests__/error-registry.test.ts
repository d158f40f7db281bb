import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { ERROR_CODES, ERROR_REGISTRY, isCallersFault, isRegisteredCode, type ErrorCode } from '../errors';
import { sendRefusal } from '../server/request-guards';

const codes = Object.keys(ERROR_REGISTRY) as ErrorCode[];

describe('the error registry', () => {
  it('gives every code a meaning, an HTTP status and whose doing it is', () => {
    for (const code of codes) {
      const definition = ERROR_REGISTRY[code];
      expect([code, definition.meaning.length > 20, definition.status >= 200 && definition.status < 600, ['caller', 'request', 'cluster', 'server'].includes(definition.fault)]).toEqual([code, true, true, true]);
      expect(ERROR_CODES[code]).toBe(definition.meaning);
    }
  });

  it('counts as the caller’s doing only a well-formed request refused on its merits', () => {
    expect(codes.filter((code) => isCallersFault(code)).sort()).toEqual(['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED', 'UNAUTHENTICATED']);
    expect([isCallersFault('SQLITE_BUSY'), isCallersFault(undefined), isRegisteredCode('SQLITE_BUSY'), isRegisteredCode('toString')]).toEqual([false, false, false, false]);
  });

  it('gives a refusal the registry’s status unless told otherwise', () => {
    const refuse = (code: string, message: string, extensions?: Record<string, unknown>, status?: number): [number, unknown, unknown] => {
      const response = new ServerResponse(new IncomingMessage(new Socket()));
      let text = '';
      response.end = ((chunk: string) => {
        text = chunk;
        return response;
      }) as typeof response.end;
      sendRefusal(response, code, message, extensions, status);
      return [response.statusCode, JSON.parse(text), response.getHeader('content-type')];
    };
    const sent = [
      refuse('RATE_LIMITED', 'slow down', { retryAfterSeconds: 3 }),
      refuse('BAD_REQUEST', 'The request body must be UTF-8 JSON', {}, 415),
      refuse('SOME_OPERATION_CODE', 'passed on by an export'),
    ];
    expect(sent.map(([, , type]) => type)).toEqual(Array(3).fill('application/json; charset=utf-8'));
    expect(sent.map(([status, body]) => [status, body])).toEqual([
      [429, { errors: [{ message: 'slow down', extensions: { retryAfterSeconds: 3, code: 'RATE_LIMITED' } }] }],
      [415, { errors: [{ message: 'The request body must be UTF-8 JSON', extensions: { code: 'BAD_REQUEST' } }] }],
      [400, { errors: [{ message: 'passed on by an export', extensions: { code: 'SOME_OPERATION_CODE' } }] }],
    ]);
  });
});
