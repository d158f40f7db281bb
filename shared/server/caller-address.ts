import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Which proxies in front of a server are believed when their `X-Forwarded-For` names the caller: express's `trust proxy` values. */
export type TrustProxy = boolean | string | number;

/** The caller's address of a request, read the way express reads `request.ip` under the same `trust proxy` setting. */
export type CallerAddress = (request: IncomingMessage) => string;

export function callerAddress(trust: TrustProxy): CallerAddress {
  const trusted = trustFunction(trust);
  return (request) => proxyAddr(request, trusted) || request.socket.remoteAddress || 'unknown';
}

/** `true`: every hop; a number: that many hops from the server; a list of addresses or names (`loopback`): those. */
function trustFunction(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (trust === true) return () => true;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  if (trust === false) return proxyAddr.compile([]);
  return proxyAddr.compile(trust.split(',').map((part) => part.trim()));
}
