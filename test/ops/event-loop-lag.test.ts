import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMetrics } from '../../src/ops/metrics.ts';
import { Registry } from 'prom-client';
import { LAG_SAMPLE_MS, registerEventLoopLag } from '../../src/ops/event-loop-lag.ts';

const value = async (m: ReturnType<typeof createMetrics>, name: string): Promise<number> => {
  const all = await m.registry.getMetricsAsJSON();
  const metric = all.find((x) => x.name === name);
  assert.ok(metric, name);
  return (metric.values as { value: number }[])[0]!.value;
};
const scrape = async (m: ReturnType<typeof createMetrics>): Promise<Record<string, number>> => {
  const out: Record<string, number> = {};
  for (const x of await m.registry.getMetricsAsJSON()) if (x.name.startsWith('nodejs_eventloop_lag')) out[x.name] = (x.values as { value: number }[])[0]?.value ?? NaN;
  return out;
};

// An idle node read its own sampling interval as delay (10 ms, and over the alert's 100 ms when sampled every 100 ms), and the
// 10 ms timer woke it about 89 times a second (docs/benchmarks.md, fourteenth pass).
test("the event loop's delay is read past the sampling interval: an idle loop reads about nothing, a blocked one its block", async () => {
  const m = createMetrics();
  const names = (await m.registry.getMetricsAsJSON()).map((x) => x.name).filter((n) => n.startsWith('nodejs_eventloop_lag'));
  assert.deepEqual(names.sort(), ['nodejs_eventloop_lag_max_seconds', 'nodejs_eventloop_lag_mean_seconds', 'nodejs_eventloop_lag_min_seconds', 'nodejs_eventloop_lag_p50_seconds', 'nodejs_eventloop_lag_p90_seconds', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_eventloop_lag_seconds', 'nodejs_eventloop_lag_stddev_seconds']);
  await scrape(m);
  await sleep(LAG_SAMPLE_MS * 5);
  const idle = await scrape(m);
  // The interval itself (0.1 s) is not in it.
  assert.ok(idle.nodejs_eventloop_lag_mean_seconds! < 0.05, `idle mean ${idle.nodejs_eventloop_lag_mean_seconds}`);
  assert.ok(idle.nodejs_eventloop_lag_min_seconds! < 0.05, `idle min ${idle.nodejs_eventloop_lag_min_seconds}`);

  // A reset forgets the last sample's time, so the first interval after a scrape is not measured: block a little later.
  await sleep(LAG_SAMPLE_MS * 2);
  const until = performance.now() + 300;
  while (performance.now() < until);
  await sleep(LAG_SAMPLE_MS * 2);
  const blocked = await scrape(m);
  assert.ok(blocked.nodejs_eventloop_lag_max_seconds! >= 0.15, `after a 300 ms block, max ${blocked.nodejs_eventloop_lag_max_seconds}`);

  // Each scrape covers the time since the last one: the block is gone from the next.
  await sleep(LAG_SAMPLE_MS * 4);
  assert.ok((await value(m, 'nodejs_eventloop_lag_max_seconds')) < 0.15);
});

test('the delay is sampled every 100 ms, not every 10 ms, and its gauges take the interval out of what the histogram records', async () => {
  const registry = new Registry();
  const h = registerEventLoopLag(registry);
  await sleep(LAG_SAMPLE_MS * 5 + 30);
  assert.ok(h.count >= 3 && h.count <= 7, `${h.count} samples in half a second`);
  // What Node records is the whole interval; the gauge is the part past it.
  assert.ok(h.mean / 1e6 >= LAG_SAMPLE_MS - 1, `recorded mean ${h.mean / 1e6} ms`);
  const mean = (await registry.getSingleMetric('nodejs_eventloop_lag_mean_seconds')!.get()).values[0]!.value;
  assert.ok(mean < 0.02, `reported mean ${mean}`);
  h.disable();
});
