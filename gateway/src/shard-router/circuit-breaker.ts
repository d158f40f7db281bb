/**
 * One shard's circuit breaker. After `failureThreshold` failures in a row it opens: requests fail
 * at once instead of each waiting for a timeout. After `openMs` it half-opens and lets one probe
 * through; the probe's success closes it, its failure opens it again for another `openMs`.
 */
export interface BreakerSettings {
  failureThreshold: number;
  openMs: number;
}

export const DEFAULT_BREAKER: BreakerSettings = { failureThreshold: 3, openMs: 10_000 };

export type BreakerState = 'closed' | 'open' | 'half-open';

export type Admission = { admitted: true; probe: boolean } | { admitted: false; reason: string };

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private probing = false;
  private lastReason = '';

  constructor(
    private readonly settings: BreakerSettings = DEFAULT_BREAKER,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): BreakerState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.settings.openMs ? 'half-open' : 'open';
  }

  /** Whether a request may go to the shard now; a half-open breaker admits one probe at a time. */
  admit(): Admission {
    const state = this.state;
    if (state === 'closed') return { admitted: true, probe: false };
    if (state === 'half-open' && !this.probing) {
      this.probing = true;
      return { admitted: true, probe: true };
    }
    const retryInMs = Math.max(0, this.settings.openMs - (this.now() - this.openedAt!));
    return { admitted: false, reason: `circuit open after ${this.failures} failures in a row (last: ${this.lastReason}); next probe in ${Math.ceil(retryInMs / 1000)} s` };
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.probing = false;
  }

  /**
   * `probe`: whether the failed request was the probe this breaker admitted. Only a failed probe
   * restarts the open period; a request admitted before the circuit opened that fails late must not
   * push the next probe back, or a shard that came back would stay shut out for another period.
   */
  failed(reason: string, probe = false): void {
    this.failures += 1;
    this.lastReason = reason;
    if (probe) {
      this.probing = false;
      this.openedAt = this.now();
    } else if (this.openedAt === undefined && this.failures >= this.settings.failureThreshold) this.openedAt = this.now();
  }
}
