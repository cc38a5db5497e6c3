/**
 * Metrics read from the running parts at scrape time (docs/operations.md): sockets by device,
 * Redis (memory, ping, circuit breakers), the PostgreSQL pool, REST requests by route and status,
 * and how long conversations waited in a shop's queue before an agent got them. Registered on
 * the node's registry by `registerRuntimeMetrics()` (src/wiring.ts) and `observeHttp()`
 * (src/ops/routes.ts).
 *
 * A scrape must not hang or fail because Redis does: every Redis read goes through the adapter's
 * command deadline and circuit breaker, and a failed read reports NaN instead of failing
 * /metrics (the circuit gauge then says why).
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { sql as raw } from 'kysely';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Bus, Cache, SqlStore } from '../storage/ports.ts';
import type { BreakerHealth } from '../storage/breaker.ts';
import type { ConversationEventBus } from '../conversation/index.ts';

interface WithHealth {
  health?(): BreakerHealth;
}
interface WithMemory {
  usedMemoryBytes?(): Promise<number>;
}
interface PoolLike {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** The circuit breakers' state, by client (`database`, `cache`, `bus`), for /readyz and the gauges. */
export function circuitDetails(cache: Cache, bus: Bus, sql?: SqlStore): Record<string, BreakerHealth> {
  const out: Record<string, BreakerHealth> = {};
  const d = sql?.health?.();
  if (d) out.database = d;
  const c = (cache as WithHealth).health?.();
  const b = (bus as WithHealth).health?.();
  if (c) out.cache = c;
  if (b) out.bus = b;
  return out;
}

export interface RuntimeMetricDeps {
  readonly registry: Registry;
  readonly cache: Cache;
  readonly bus: Bus;
  readonly sql: SqlStore;
  readonly hub: { connectionsByDevice(): ReadonlyMap<string, number> };
  readonly events: ConversationEventBus;
  readonly log: Logger;
}

export function registerRuntimeMetrics(d: RuntimeMetricDeps): void {
  const registers = [d.registry];
  new Gauge({
    name: 'kefu_ws_connections_by_device',
    help: 'Open WebSocket connections on this node, by device kind.',
    labelNames: ['device'] as const,
    registers,
    collect() {
      this.reset();
      for (const [device, n] of d.hub.connectionsByDevice()) this.set({ device }, n);
    },
  });
  registerRedisMetrics(d, registers);
  registerPoolMetrics(d.sql, registers);
  registerRoutingWait(d, registers);
}

function registerRedisMetrics(d: RuntimeMetricDeps, registers: Registry[]): void {
  new Gauge({
    name: 'kefu_redis_circuit_open',
    help: "1 while a Redis client's circuit breaker is open or half-open (calls fail fast), by client (cache, bus).",
    labelNames: ['client'] as const,
    registers,
    aggregator: 'max',
    collect() {
      this.reset();
      for (const [client, h] of Object.entries(circuitDetails(d.cache, d.bus))) this.set({ client }, h.state === 'closed' ? 0 : 1);
    },
  });
  new Gauge({
    name: 'kefu_database_circuit_open',
    help: "1 while PostgreSQL's circuit breaker is open or half-open (statements fail fast with UNAVAILABLE); no sample on the embedded store.",
    registers,
    aggregator: 'max',
    collect() {
      this.reset();
      const h = d.sql.health?.();
      if (h) this.set(h.state === 'closed' ? 0 : 1);
    },
  });
  // Registered on every node so dashboards find them; without Redis they have no sample.
  const redis = d.cache.kind === 'redis';
  const memory = (d.cache as WithMemory).usedMemoryBytes?.bind(d.cache);
  new Gauge({
    name: 'kefu_redis_memory_bytes',
    help: "Redis's used_memory (INFO memory), read at scrape time; NaN while Redis does not answer or is not used.",
    registers,
    aggregator: 'max',
    async collect() {
      const v = await memory?.().catch(() => undefined);
      this.set(v ?? NaN);
    },
  });
  new Gauge({
    name: 'kefu_redis_ping_seconds',
    help: 'Round trip of one PING to Redis at scrape time; NaN while Redis does not answer or is not used.',
    registers,
    aggregator: 'average',
    async collect() {
      const t0 = performance.now();
      const ok =
        redis &&
        (await d.cache.ping().then(
          () => true,
          () => false,
        ));
      this.set(ok ? (performance.now() - t0) / 1000 : NaN);
    },
  });
}

function registerPoolMetrics(sql: SqlStore, registers: Registry[]): void {
  // Only the PostgreSQL adapter has a pool (the embedded database is one connection in-process):
  // without one the gauges have no sample.
  const pool = (sql as { pool?: PoolLike }).pool;
  new Gauge({
    name: 'kefu_db_pool_connections',
    help: 'PostgreSQL pool connections by state: in_use (checked out) or idle.',
    labelNames: ['state'] as const,
    registers,
    collect() {
      if (!pool) return;
      this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
    },
  });
  new Gauge({
    name: 'kefu_db_pool_waiting',
    help: 'Queries waiting for a PostgreSQL pool connection (all of KEFU_DATABASE_POOL_MAX in use).',
    registers,
    collect() {
      if (pool) this.set(pool.waitingCount);
    },
  });
}

/**
 * kefu_routing_wait_seconds: from joining the queue to being assigned. The `stateChanged` event
 * of an assignment is published once, on the node that made it, so summing the nodes counts each
 * assignment once. Reading the two times costs one primary-key read per assignment.
 */
function registerRoutingWait(d: RuntimeMetricDeps, registers: Registry[]): void {
  const wait = new Histogram({
    name: 'kefu_routing_wait_seconds',
    help: 'From a conversation joining the queue to its assignment to an agent (routing, accept or transfer out of the queue).',
    buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600],
    registers,
  });
  d.events.on('stateChanged', 'routing-wait', async (e) => {
    if (e.from !== 'queued' || e.to !== 'assigned') return;
    const r = await raw<{ s: number | string | null }>`select extract(epoch from assigned_at - queued_at) as s from conversations where id = ${e.conversationId}`.execute(d.sql.db);
    const s = Number(r.rows[0]?.s);
    if (Number.isFinite(s) && s >= 0) wait.observe(s);
  });
}

/** Counts every REST request by route pattern (never the raw URL: bounded labels) and status. */
export function observeHttp(app: FastifyInstance, registry: Registry): void {
  const requests = new Counter({ name: 'kefu_http_requests_total', help: 'REST requests by method, route pattern and status code.', labelNames: ['method', 'route', 'status'] as const, registers: [registry] });
  const seconds = new Histogram({ name: 'kefu_http_request_seconds', help: 'REST request duration by method and route pattern.', labelNames: ['method', 'route'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry] });
  app.addHook('onResponse', async (req, reply) => {
    // Unknown URLs share one label; the socket's upgrade and the probes are not REST.
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === '/im' || route === '/metrics' || route === '/healthz' || route === '/readyz') return;
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    seconds.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
}
