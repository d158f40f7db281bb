import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { IDEMPOTENCY_KEY_FIELD, idempotencyKeyError } from '../../shared/idempotency/idempotency-key';
import type { GatewayContext } from './gateway-context';

/**
 * One Idempotency-Key names one write. An operation that sends a key with more than one mutation
 * field is refused (400 BAD_USER_INPUT, `idempotencyKey: "SHARED"`) before any subgraph is asked:
 * its fields may go to different clusters, and a retry could not tell which of them had committed.
 * A key on a query is ignored: a read has nothing to deduplicate.
 */
export const idempotencyKeyGuard: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart({ contextValue }) {
    if (!contextValue.idempotencyKey) return;
    return {
      async didResolveOperation({ operation, document }) {
        if (operation?.operation !== 'mutation') return;
        const fragments = new Map(
          document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
        );
        const fields = new Set<string>();
        collectRootFields(operation.selectionSet, fragments, new Set(), fields);
        if (fields.size <= 1) return;
        throw idempotencyKeyError('SHARED', `One ${IDEMPOTENCY_KEY_FIELD} names one write, and this operation holds ${fields.size} mutation fields: send each with a key of its own`, 400);
      },
    };
  },
};

/**
 * The response keys of the root fields, through fragments (each spread once), `__typename` left
 * out: a field selected twice under one key is one field, as GraphQL merges them.
 */
function collectRootFields(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, spread: Set<string>, fields: Set<string>): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') fields.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) collectRootFields(selection.selectionSet, fragments, spread, fields);
    else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || spread.has(fragment.name.value)) continue;
      spread.add(fragment.name.value);
      collectRootFields(fragment.selectionSet, fragments, spread, fields);
    }
  }
}
