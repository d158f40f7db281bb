import type { Metric, Registry } from 'prom-client';

/** One series of a histogram: the observations of one set of label values. */
export interface HistogramSeries {
  observe(seconds: number): void;
}

/** A value of the exposition, as prom-client's registry reads it from a histogram. */
interface ExposedValue {
  labels: Record<string, string | number>;
  sharedLabels: Record<string, string>;
  value: number;
  metricName: string;
}

class Series implements HistogramSeries {
  /** Observations at or below each bound, not cumulated: `counts[i]` for `bounds[i]`. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Readonly<Record<string, string>>,
    private readonly bounds: readonly number[],
  ) {
    this.counts = new Float64Array(bounds.length);
  }

  observe(seconds: number): void {
    if (!Number.isFinite(seconds)) throw new TypeError(`Value is not a valid number: ${seconds}`);
    const { bounds } = this;
    for (let index = 0; index < bounds.length; index++) {
      if (seconds <= bounds[index]!) {
        this.counts[index]! += 1;
        break;
      }
    }
    this.sum += seconds;
    this.count += 1;
  }
}

/**
 * A Prometheus histogram of durations on the request path, exposed through prom-client's registry
 * exactly as a prom-client `Histogram` with the same name, labels and buckets would be.
 *
 * prom-client's `observe` validates the labels and builds a string key of them for every
 * observation, and so do its children (`labels(...)`), which re-run it all; on the gateway that
 * was 1 to 4 µs an observation under load, and a fan-out makes one per shard. Here a series is
 * found once per set of label values (`series`, a map by their values joined), and observing it is
 * a walk of the bounds and two additions.
 */
export class SeriesHistogram<Label extends string> {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly series = new Map<string, Series>();
  private readonly bounds: readonly number[];

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelNames: readonly Label[],
    buckets: readonly number[],
    registry: Registry,
  ) {
    this.bounds = [...buckets].sort((a, b) => a - b);
    // The registry reads a metric by its name, help, type and `get`/`getForPromString`, which
    // this class has; its type names only prom-client's own four classes.
    registry.registerMetric(this as unknown as Metric);
  }

  /** The series of one set of label values, made at its first use. */
  seriesOf(labels: Readonly<Record<Label, string>>): HistogramSeries {
    let key = '';
    for (const name of this.labelNames) key += `${labels[name]}\u0000`;
    let series = this.series.get(key);
    if (!series) {
      const own: Record<string, string> = {};
      for (const name of this.labelNames) {
        if (typeof labels[name] !== 'string') throw new Error(`Missing label ${name} for ${this.name}`);
        own[name] = labels[name];
      }
      series = new Series(own, this.bounds);
      this.series.set(key, series);
    }
    return series;
  }

  observe(labels: Readonly<Record<Label, string>>, seconds: number): void {
    this.seriesOf(labels).observe(seconds);
  }

  reset(): void {
    this.series.clear();
  }

  /** What the registry writes in the text format: each series' cumulated buckets, then `+Inf`, sum and count, as prom-client's histogram gives them. */
  async getForPromString(): Promise<{ name: string; help: string; type: 'histogram'; aggregator: 'sum'; values: ExposedValue[] }> {
    const values: ExposedValue[] = [];
    const bucket = `${this.name}_bucket`;
    for (const series of this.series.values()) {
      let cumulated = 0;
      this.bounds.forEach((bound, index) => {
        cumulated += series.counts[index]!;
        values.push({ labels: { le: bound }, sharedLabels: series.labels, value: cumulated, metricName: bucket });
      });
      values.push({ labels: { le: '+Inf' }, sharedLabels: series.labels, value: series.count, metricName: bucket });
      values.push({ labels: {}, sharedLabels: series.labels, value: series.sum, metricName: `${this.name}_sum` });
      values.push({ labels: {}, sharedLabels: series.labels, value: series.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  /** The same as JSON (`getMetricsAsJSON`): each value's labels are its series' and its own. */
  async get(): Promise<{ name: string; help: string; type: 'histogram'; aggregator: 'sum'; values: Array<{ labels: Record<string, string | number>; value: number; metricName: string }> }> {
    const exposed = await this.getForPromString();
    return { ...exposed, values: exposed.values.map(({ labels, sharedLabels, value, metricName }) => ({ labels: { ...sharedLabels, ...labels }, value, metricName })) };
  }
}
