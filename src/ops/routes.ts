/**
 * Operations endpoints (docs/operations.md): `/healthz` (the process is up), `/readyz` (the
 * database and the cache answer within a second) and `/metrics` (Prometheus text). Probes run
 * every few seconds, so their requests are not logged unless something goes wrong.
 */
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { clusterMetricsForWorker } from './cluster.ts';
import { observeHttp } from './runtime-metrics.ts';

export interface OpsRouteDeps {
  readonly nodeId: string;
  readonly registry: Registry;
  /** Each resolves when its dependency answers; the route bounds the wait. */
  readonly checks: Readonly<Record<string, () => Promise<void>>>;
  /** More of /readyz's body (the Redis circuit breakers' state), whatever the status. */
  readonly details?: () => Record<string, unknown>;
}

const PROBE_DEADLINE_MS = 1000;
const quiet = { logLevel: 'warn' as const };

async function probe(fn: () => Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([fn(), new Promise((_, rej) => (timer = setTimeout(() => rej(new Error('timeout')), PROBE_DEADLINE_MS)))]);
    return 'ok';
  } catch (e) {
    return `down: ${(e as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

export function registerOpsRoutes(app: FastifyInstance, deps: OpsRouteDeps): void {
  // `worker`: which process of `kefu start --workers N` answered (absent when there is one).
  const worker = process.env.KEFU_WORKER_ID;
  app.get('/healthz', quiet, async () => ({ status: 'ok', node: deps.nodeId, pid: process.pid, ...(worker ? { worker: Number(worker) } : {}) }));
  app.get('/readyz', quiet, async (_req, reply) => {
    const names = Object.keys(deps.checks);
    const results = await Promise.all(names.map((n) => probe(deps.checks[n]!)));
    const checks = Object.fromEntries(names.map((n, i) => [n, results[i]!]));
    const ok = results.every((r) => r === 'ok');
    reply.code(ok ? 200 : 503);
    return { status: ok ? 'ready' : 'unready', checks, ...deps.details?.() };
  });
  observeHttp(app, deps.registry);
  // With --workers, one scrape answers for every worker (src/ops/cluster.ts).
  const group = clusterMetricsForWorker(deps.registry);
  app.get('/metrics', quiet, async (_req, reply) => {
    reply.header('content-type', deps.registry.contentType);
    if (!group) return deps.registry.metrics();
    try {
      return await group();
    } catch (e) {
      reply.code(503).header('content-type', 'text/plain');
      return `kefu: ${(e as Error).message}\n`;
    }
  });
}
