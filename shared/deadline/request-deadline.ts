import type { GraphQLError } from 'graphql';
import { graphQLError } from '../errors';

/**
 * The time by which one request to a subgraph must be answered. The request's context holds it, and
 * its view of the data source (`DeadlineAwareDataSource.forRequest`) gives it to every SQL statement
 * the request runs: a statement is refused once it has passed, and on MySQL each statement is given
 * only the time that is left.
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
