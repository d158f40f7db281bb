import { DASHBOARD_OPERATIONS, type DashboardOperationName } from '../../gateway/src/persisted-queries/dashboard-operations';

export interface GraphQLError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; cluster?: string; reason?: string; [key: string]: unknown };
}

export interface Answer<Data> {
  data: Data | null;
  errors: GraphQLError[];
}

const TOKEN_KEY = 'itro.token';

/** The signed-in token, for this browser tab only. */
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string | null) => (token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY)),
};

async function post<Data>(body: unknown, token: string | null): Promise<Answer<Data>> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { data?: Data | null; errors?: GraphQLError[] };
  return { data: answer.data ?? null, errors: answer.errors ?? [] };
}

/**
 * Runs one of the dashboard's operations by its hash alone. A gateway that does not know it yet
 * (another version) is sent the text once with the hash, and knows it from then on.
 */
export async function runOperation<Data>(name: DashboardOperationName, variables: Record<string, unknown>, token: string | null): Promise<Answer<Data>> {
  const persistedQuery = { version: 1, sha256Hash: __PERSISTED_HASHES__[name] };
  const answer = await post<Data>({ operationName: name, variables, extensions: { persistedQuery } }, token);
  if (answer.errors.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
    return post<Data>({ operationName: name, variables, query: DASHBOARD_OPERATIONS[name], extensions: { persistedQuery } }, token);
  }
  return answer;
}

export interface ShardStatus {
  clusters: string[];
  status: 'up' | 'slow' | 'down';
  latencyMs: number | null;
  breaker: string;
  reason: string | null;
}

/** Every cluster deployment's state, probed by the gateway now. */
export async function shardStatuses(): Promise<ShardStatus[]> {
  const response = await fetch('/health/shards');
  if (!response.ok) throw new Error(`the gateway answered HTTP ${response.status}`);
  return ((await response.json()) as { shards: ShardStatus[] }).shards;
}
