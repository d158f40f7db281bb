import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { asOnePlugin } from '../server/one-plugin';

const typeDefs = 'type Query { hello: String }';
const resolvers = { Query: { hello: () => 'world' } };

/** A plugin that writes what it saw to `seen`, and throws at `throwAt` when given. */
function recording(name: string, seen: string[], throwAt?: 'didResolveOperation'): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      seen.push(`${name}:start`);
      return {
        async didResolveOperation() {
          seen.push(`${name}:didResolveOperation`);
          if (throwAt === 'didResolveOperation') throw new GraphQLError(`${name} refuses`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
        },
        async willSendResponse({ response }) {
          seen.push(`${name}:willSendResponse`);
          response.http.headers.set(`x-${name}`, 'yes');
        },
      };
    },
  };
}

async function ask(plugins: ApolloServerPlugin<BaseContext>[]) {
  const server = new ApolloServer({ typeDefs, resolvers, plugins });
  await server.start();
  try {
    return await server.executeOperation({ query: '{ hello }' });
  } finally {
    await server.stop();
  }
}

describe('asOnePlugin', () => {
  it('runs every listener at each stage, in the order the plugins were given', async () => {
    const seen: string[] = [];
    const answer = await ask([asOnePlugin([recording('a', seen), recording('b', seen)])]);
    expect(answer.body.kind === 'single' && answer.body.singleResult).toEqual({ data: { hello: 'world' } });
    expect(seen).toEqual(['a:start', 'b:start', 'a:didResolveOperation', 'b:didResolveOperation', 'a:willSendResponse', 'b:willSendResponse']);
    expect(answer.http.headers.get('x-a')).toBe('yes');
    expect(answer.http.headers.get('x-b')).toBe('yes');
  });

  it('ends a stage with the first error a listener throws, which Apollo answers as it would from a plugin of its own', async () => {
    const seen: string[] = [];
    const answer = await ask([asOnePlugin([recording('a', seen, 'didResolveOperation'), recording('b', seen)])]);
    expect(answer.http.status).toBe(400);
    expect(answer.body.kind === 'single' && answer.body.singleResult.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([['a refuses', 'BAD_USER_INPUT']]);
    // b's hook of that stage did not run; every listener still sees the answer leave.
    expect(seen).toEqual(['a:start', 'b:start', 'a:didResolveOperation', 'a:willSendResponse', 'b:willSendResponse']);
  });

  it('gives Apollo a lone listener as it is, and none when no plugin listens to this request', async () => {
    const listener = { async willSendResponse() {} };
    const lone = asOnePlugin([{ async requestDidStart() {} }, { async requestDidStart() { return listener; } }]);
    const silent = asOnePlugin([{ async requestDidStart() {} }, {}]);
    // The request context is not read by these plugins.
    const context = {} as Parameters<NonNullable<ApolloServerPlugin['requestDidStart']>>[0];
    await expect(lone.requestDidStart!(context)).resolves.toBe(listener);
    await expect(silent.requestDidStart!(context)).resolves.toBeUndefined();
  });

  it('refuses a plugin or listener with a hook it cannot combine, rather than dropping the hook', async () => {
    expect(() => asOnePlugin([{ async serverWillStart() {} }])).toThrow(/serverWillStart/);
    const staged = asOnePlugin([recording('a', []), { async requestDidStart() { return { async executionDidStart() {} }; } }]);
    const context = {} as Parameters<NonNullable<ApolloServerPlugin['requestDidStart']>>[0];
    await expect(staged.requestDidStart!(context)).rejects.toThrow(/executionDidStart/);
  });
});
