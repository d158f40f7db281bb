import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type ContextFunction } from '@apollo/server';
import { context as traceContext } from '@opentelemetry/api';
import { GraphQLError } from 'graphql';
import { GATEWAY_ASSERTION_HEADER, type AssertionVerifier } from '../auth/gateway-assertion';
import type { RequestDeadline } from '../deadline/request-deadline';
import type { RequestTimer } from '../metrics/http-metrics';
import { requestSpan } from '../tracing/http-tracing';
import type { CallerAddress } from './caller-address';
import { withDeadline } from './deadline-handler';
import { readJsonBody } from './request-body';
import { sendRefusal, type RequestGuard } from './request-guards';
import { assignRequestId } from './request-id';

/** What a GraphQL route's context function is given: the request as Node received it, and its answer. */
export interface HttpContextArgument {
  req: IncomingMessage;
  res: ServerResponse;
  /** The request's deadline, where the subgraph sets one: its context hands it to the request's statements. */
  deadline?: RequestDeadline;
}

export interface GraphQLLaneOptions<Context extends BaseContext> {
  path: string;
  server: ApolloServer<Context>;
  context: ContextFunction<[HttpContextArgument], Context>;
  /** Run in order after the body is read and before GraphQL: rate limits, batch limits. */
  guards: readonly RequestGuard[];
  bodyLimitBytes: number;
  callerAddress: CallerAddress;
  /** A subgraph's check that the request comes from the network's gateway, run before its body is read. */
  gatewayAssertion?: AssertionVerifier;
  /** A subgraph's deadline for the request, from its body read to its answer. */
  requestDeadlineMs?: number;
  timer?: RequestTimer;
  onInternalError: (error: unknown, requestId: string) => void;
}

/**
 * One GraphQL route served on Node's HTTP server directly, in the stages every request passes:
 * its id, its span and its timer; the gateway's assertion (subgraphs); its body, read bounded; the
 * guards; then Apollo Server, under the deadline where there is one. Express's router and JSON
 * parser cost the gateway about a tenth of its CPU on a single-cluster lookup, for routing to one
 * path and parsing one JSON body; every other route stays on express.
 */
export function graphqlLane<Context extends BaseContext>(options: GraphQLLaneOptions<Context>): (request: IncomingMessage, response: ServerResponse) => void {
  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (options.gatewayAssertion && !(await assertionAccepted(options.gatewayAssertion, request, response))) return;
    const read = request.method === 'POST' ? await readJsonBody(request, options.bodyLimitBytes) : { body: undefined };
    if ('refusal' in read) {
      if (read.unread) response.setHeader('Connection', 'close');
      return sendRefusal(response, ...read.refusal);
    }
    const guarded = { headers: request.headers, body: read.body, address: options.callerAddress(request) };
    for (const guard of options.guards) {
      const refusal = await guard(guarded, response);
      if (refusal) return sendRefusal(response, ...refusal);
    }
    const execute = (deadline?: RequestDeadline) => answerWithApollo(options, request, response, read.body, deadline);
    await (options.requestDeadlineMs === undefined ? execute() : withDeadline(options.requestDeadlineMs, response, execute));
  };
  return (request, response) => {
    const id = assignRequestId(request, response);
    options.timer?.(request, response, options.path);
    traceContext.with(requestSpan(request, response, options.path), () => {
      serve(request, response).catch((error: unknown) => {
        options.onInternalError(error, id);
        if (!response.headersSent) sendRefusal(response, 'INTERNAL_SERVER_ERROR', 'Internal server error');
        else response.destroy();
      });
    });
  };
}

/** Whether the request carries a valid gateway assertion; when not, it has been answered 401. */
async function assertionAccepted(verify: AssertionVerifier, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const header = request.headers[GATEWAY_ASSERTION_HEADER];
  try {
    await verify(typeof header === 'string' ? header : undefined);
    return true;
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'Not accepted: the gateway assertion could not be checked';
    // Nothing of the request was read; the connection is not kept for a body nobody will read.
    response.setHeader('Connection', 'close');
    sendRefusal(response, 'UNAUTHENTICATED', message);
    return false;
  }
}

async function answerWithApollo<Context extends BaseContext>(
  options: GraphQLLaneOptions<Context>,
  request: IncomingMessage,
  response: ServerResponse,
  body: unknown,
  deadline: RequestDeadline | undefined,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const answer = await options.server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (request.method ?? 'GET').toUpperCase(), headers, search: query < 0 ? '' : url.slice(query), body },
    context: () => options.context(deadline ? { req: request, res: response, deadline } : { req: request, res: response }),
  });
  // Answered already: the deadline passed, or the caller left.
  if (response.headersSent || response.destroyed) return;
  for (const [name, value] of answer.headers) response.setHeader(name, value);
  response.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    response.setHeader('Content-Length', Buffer.byteLength(answer.body.string));
    response.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) response.write(chunk);
  response.end();
}
