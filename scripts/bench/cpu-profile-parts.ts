/** The parts of the gateway's work that section J tells apart, in the order it prints them. */
export const PROFILE_PARTS = [
  'query planning (@apollo/query-planner, federation-internals)',
  'plan execution and result shaping (@apollo/gateway)',
  'request pipeline and validation (@apollo/server, graphql-js)',
  'shard router: compile (operation plans, selections, rules)',
  'shard router: route and reassemble',
  'shard router: send (client, breaker, shared reads)',
  'shard router: merge',
  'shard router: answer checks',
  'limits, metrics, traces, registry (ours)',
  'JSON parse and stringify',
  'HTTP (node:http, undici, net, express, body parsing)',
  'Node runtime (events, promises, buffers, async hooks)',
  'built-ins (regular expressions, base64, text decoding)',
  'garbage collection',
  'other',
] as const;

export type ProfilePart = (typeof PROFILE_PARTS)[number];

/** The slice of a `.cpuprofile` (V8's format, as `node --cpu-prof` writes it) this module reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>;
  samples: number[];
  timeDeltas: number[];
}

const ROUTER_PARTS: ReadonlyArray<[RegExp, ProfilePart]> = [
  [/shard-router\/(operation-plan|root-fields|selection|shard-rules)\.js$/, 'shard router: compile (operation plans, selections, rules)'],
  [/shard-router\/(send|shard-client|circuit-breaker|read-sharing)\.js$/, 'shard router: send (client, breaker, shared reads)'],
  [/shard-router\/(merge|connection-share|heap)\.js$/, 'shard router: merge'],
  [/shard-router\/answer-(check|shape)\.js$/, 'shard router: answer checks'],
];

const HTTP_PACKAGES = /node_modules\/(undici|express|router|body-parser|raw-body|type-is|content-type|negotiator|mime-types|mime-db|media-typer|parseurl|finalhandler|iconv-lite|on-finished|@as-integrations|whatwg-mimetype|qs|depd|statuses|vary|accepts|send|etag|fresh)\//;

/** Which part a function of the profile belongs to, by the file it was loaded from. */
export function partOf(functionName: string, url: string): ProfilePart {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (!url && (functionName === 'parse' || functionName === 'stringify')) return 'JSON parse and stringify';
  if (!url && (functionName === 'writev' || functionName === 'writeBuffer' || functionName === 'writeUtf8String')) return 'HTTP (node:http, undici, net, express, body parsing)';
  if (/node_modules\/@apollo\/(query-planner|federation-internals|query-graphs)\//.test(url)) return 'query planning (@apollo/query-planner, federation-internals)';
  if (/node_modules\/@apollo\/gateway\//.test(url)) return 'plan execution and result shaping (@apollo/gateway)';
  if (/node_modules\/(@apollo\/server|graphql)\//.test(url)) return 'request pipeline and validation (@apollo/server, graphql-js)';
  if (HTTP_PACKAGES.test(url) || /^node:(_http_|http|net|internal\/(streams|stream_base_commons|http))/.test(url)) return 'HTTP (node:http, undici, net, express, body parsing)';
  if (url.includes('/gateway/src/shard-router/')) return ROUTER_PARTS.find(([pattern]) => pattern.test(url))?.[1] ?? 'shard router: route and reassemble';
  if (/\/(gateway\/src|shared)\//.test(url)) return 'limits, metrics, traces, registry (ours)';
  if (url.startsWith('node:')) return 'Node runtime (events, promises, buffers, async hooks)';
  // Built-ins have no file: a regular expression, base64, a string's decoding, the microtask queue.
  if (!url) return 'built-ins (regular expressions, base64, text decoding)';
  return 'other';
}

/**
 * The CPU time of each part over the last `windowMs` of a profile, idle time left out: the
 * profile is written when the process stops, just after the load it was made for.
 */
export function profileParts(profile: CpuProfile, windowMs: number): Map<ProfilePart, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const ends: number[] = [];
  let at = 0;
  for (const delta of profile.timeDeltas) ends.push((at += delta));
  const from = at - windowMs * 1000;
  const parts = new Map<ProfilePart, number>(PROFILE_PARTS.map((part) => [part, 0]));
  profile.samples.forEach((id, index) => {
    // A sample's time is the delta that follows it: until the next sample was taken.
    const micros = profile.timeDeltas[index + 1] ?? 0;
    const frame = byId.get(id);
    if (!frame || ends[index]! < from || frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    const part = partOf(frame.functionName, frame.url);
    parts.set(part, parts.get(part)! + micros / 1000);
  });
  return parts;
}
