/**
 * `kefu start --workers N`: one primary that forks N kefu processes sharing one port (node:cluster
 * hands each new connection to a worker), restarts a worker that dies, and on SIGTERM / SIGINT
 * stops them all gracefully and exits 0 once they have. Workers are ordinary kefu nodes: they
 * share PostgreSQL and Redis like nodes on different machines, so the embedded store (one
 * process per data dir) and the in-process bus cannot be used with more than one worker.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { AggregatorRegistry, type Registry } from 'prom-client';

/** `auto` → one per core; a number → that many (at least 1). Undefined when the value is invalid. */
export function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined || value === 'auto') return availableParallelism();
  if (!/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= 256 ? n : undefined;
}

/** Why these settings cannot run several workers, or undefined when they can. */
export function workersRefusal(cfg: { database: { kind: string }; cache: { kind: string } }): string | undefined {
  if (cfg.database.kind !== 'postgres') return 'several workers need PostgreSQL (KEFU_DATABASE_URL): the embedded database serves one process; use --workers 1';
  if (cfg.cache.kind !== 'redis') return 'several workers need Redis (KEFU_REDIS_URL): the in-process bus does not reach other processes; use --workers 1';
  return undefined;
}

export const WORKER_ENV = 'KEFU_WORKER_ID';

/**
 * Runs the primary: forks `n` workers (each gets KEFU_WORKER_ID 1..n), replaces one that exits
 * unexpectedly (after a short pause, so a worker that cannot start does not spin), and on a
 * signal asks every worker to stop and exits when all have.
 */
export function runPrimary(n: number, log: (line: string) => void, graceMs: number): void {
  let stopping = false;
  const ids = new Map<Worker, number>();
  const fork = (id: number) => ids.set(cluster.fork({ [WORKER_ENV]: String(id) }), id);
  for (let i = 1; i <= n; i++) fork(i);
  serveClusterMetrics();
  cluster.on('exit', (w, code, signal) => {
    const id = ids.get(w) ?? 0;
    ids.delete(w);
    if (stopping) {
      if (ids.size === 0) process.exit(0);
      return;
    }
    log(`worker ${id} (pid ${w.process.pid}) exited (${signal ?? code}); starting a new one`);
    setTimeout(() => fork(id), 1000).unref();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${ids.size} worker(s)`);
    for (const w of ids.keys()) w.process.kill('SIGTERM');
    if (ids.size === 0) process.exit(0);
    setTimeout(() => {
      for (const w of ids.keys()) w.process.kill('SIGKILL');
      process.exit(1);
    }, graceMs + 5000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

export const isPrimary = () => cluster.isPrimary;

const METRICS_REQ = 'kefu:metrics-req';
const METRICS_RES = 'kefu:metrics-res';
/** prom-client gives up on a silent worker after 5 s; the asking worker waits a little longer. */
const METRICS_DEADLINE_MS = 6000;

/**
 * Metrics of N workers behind one port: Prometheus scrapes the port, and whichever worker gets the
 * scrape asks the primary (IPC), which gathers every worker's registry with prom-client's
 * AggregatorRegistry and answers with the sum (the gauges read from the database take the max,
 * see their `aggregator`). So one scrape sees the whole process group, as a single process.
 */
function serveClusterMetrics(): void {
  const agg = new AggregatorRegistry();
  cluster.on('message', (w: Worker, msg: { type?: string; id?: number }) => {
    if (msg?.type !== METRICS_REQ) return;
    agg.clusterMetrics().then(
      (text) => w.isConnected() && w.send({ type: METRICS_RES, id: msg.id, text }),
      (e: unknown) => w.isConnected() && w.send({ type: METRICS_RES, id: msg.id, error: (e as Error).message }),
    );
  });
}

let nextRequest = 0;
const waiting = new Map<number, (r: { text?: string; error?: string }) => void>();

/**
 * In a worker of `--workers`: answers the primary's gathering with `registry`, and returns the
 * function /metrics calls for the whole group's text. Undefined in a process of its own.
 */
export function clusterMetricsForWorker(registry: Registry): (() => Promise<string>) | undefined {
  if (!cluster.isWorker || !process.send) return undefined;
  AggregatorRegistry.setRegistries([registry]);
  void new AggregatorRegistry(); // installs prom-client's answering listener in this worker
  process.on('message', (msg: { type?: string; id?: number; text?: string; error?: string }) => {
    if (msg?.type !== METRICS_RES || msg.id === undefined) return;
    waiting.get(msg.id)?.(msg);
    waiting.delete(msg.id);
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = nextRequest++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`the primary did not gather the workers' metrics within ${METRICS_DEADLINE_MS} ms`));
      }, METRICS_DEADLINE_MS);
      waiting.set(id, (r) => {
        clearTimeout(timer);
        if (r.text !== undefined) resolve(r.text);
        else reject(new Error(r.error ?? 'no metrics'));
      });
      process.send!({ type: METRICS_REQ, id });
    });
}
