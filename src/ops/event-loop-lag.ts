import { monitorEventLoopDelay, type ELDHistogram } from 'node:perf_hooks';
import { collectDefaultMetrics, Gauge, type Registry } from 'prom-client';

/**
 * The event loop's delay, sampled every LAG_SAMPLE_MS with the interval taken out. prom-client's own samples every 10 ms, and
 * Node's histogram records the whole interval between two samples, not the lateness alone: an idle node read about 10 ms, and
 * its timer woke an idle node about 89 times a second (docs/benchmarks.md, fourteenth pass). Sampled every 100 ms, the same
 * reading would be over the alert's 100 ms on an idle node; with the interval subtracted it is the lateness itself, and an
 * idle node wakes about 13 times a second.
 */
export const LAG_SAMPLE_MS = 100;

/**
 * prom-client's default metrics are kept but for its delay histogram: given this interval, its timer never comes due
 * (about 24 days, libuv's longest), and the gauges it would set are taken off the registry for the ones below.
 */
export const DEFAULT_LAG_SAMPLE_MS = 2 ** 31 - 1;

/** The gauges the histogram feeds, by the names prom-client gives them (dashboards and the alert read these). */
const STATS = ['min', 'max', 'mean', 'stddev', 'p50', 'p90', 'p99'] as const;
type Stat = (typeof STATS)[number];
const nameOf = (s: Stat) => `nodejs_eventloop_lag_${s}_seconds`;

/** Node's default metrics on `registry`, the event loop's delay read by kefu's own histogram. */
export function collectNodeMetrics(registry: Registry): void {
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: DEFAULT_LAG_SAMPLE_MS });
  registerEventLoopLag(registry);
}

/** Replaces the delay gauges of prom-client's default metrics on `registry` with ones read from a histogram sampled every `sampleMs`. */
export function registerEventLoopLag(registry: Registry, sampleMs = LAG_SAMPLE_MS): ELDHistogram {
  for (const s of STATS) registry.removeSingleMetric(nameOf(s));
  const h = monitorEventLoopDelay({ resolution: sampleMs });
  h.enable();
  const late = (ns: number) => Math.max(0, ns / 1e6 - sampleMs) / 1e3;
  const read: Record<Stat, () => number> = {
    min: () => late(h.min),
    max: () => late(h.max),
    mean: () => late(h.mean),
    stddev: () => h.stddev / 1e9,
    p50: () => late(h.percentile(50)),
    p90: () => late(h.percentile(90)),
    p99: () => late(h.percentile(99)),
  };
  // The last gauge read resets the histogram, so that each scrape covers the time since the one before (as prom-client's did).
  STATS.forEach((s, i) => {
    new Gauge({
      name: nameOf(s),
      help: `The event loop's delay past its ${sampleMs} ms sampling interval, ${s} since the last scrape, in seconds.`,
      registers: [registry],
      // A worker of --workers behind is the group behind.
      aggregator: s === 'min' ? 'min' : 'max',
      collect() {
        this.set(h.count > 0 ? read[s]() : 0);
        if (i === STATS.length - 1) h.reset();
      },
    });
  });
  return h;
}
