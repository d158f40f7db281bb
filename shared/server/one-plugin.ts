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
const PLAIN_HOOKS = ['didResolveSource', 'didResolveOperation', 'didEncounterErrors', 'willSendResponse'] as const;
type PlainHook = (typeof PLAIN_HOOKS)[number];

function combined<Context extends BaseContext>(listeners: ReadonlyArray<GraphQLRequestListener<Context>>): GraphQLRequestListener<Context> {
  const one: GraphQLRequestListener<Context> = {};
  for (const listener of listeners) {
    const other = Object.keys(listener).find((key) => !(PLAIN_HOOKS as readonly string[]).includes(key));
    if (other) throw new Error(`asOnePlugin combines ${PLAIN_HOOKS.join(', ')}; a listener has ${other}`);
  }
  for (const hook of PLAIN_HOOKS) {
    const owners = listeners.filter((listener) => listener[hook] !== undefined);
    if (owners.length === 0) continue;
    // Each hook's context type differs; every one of them is the request's context at that stage.
    const run = async (requestContext: GraphQLRequestContext<Context>) => {
      for (const owner of owners) await (owner[hook] as (context: GraphQLRequestContext<Context>) => Promise<void>).call(owner, requestContext);
    };
    (one as Record<PlainHook, unknown>)[hook] = run;
  }
  return one;
}
