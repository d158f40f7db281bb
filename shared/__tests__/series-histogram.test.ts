import { Histogram, Registry } from 'prom-client';
import { DURATION_BUCKETS } from '../metrics/metrics-registry';
import { SeriesHistogram } from '../metrics/series-histogram';

const NAME = 'itro_test_duration_seconds';
const HELP = 'Durations of a test, by where and outcome.';
const LABELS = ['where', 'outcome'] as const;

/** The same observations into prom-client's Histogram and into ours, each in a registry of its own with the same default labels. */
function both(observations: ReadonlyArray<[Record<(typeof LABELS)[number], string>, number]>) {
  const theirs = new Registry();
  const ours = new Registry();
  for (const registry of [theirs, ours]) registry.setDefaultLabels({ component: 'test' });
  const reference = new Histogram({ name: NAME, help: HELP, labelNames: LABELS, buckets: DURATION_BUCKETS, registers: [theirs] });
  const histogram = new SeriesHistogram(NAME, HELP, LABELS, DURATION_BUCKETS, ours);
  for (const [labels, seconds] of observations) {
    reference.observe(labels, seconds);
    histogram.observe(labels, seconds);
  }
  return { theirs, ours, histogram };
}

// On a bound, between bounds, below the first, beyond the last (only +Inf), in three series.
const OBSERVATIONS: Array<[Record<'where' | 'outcome', string>, number]> = [
  [{ where: 'banat', outcome: 'ok' }, 0.001],
  [{ where: 'banat', outcome: 'ok' }, 0.0031],
  [{ where: 'banat', outcome: 'ok' }, 0.0001],
  [{ where: 'banat', outcome: 'unavailable' }, 12],
  [{ where: 'transilvania', outcome: 'ok' }, 0.25],
  [{ where: 'transilvania', outcome: 'ok' }, 0.7],
];

describe('SeriesHistogram', () => {
  it('is exposed in the text format exactly as prom-client\u2019s Histogram with the same observations', async () => {
    const { theirs, ours } = both(OBSERVATIONS);
    const text = await ours.metrics();
    expect(text).toBe(await theirs.metrics());
    expect(text).toContain(`${NAME}_bucket{le="0.001",component="test",where="banat",outcome="ok"} 2`);
    expect(text).toContain(`${NAME}_bucket{le="+Inf",component="test",where="banat",outcome="unavailable"} 1`);
  });

  it('gives the same JSON as prom-client\u2019s Histogram, exemplars aside', async () => {
    const { theirs, ours } = both(OBSERVATIONS);
    const [reference] = await theirs.getMetricsAsJSON();
    const [mine] = await ours.getMetricsAsJSON();
    // prom-client's own histogram carries an empty `exemplar` on each value; ours keeps none.
    // A histogram's values name their series (`_bucket`, `_sum`, `_count`), which prom-client's JSON type leaves out.
    const withoutExemplars = (reference!.values as Array<{ labels: object; value: number; metricName?: string }>).map(({ labels, value, metricName }) => ({ labels, value, metricName }));
    expect(mine).toEqual({ ...reference, values: withoutExemplars });
  });

  it('keeps a series found once, so that later observations of it need no label lookup', async () => {
    const { ours, histogram } = both([]);
    const series = histogram.seriesOf({ where: 'banat', outcome: 'ok' });
    expect(histogram.seriesOf({ where: 'banat', outcome: 'ok' })).toBe(series);
    series.observe(0.002);
    series.observe(0.004);
    expect(await ours.metrics()).toContain(`${NAME}_count{component="test",where="banat",outcome="ok"} 2`);
  });

  it('refuses a missing label and a value that is not a number, as prom-client does', () => {
    const { histogram } = both([]);
    expect(() => histogram.observe({ where: 'banat' } as Record<'where' | 'outcome', string>, 0.1)).toThrow(/outcome/);
    expect(() => histogram.observe({ where: 'banat', outcome: 'ok' }, Number.NaN)).toThrow(TypeError);
  });

  it('starts over on reset, as the registry\u2019s resetMetrics asks', async () => {
    const { ours } = both(OBSERVATIONS);
    ours.resetMetrics();
    expect(await ours.metrics()).toBe(`# HELP ${NAME} ${HELP}\n# TYPE ${NAME} histogram\n`);
  });
});
