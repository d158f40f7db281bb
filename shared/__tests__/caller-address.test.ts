import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { callerAddress } from '../server/caller-address';

/** A request that reached the server from `peer`, through the proxies its X-Forwarded-For lists. */
function from(peer: string, forwardedFor?: string): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: peer });
  const request = new IncomingMessage(socket);
  request.headers = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return request;
}

describe("the caller's address under trust proxy", () => {
  it('is the peer when no proxy is trusted, whatever the request claims', () => {
    expect(callerAddress(false)(from('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
  });

  it('is the first untrusted hop when proxies are trusted, by name, address, count or all', () => {
    const request = () => from('127.0.0.1', '198.51.100.1, 10.0.0.2');
    expect(callerAddress('loopback')(request())).toBe('10.0.0.2');
    expect(callerAddress('loopback, 10.0.0.0/8')(request())).toBe('198.51.100.1');
    expect(callerAddress(1)(request())).toBe('10.0.0.2');
    expect(callerAddress(true)(request())).toBe('198.51.100.1');
    // A peer that is not a trusted proxy is the caller, whatever it forwards.
    expect(callerAddress('loopback')(from('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
  });
});
