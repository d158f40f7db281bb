import { PROFILE_PARTS, partOf, type ProfilePart } from './cpu-profile-parts';

/**
 * Samples of `perf record -e cpu-clock:u -g` of a Node process started with `--perf-prof`, named
 * by `perf inject --jit` and printed by `perf script -F tid,ip,sym`, sorted into J's parts.
 *
 * A V8 CPU profile samples the main thread on wall time: a sample taken while the thread waited to
 * run (a `writev` that woke the receiver on a busy machine) counts as work. `cpu-clock` counts only
 * time on a CPU, in every thread of the process (V8's garbage collector and compiler threads too),
 * in user space: the kernel's part is read apart, from /proc.
 */

/** Native frames that are a part of their own wherever they are called from. */
const NATIVE_PARTS: ReadonlyArray<[RegExp, ProfilePart]> = [
  [/Scaveng|MarkCompact|GCTracer|Sweeper|ConcurrentMarking|IncrementalMarking|Evacuat|MinorMC|Heap::CollectGarbage|Heap::PerformGarbageCollection/, 'garbage collection'],
  [/JsonParse|JsonStringif|Builtins?[_:]Json/, 'JSON parse and stringify'],
  [/llhttp|node::http_parser|Parser::OnStreamRead|node::StreamBase|LibuvStreamWrap|uv__read|uv__write|uv__stream/, 'HTTP (node:http, undici, net, express, body parsing)'],
  [/RegExp|Irregexp|Base64|Utf8Decoder|TextDecoder|simdutf/, 'built-ins (regular expressions, base64, text decoding)'],
];

interface Frame {
  /** A JavaScript function's name and the file it was loaded from; absent for native code. */
  js?: { name: string; url: string };
  symbol: string;
}

function frameOf(line: string): Frame {
  // `<ip> <symbol>`; a JavaScript frame's symbol is `JS:<tier mark><name> <url>:<line>:<column>`.
  const symbol = line.trim().replace(/^[0-9a-f]+\s+/, '');
  const js = /^JS:[*~^+-]?(\S*)\s+(\S+?)(?::\d+:\d+)?$/.exec(symbol);
  return js ? { js: { name: js[1]!, url: js[2]! }, symbol } : { symbol };
}

/**
 * The part one sample belongs to: a native frame of a part of its own on the way from the leaf
 * to the first JavaScript frame with a file (garbage collection, JSON, the HTTP parser, regular
 * expressions) is that part; otherwise the part of that JavaScript frame, so that V8's builtins and
 * inline caches count for the function that called them, as in J's V8 profile. `mainThread`:
 * samples of other threads are V8's helpers, garbage collection or compiling.
 */
function partOfSample(frames: readonly Frame[], onMainThread: boolean): ProfilePart {
  for (const frame of frames) {
    if (frame.js && frame.js.url !== '') return partOf(frame.js.name, frame.js.url);
    const native = NATIVE_PARTS.find(([pattern]) => pattern.test(frame.symbol));
    if (native) return native[1];
  }
  if (!onMainThread) return 'other';
  // V8's builtins are `Builtins_…` in Node's own symbols and `Builtin:…` where the JIT's dump names them.
  return frames.some((frame) => /^(node::|uv_|Builtins_|Builtin:)/.test(frame.symbol)) ? 'Node runtime (events, promises, buffers, async hooks)' : 'other';
}

/** How many samples fell in each part; `mainThread` is the process's id, which its main thread shares. */
export function perfSampleParts(script: string, mainThread: number): { parts: Map<ProfilePart, number>; samples: number } {
  const parts = new Map<ProfilePart, number>(PROFILE_PARTS.map((part) => [part, 0]));
  let samples = 0;
  for (const block of script.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    const thread = Number(lines[0]?.trim().split(/\s+/)[0]);
    if (lines.length < 2 || !Number.isInteger(thread)) continue;
    const part = partOfSample(lines.slice(1).map(frameOf), thread === mainThread);
    parts.set(part, parts.get(part)! + 1);
    samples += 1;
  }
  return { parts, samples };
}
