import type { ServerResponse } from 'node:http';
import { deadlineExceeded, RequestDeadline } from '../deadline/request-deadline';
import { sendRefusal } from './request-guards';

/**
 * Runs a GraphQL request's work under a deadline of `limitMs` from the moment its body has been
 * read. A request still running then is answered at once with HTTP 504 DEADLINE_EXCEEDED; the work
 * it started finds the deadline passed (no further SQL statement starts, see `underDeadline`) and
 * ends soon after, and what it would have written is dropped: the answer has gone.
 *
 * Where the work never yields (SQLite statements run synchronously), the timer can only fire once it
 * does; the statements it starts after the deadline are refused all the same, so the answer carries
 * DEADLINE_EXCEEDED errors in place of the data they would have read.
 */
export async function withDeadline(limitMs: number, response: ServerResponse, work: (deadline: RequestDeadline) => Promise<void>): Promise<void> {
  const deadline = new RequestDeadline(limitMs);
  let answered = false;
  const timer = setTimeout(() => {
    if (response.headersSent) return;
    answered = true;
    sendRefusal(response, 'DEADLINE_EXCEEDED', deadlineExceeded(limitMs).message, { limitMs });
  }, limitMs);
  // Whether the answer went out or the caller left, nothing is left to time.
  response.once('close', () => clearTimeout(timer));
  try {
    await work(deadline);
  } catch (error) {
    // Work that fails after the deadline answered has no one to tell; anything else is told.
    if (!answered) throw error;
  } finally {
    clearTimeout(timer);
  }
}
