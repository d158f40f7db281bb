import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';

/**
 * A server's own request plugins given to Apollo Server as one.
 *
 * Apollo asks every plugin's listener at each of a request's stages, whether it has the hook or
 * not: `await Promise.all(listeners.map(...))` for most, one listener after another for
 * `responseForOperation`. Each listener costs a request promises at ten stages; as one, ours cost
 * one listener, which has only the hooks this request's listeners have. Each hook runs the
 * listeners' hooks in the order the plugins were given, each awaited before the next; the first
 * that throws ends the stage with its error, as Apollo's `Promise.all` would.
 *
 * Only the hooks that return nothing are combined: a plugin with another (a server hook, a stage
 * that returns an end hook, `responseForOperation`) is refused when the plugin is built or, for a
 * listener, when the request starts, rather than having its hook silently dropped. A request only
 * one listener hears is given that listener as it is.
 */
export function asOnePlugin<Context extends BaseContext>(plugins: ReadonlyArray<ApolloServerPlugin<Context>>): ApolloServerPlugin<Context> {
  for (const plugin of plugins) {
    const other = Object.keys(plugin).find((key) => key !== 'requestDidStart');
    if (other) throw new Error(`asOnePlugin combines request listeners only; a plugin has ${other}`);
  }
  const starts = plugins.flatMap((plugin) => (plugin.requestDidStart ? [plugin.requestDidStart.bind(plugin)] : []));
  return {
    async requestDidStart(requestContext) {
      const listeners: Array<GraphQLRequestListener<Context>> = [];
      for (const start of starts) {
        const listener = await start(requestContext);
        if (listener) listeners.push(listener);
      }
      return listeners.length <= 1 ? listeners[0] : combined(listeners);
    },
  };
}

/** The hooks `asOnePlugin` combines: each takes the request's context and returns nothing. */
const PLAIN_HOOKS = new Set(['didResolveSource', 'didResolveOperation', 'didEncounterErrors', 'willSendResponse']);

type PlainHook = (requestContext: GraphQLRequestContext<BaseContext>) => Promise<void>;

/** One listener over several; built per request (listeners are), so with one pass over their hooks. */
function combined<Context extends BaseContext>(listeners: ReadonlyArray<GraphQLRequestListener<Context>>): GraphQLRequestListener<Context> {
  const owners = new Map<string, Array<GraphQLRequestListener<Context>>>();
  for (const listener of listeners) {
    for (const hook in listener) {
      if (listener[hook as keyof typeof listener] === undefined) continue;
      if (!PLAIN_HOOKS.has(hook)) throw new Error(`asOnePlugin combines ${[...PLAIN_HOOKS].join(', ')}; a listener has ${hook}`);
      const those = owners.get(hook);
      if (those) those.push(listener);
      else owners.set(hook, [listener]);
    }
  }
  const one: Record<string, PlainHook> = {};
  for (const [hook, those] of owners) {
    // Each hook's context type differs; every one of them is the request's context at that stage.
    one[hook] = async (requestContext) => {
      for (const owner of those) await (owner[hook as keyof typeof owner] as PlainHook).call(owner, requestContext);
    };
  }
  return one as GraphQLRequestListener<Context>;
}
