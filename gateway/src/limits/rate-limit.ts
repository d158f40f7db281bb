import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { TokenVerifier } from '../../../shared/auth/tokens';
import { authorizationOf } from '../../../shared/auth/tokens';
import type { RateLimitSettings } from '../../../shared/gateway-protection';
import type { Logger } from '../../../shared/logger';
import type { RequestGuard } from '../../../shared/server/request-guards';

export interface RateLimitGuard {
  guard: RequestGuard;
  /** Settles once the shared store is connected, or after a short wait without it. */
  connected: Promise<void>;
  close(): Promise<void>;
}

type Scope = 'token' | 'address';

/**
 * Counts operations per caller and refuses those over the limit with HTTP 429 RATE_LIMITED and a
 * Retry-After. A caller with a valid token is counted by its subject, wherever it calls from; a
 * caller without one (or with a bad one, which is refused anyway) by its address, so that sending
 * made-up tokens buys nothing. A batch counts each of its operations. With Redis the counters are
 * shared across replicas; if Redis stops answering, each replica counts in memory meanwhile.
 */
/** How long a gateway waits for its rate-limit store at start before it counts in memory. */
const REDIS_START_WAIT_MS = 3_000;

export function createRateLimitGuard(settings: RateLimitSettings, verifyToken: TokenVerifier | undefined, logger: Logger): RateLimitGuard {
  const redis = settings.redisUrl ? new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : undefined;
  redis?.on('error', (error: unknown) => logger.warn({ err: error }, 'rate limit store unavailable; counting in memory'));
  const limiter = (scope: Scope, points: number): RateLimiterAbstract | undefined => {
    if (points <= 0) return undefined;
    const options = { keyPrefix: `itro-rate-${scope}`, points, duration: 60 };
    if (!redis) return new RateLimiterMemory(options);
    return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
  };
  const limiters: Record<Scope, RateLimiterAbstract | undefined> = {
    token: limiter('token', settings.perTokenPerMinute),
    address: limiter('address', settings.perAddressPerMinute),
  };

  const callerOf = async (authorization: string | undefined, address: string): Promise<{ scope: Scope; key: string }> => {
    if (authorization && verifyToken) {
      try {
        const identity = await verifyToken(authorization);
        if (identity.subject !== null) return { scope: 'token', key: `${identity.role}:${identity.subject}` };
      } catch {
        // A bad token is refused when the request's context is built; here it counts as no token.
      }
    }
    return { scope: 'address', key: address };
  };

  const guard: RequestGuard = async ({ headers, body, address }, response) => {
    const operations = Array.isArray(body) ? Math.max(1, body.length) : 1;
    const { scope, key } = await callerOf(authorizationOf(headers), address);
    const counter = limiters[scope];
    if (!counter) return undefined;
    try {
      const state = await counter.consume(key, operations);
      response.setHeader('RateLimit-Remaining', String(state.remainingPoints));
      return undefined;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      response.setHeader('Retry-After', String(retryAfterSeconds));
      return [
        'RATE_LIMITED',
        `Too many requests for this ${scope}: at most ${counter.points} operations a minute; try again in ${retryAfterSeconds} s`,
        { scope, limitPerMinute: counter.points, retryAfterSeconds },
      ];
    }
  };

  // A replica that took traffic before its Redis connection was up would count its first requests
  // alone; it waits for the connection a moment at start (a Redis that is down does not stop it).
  const connected = redis
    ? new Promise<void>((resolve) => {
        if (redis.status === 'ready') return resolve();
        const timer = setTimeout(() => {
          logger.warn({}, 'rate limit store not reachable at start; counting in memory until it is');
          resolve();
        }, REDIS_START_WAIT_MS);
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      })
    : Promise.resolve();

  return {
    guard,
    connected,
    close: async () => {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
