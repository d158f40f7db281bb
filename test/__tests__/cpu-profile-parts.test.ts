import { partOf, profileParts, type CpuProfile } from '../../scripts/bench/cpu-profile-parts';

const ROOT = 'file:///srv/itro/dist';
const MODULES = 'file:///srv/itro/node_modules';

describe("the bench's split of a gateway CPU profile", () => {
  it('names each part by the file a function was loaded from', () => {
    expect(partOf('buildQueryPlan', `${MODULES}/@apollo/query-planner/dist/buildPlan.js`)).toMatch(/^query planning/);
    expect(partOf('computeResponse', `${MODULES}/@apollo/federation-internals/dist/operations.js`)).toMatch(/^query planning/);
    expect(partOf('applySelectionSet', `${MODULES}/@apollo/gateway/dist/resultShaping.js`)).toMatch(/^plan execution/);
    expect(partOf('processGraphQLRequest', `${MODULES}/@apollo/server/dist/cjs/requestPipeline.js`)).toMatch(/^request pipeline/);
    expect(partOf('validate', `${MODULES}/graphql/validation/validate.js`)).toMatch(/^request pipeline/);
    expect(partOf('compile', `${ROOT}/gateway/src/shard-router/operation-plan.js`)).toMatch(/compile/);
    expect(partOf('send', `${ROOT}/gateway/src/shard-router/shard-client.js`)).toMatch(/send/);
    expect(partOf('mergeField', `${ROOT}/gateway/src/shard-router/merge.js`)).toBe('shard router: merge');
    expect(partOf('checkAnswer', `${ROOT}/gateway/src/shard-router/answer-check.js`)).toBe('shard router: answer checks');
    expect(partOf('compileValue', `${ROOT}/gateway/src/shard-router/answer-shape.js`)).toBe('shard router: answer checks');
    expect(partOf('rootFieldPlans', `${ROOT}/gateway/src/shard-router/root-fields.js`)).toMatch(/compile/);
    expect(partOf('fetchRootFields', `${ROOT}/gateway/src/shard-router/shard-router.js`)).toBe('shard router: route and reassemble');
    expect(partOf('observe', `${ROOT}/gateway/src/metrics/gateway-metrics.js`)).toMatch(/^limits, metrics/);
    expect(partOf('walk', `${ROOT}/shared/limits/operation-shape.js`)).toMatch(/^limits, metrics/);
    expect(partOf('parse', '')).toBe('JSON parse and stringify');
    expect(partOf('writev', '')).toMatch(/^HTTP/);
    expect(partOf('socketOnData', 'node:_http_client')).toMatch(/^HTTP/);
    expect(partOf('next', `${MODULES}/router/index.js`)).toMatch(/^HTTP/);
    expect(partOf('onHeaders', `${MODULES}/undici/lib/core/request.js`)).toMatch(/^HTTP/);
    expect(partOf('(garbage collector)', '')).toBe('garbage collection');
    expect(partOf('emit', 'node:events')).toMatch(/^Node runtime/);
    expect(partOf('RegExp: ^[A-Za-z0-9_-]+$', '')).toMatch(/^built-ins/);
    expect(partOf('pino', `${MODULES}/pino/pino.js`)).toBe('other');
  });

  it('adds up the samples of the last window only, leaving idle time out', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(idle)', url: '' } },
        { id: 2, callFrame: { functionName: 'mergeField', url: `${ROOT}/gateway/src/shard-router/merge.js` } },
        { id: 3, callFrame: { functionName: 'parse', url: '' } },
      ],
      // A sample's time is the delta after it. Start-up (10 ms of merge) lies before the 5 ms window.
      samples: [2, 2, 3, 1, 2, 3],
      timeDeltas: [0, 10_000, 1_000, 1_000, 2_000, 1_000],
    };
    const parts = profileParts(profile, 5);
    // In the window: merge 1 ms, parse 1 ms, idle 2 ms (left out), merge 1 ms, and the last sample has no time after it.
    expect(parts.get('shard router: merge')).toBe(2);
    expect(parts.get('JSON parse and stringify')).toBe(1);
    expect([...parts.values()].reduce((sum, ms) => sum + ms, 0)).toBe(3);
  });
});
