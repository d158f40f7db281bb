import { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphQLError } from 'graphql';
import { graphQLError } from '../errors';

/**
 * The time by which one request to a subgraph must be answered. The work the request starts (its
 * resolvers, their SQL statements) finds it through `currentDeadline()`: a statement is refused once
 * it has passed, and on MySQL each statement is given only the time that is left.
 */
export class RequestDeadline {
  readonly expiresAt: number;

  constructor(
    readonly limitMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.expiresAt = now() + limitMs;
  }

  remainingMs(): number {
    return this.expiresAt - this.now();
  }

  get expired(): boolean {
    return this.remainingMs() <= 0;
  }

  /** The error for this request: the same wherever the deadline is noticed. */
  exceeded(): GraphQLError {
    return deadlineExceeded(this.limitMs);
  }
}

export function deadlineExceeded(limitMs: number): GraphQLError {
  return graphQLError('DEADLINE_EXCEEDED', `The request ran past its deadline of ${limitMs} ms, so it was stopped: ask for less at once`, { limitMs });
}

// One store for the process: every request that has a deadline runs its work inside its own.
const scope = new AsyncLocalStorage<RequestDeadline>();

/** Runs `work`, and everything it starts, under `deadline`. */
export function runWithDeadline<T>(deadline: RequestDeadline, work: () => T): T {
  return scope.run(deadline, work);
}

/** The deadline of the request this code runs for; none outside a request (start-up, seeding, migrations). */
export function currentDeadline(): RequestDeadline | undefined {
  return scope.getStore();
}
