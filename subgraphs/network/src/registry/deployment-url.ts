/**
 * A cluster deployment's base URL as the registry keeps it: http or https, no credentials, no query
 * or fragment (the gateway appends `/<subgraph>/graphql` and `/health`), no trailing slash. Returns
 * what is wrong with it in words, so each caller can say it its own way.
 */
export function parseDeploymentUrl(value: string): { url: string } | { problem: string } {
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    return { problem: 'is not a URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { problem: 'must be an http or https URL' };
  if (parsed.username || parsed.password) return { problem: 'must not carry credentials: the gateway signs its own requests' };
  if (parsed.search || parsed.hash) return { problem: 'must not have a query or a fragment' };
  const url = parsed.href.replace(/\/+$/, '');
  if (url.length > MAX_URL_LENGTH) return { problem: `is longer than ${MAX_URL_LENGTH} characters` };
  return { url };
}

/** The registry's column width. */
export const MAX_URL_LENGTH = 500;
