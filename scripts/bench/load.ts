import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  /** Answers that were not HTTP 200 or carried GraphQL errors, plus socket errors. */
  failures: number;
}

/**
 * `connections` clients POSTing GraphQL requests over and over for `seconds`: one body, or each
 * request the next of `body` in turn (so that requests in flight at once differ). Latency
 * percentiles come from every response's own time, so p95 is exact, not bucketed.
 */
export function runLoad(url: string, body: string | readonly string[], connections: number, seconds: number): Promise<LoadResult> {
  const times: number[] = [];
  let failures = 0;
  const bodies = typeof body === 'string' ? [body] : body;
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bodies[0],
        requests: [
          {
            ...(bodies.length > 1 ? { setupRequest: (request: autocannon.Request) => ({ ...request, body: bodies[next++ % bodies.length]! }) } : {}),
            // An answer of HTTP 200 can still be a GraphQL error: counted, so that no figure is a
            // rate of refusals. `"errors":` unescaped can only be a key: inside a string its quotes
            // would be escaped.
            onResponse: (status: number, answer: string) => {
              if (status === 200 && answer.includes('"errors":')) failures += 1;
            },
          },
        ],
        connections,
        duration: seconds,
        pipelining: 1,
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
        resolve({
          requests: times.length,
          requestsPerSecond: times.length / seconds,
          p50Ms: at(0.5),
          p95Ms: at(0.95),
          failures: failures + result.errors + result.non2xx,
        });
      },
    );
    instance.on('response', (client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      void client;
      void statusCode;
    });
    instance.on('reqError', () => {
      failures += 1;
    });
  });
}

/** One request, checked: a benchmark of error answers would measure the wrong thing. */
export async function checkedPost(url: string, body: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answer = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (response.status !== 200 || answer.errors) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(answer.errors ?? answer)}`);
  return answer.data!;
}
