import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Every GraphQL answer of the gateway carries `Cache-Control: no-store`: it holds what one caller
 * may see, and no shared cache may keep it. Apollo's cache-control plugin, which would compute
 * the same from cache hints the shard router never has, is turned off in its place.
 */
export const noStoreAnswers: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};
