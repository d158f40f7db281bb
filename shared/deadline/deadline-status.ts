import type { ApolloServerPlugin } from '@apollo/server';
import { currentDeadline } from './request-deadline';

/**
 * Where the deadline passed while the request ran and some of its fields failed for it, the answer
 * is HTTP 504, as the deadline's own answer is (`withDeadline`): whichever of the two notices the
 * deadline first, the caller (the gateway) reads one status, and does not take the rest of the
 * data for a whole answer.
 */
export const deadlineStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (!currentDeadline()?.expired || response.body.kind !== 'single') return;
        const cut = response.body.singleResult.errors?.some((error) => error.extensions?.code === 'DEADLINE_EXCEEDED');
        if (cut) response.http.status = 504;
      },
    };
  },
};
