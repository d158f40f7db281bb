import { perfSampleParts } from '../../scripts/bench/perf-samples';

const MODULES = '/srv/itro/node_modules';
const ROOT = '/srv/itro/dist';

/** One sample as `perf script -F tid,ip,sym` prints it: the thread, then its frames from the leaf up. */
const sample = (thread: number, ...frames: string[]) => [` ${thread} `, ...frames.map((frame, index) => `\t    ${(0x1000 + index).toString(16)} ${frame}`)].join('\n');

describe("the bench's split of perf samples", () => {
  it('counts a builtin for the JavaScript that called it, and native work of a part of its own as that part', () => {
    const script = [
      // An inline cache inside result shaping: the shaping's.
      sample(7, 'Builtins_LoadIC_Megamorphic', `JS:*updateOutputValue ${MODULES}/@apollo/gateway/dist/resultShaping.js:146:27`, `JS:*processGraphQLRequest ${MODULES}/@apollo/server/dist/cjs/requestPipeline.js:33:37`),
      // A scavenge started from the router's code: garbage collection, not the router.
      sample(7, 'v8::internal::Scavenger::ScavengeObject', 'v8::internal::Heap::CollectGarbage', `JS:*fetchRootFields ${ROOT}/gateway/src/shard-router/root-fetch.js:19:31`),
      // JSON.parse inside the shard exchange: JSON.
      sample(7, 'v8::internal::JsonParser<unsigned char>::ParseJsonValue', 'Builtins_JsonParse', `JS:*readAnswer ${ROOT}/gateway/src/shard-router/send.js:154:20`),
      sample(7, `JS:*execute ${MODULES}/undici/lib/dispatcher/client-h1.js:320:11`),
      sample(7, `JS:~emit node:events:470:44`),
      // A builtin as the JIT's dump names it, with no JavaScript of a file above it: the runtime.
      sample(7, 'Builtin:RunMicrotasks', 'Builtin:JSRunMicrotasksEntry'),
      // The event loop with no JavaScript on the stack.
      sample(7, 'uv__io_poll', 'uv_run', 'node::SpinEventLoop'),
      // A helper thread's scavenging, and its compiling.
      sample(9, 'v8::internal::ScavengerCollector::JobTask::Run', 'start_thread'),
      sample(9, 'v8::internal::compiler::GraphReducer::ReduceTop', 'start_thread'),
      // An anonymous function of ours.
      sample(7, `JS:* ${ROOT}/shared/limits/operation-limits.js:35:42`),
    ].join('\n\n');
    const { parts, samples } = perfSampleParts(`${script}\n`, 7);
    expect(samples).toBe(10);
    const counted = Object.fromEntries([...parts].filter(([, count]) => count > 0));
    expect(counted).toEqual({
      'plan execution and result shaping (@apollo/gateway)': 1,
      'garbage collection': 2,
      'JSON parse and stringify': 1,
      'HTTP (node:http, undici, net, express, body parsing)': 1,
      'Node runtime (events, promises, buffers, async hooks)': 3,
      'limits, metrics, traces, registry (ours)': 1,
      other: 1,
    });
  });

  it('ignores what is not a sample', () => {
    expect(perfSampleParts('\n\n   \n', 1).samples).toBe(0);
  });
});
