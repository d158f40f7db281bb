import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './operation-limits';
import type { RateLimitSettings } from './rate-limit';

/** Everything the gateway does against hostile or careless requests; defaults in the README. */
export interface GatewayProtection {
  limits: OperationLimits;
  /** Tokens (names, punctuation, values) a query may hold; parsing stops beyond it. */
  maxTokens: number;
  bodyLimitBytes: number;
  /** Operations in one batched request; 1 turns batching off. */
  maxBatch: number;
  /** Null: no rate limits (tests that are not about them). */
  rateLimits: RateLimitSettings | null;
  /** Whether the schema may be introspected; off in production unless asked for. */
  introspection: boolean;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For gives the caller's address. */
  trustProxy: boolean | string | number;
}

export const DEFAULT_PROTECTION: GatewayProtection = {
  limits: DEFAULT_OPERATION_LIMITS,
  maxTokens: 5_000,
  bodyLimitBytes: 262_144,
  maxBatch: 5,
  rateLimits: { perTokenPerMinute: 600, perAddressPerMinute: 120 },
  introspection: true,
  trustProxy: false,
};
