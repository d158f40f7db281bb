import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { exitOnFailure, stopOnSignals } from '../process-lifecycle';
import { announceReady } from './child-process';

/** The fields section I asks of a member, typed as the cluster subgraph types them. */
const TYPE_DEFS = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  enum MemberKind { STARTUP SME LARGE_ENTERPRISE UNIVERSITY RESEARCH_INSTITUTE PUBLIC_AUTHORITY CATALYST COMMUNITY }
  type Query { member(id: ID!): Member }
  type Member @key(fields: "id") { id: ID! name: String! kind: MemberKind! employees: Int! city: String! founded: Int! }
`);

/**
 * The floor of what a subgraph costs on this machine: @apollo/subgraph on Apollo Server's own HTTP
 * server, answering every `member(id:)` with one constant member, with no database, token,
 * assertion, limit, metric or log. Section I sets the cluster subgraph beside it.
 */
async function main(): Promise<void> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: TYPE_DEFS, resolvers: { Query: { member: (_root: unknown, { id }: { id: string }) => ({ id, name: 'Constant SRL', kind: 'SME', employees: 42, city: 'Cluj-Napoca', founded: 2012 }) } } }),
    stopOnTerminationSignals: false,
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  announceReady({ url });
  stopOnSignals(async () => void (await server.stop()));
}

exitOnFailure(main);
