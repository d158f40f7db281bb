import type { RequestHandler, Response } from 'express';
import { deadlineExceeded, RequestDeadline, runWithDeadline } from '../deadline/request-deadline';
import { sendRefusal } from './request-guards';

const answeredAtDeadline = new WeakSet<Response>();

/**
 * Runs a GraphQL handler under a deadline of `limitMs` from the moment the request's body has been
 * read. A request still running then is answered at once with HTTP 504 DEADLINE_EXCEEDED; the work
 * it started finds the deadline passed (no further SQL statement starts, see `guardStatements`) and
 * ends soon after, and what it would have written is dropped: the answer has gone.
 *
 * Where the work never yields (SQLite statements run synchronously), the timer can only fire once it
 * does; the statements it starts after the deadline are refused all the same, so the answer carries
 * DEADLINE_EXCEEDED errors in place of the data they would have read.
 */
export function withDeadline(limitMs: number, handler: RequestHandler): RequestHandler {
  return async (request, response, next) => {
    const deadline = new RequestDeadline(limitMs);
    const timer = setTimeout(() => {
      if (response.headersSent) return;
      answeredAtDeadline.add(response);
      const error = deadlineExceeded(limitMs);
      sendRefusal(response, 'DEADLINE_EXCEEDED', error.message, { limitMs });
    }, limitMs);
    // Whether the answer went out or the caller left, nothing is left to time.
    response.once('close', () => clearTimeout(timer));
    try {
      await runWithDeadline(deadline, () => handler(request, response, next));
    } catch (error) {
      // The handler's late attempt to answer (headers already sent) is expected; anything else is told.
      if (!answeredAtDeadline.has(response)) next(error);
    } finally {
      clearTimeout(timer);
    }
  };
}
