/** The gateway's settings against hostile or careless requests: read by config, applied by the gateway. */

/** What one operation may ask for. Sized for the dashboard's and analysts' real queries (README). */
export interface OperationLimits {
  /** Deepest field nesting. */
  maxDepth: number;
  /** Estimated cost (see `networkCostEstimator`): about the number of objects resolved. */
  maxCost: number;
  /** Aliased fields: the usual way to ask for one expensive field many times over. */
  maxAliases: number;
  /** Field selections after fragments are expanded. */
  maxFields: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = { maxDepth: 12, maxCost: 25_000, maxAliases: 30, maxFields: 500 };

export interface RateLimitSettings {
  /** Operations per minute for one token's subject; 0 turns the limit off. */
  perTokenPerMinute: number;
  /** Operations per minute for one address without a valid token; 0 turns the limit off. */
  perAddressPerMinute: number;
  /** Counters shared by every gateway replica; in this process's memory without it. */
  redisUrl?: string;
}

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

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { perTokenPerMinute: 600, perAddressPerMinute: 120 };

export const DEFAULT_PROTECTION: GatewayProtection = {
  limits: DEFAULT_OPERATION_LIMITS,
  maxTokens: 5_000,
  bodyLimitBytes: 262_144,
  maxBatch: 5,
  rateLimits: DEFAULT_RATE_LIMITS,
  introspection: true,
  trustProxy: false,
};
