import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestDeadline } from './request-deadline';

/** What a subgraph's request context holds of its deadline: both subgraphs' contexts have it. */
export interface DeadlineContext {
  deadline?: RequestDeadline;
}

/**
 * Where the deadline passed while the request ran and some of its fields failed for it, the answer
 * is HTTP 504, as the deadline's own answer is (`withDeadline`): whichever of the two notices the
 * deadline first, the caller (the gateway) reads one status, and does not take the rest of the
 * data for a whole answer.
 */
export const deadlineStatusPlugin: ApolloServerPlugin<DeadlineContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (!contextValue.deadline?.expired || response.body.kind !== 'single') return;
        const cut = response.body.singleResult.errors?.some((error) => error.extensions?.code === 'DEADLINE_EXCEEDED');
        if (cut) response.http.status = 504;
      },
    };
  },
};
