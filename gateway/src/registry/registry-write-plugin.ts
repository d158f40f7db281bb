import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';

/** The network subgraph's mutations that change the registry. */
export const REGISTRY_WRITES = new Set(['registerCluster', 'updateCluster', 'suspendCluster', 'resumeCluster', 'retireCluster']);

/** How long a registry write's answer waits for the gateway to apply it; a slow check finishes after. */
const APPLY_WAIT_MS = 5_000;

/**
 * After a registry write that passed through this gateway, the registry is read again before the
 * answer leaves, so the secretariat's next request already sees the change (other replicas see it
 * at their next poll). A check that takes long does not hold the answer past a few seconds.
 */
export function registryWritePlugin(refresh: () => Promise<void>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (!writesRegistry(operation)) return;
          let timer: NodeJS.Timeout | undefined;
          const waited = new Promise<void>((resolve) => {
            timer = setTimeout(resolve, APPLY_WAIT_MS);
          });
          await Promise.race([refresh(), waited]);
          clearTimeout(timer);
        },
      };
    },
  };
}

function writesRegistry(operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== 'mutation') return false;
  return operation.selectionSet.selections.some((selection) => selection.kind === Kind.FIELD && REGISTRY_WRITES.has(selection.name.value));
}
