/**
 * Naming the storage service behind a failure, so `kefu start` says "cannot reach PostgreSQL
 * (KEFU_DATABASE_URL=postgres://kefu@db:5432/kefu)" rather than a bare "getaddrinfo ENOTFOUND db".
 */
import { maskSecret, type Config } from './load.ts';

export type ServiceName = 'PostgreSQL' | 'embedded database' | 'Redis';
const SERVICES: readonly string[] = ['PostgreSQL', 'embedded database', 'Redis'] satisfies ServiceName[];

/** `PostgreSQL (KEFU_DATABASE_URL=postgres://kefu:****@db:5432/kefu, password masked)`. */
export function describeService(config: Config, service: ServiceName): string {
  const url = (k: 'KEFU_DATABASE_URL' | 'KEFU_REDIS_URL', v: string) => {
    const masked = maskSecret(k, v);
    return `${k}=${masked}${masked.includes(':****@') ? ', password masked' : ''}`;
  };
  if (service === 'PostgreSQL' && config.database.kind === 'postgres') return `PostgreSQL (${url('KEFU_DATABASE_URL', config.database.url)})`;
  if (service === 'Redis' && config.cache.kind === 'redis') return `Redis (${url('KEFU_REDIS_URL', config.cache.url)})`;
  if (service === 'embedded database') return `the embedded database (KEFU_DATA_DIR=${config.dataDir})`;
  return service;
}

interface ErrorFields {
  service?: unknown;
  code?: unknown;
  hostname?: unknown;
  address?: unknown;
  port?: unknown;
  cause?: unknown;
  errors?: unknown;
}

const DEFAULT_PORT: Readonly<Record<string, number>> = { 'postgres:': 5432, 'postgresql:': 5432, 'redis:': 6379, 'rediss:': 6379 };

/** Whether a network error's host (and port, when it has one) is the one in a service URL. */
function pointsAt(raw: string, host: string, port: number | undefined): boolean {
  const u = new URL(raw);
  const h = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const hostOk = h === host || (h === 'localhost' && (host === '127.0.0.1' || host === '::1'));
  return hostOk && (port === undefined || port === (u.port ? Number(u.port) : DEFAULT_PORT[u.protocol]));
}

/**
 * Which service an error is about: its `service` property when the storage layer set one, else
 * the only configured server whose host and port a network error (or its cause) names.
 * undefined when it cannot tell.
 */
export function failedService(config: Config, e: unknown, depth = 0): ServiceName | undefined {
  if (typeof e !== 'object' || e === null || depth > 3) return undefined;
  const f = e as ErrorFields;
  if (typeof f.service === 'string' && SERVICES.includes(f.service)) return f.service as ServiceName;
  const host = typeof f.hostname === 'string' ? f.hostname : typeof f.address === 'string' ? f.address : undefined;
  if (typeof f.code === 'string' && host !== undefined) {
    const port = typeof f.port === 'number' ? f.port : undefined;
    const servers: Array<[ServiceName, string]> = [];
    if (config.database.kind === 'postgres') servers.push(['PostgreSQL', config.database.url]);
    if (config.cache.kind === 'redis') servers.push(['Redis', config.cache.url]);
    const hits = servers.filter(([, url]) => pointsAt(url, host, port));
    if (hits.length === 1) return hits[0]![0];
  }
  for (const inner of [f.cause, ...(Array.isArray(f.errors) ? f.errors : [])]) {
    const s = failedService(config, inner, depth + 1);
    if (s) return s;
  }
  return undefined;
}

/**
 * The line a command prints when storage fails, after `kefu: `: `cannot reach PostgreSQL
 * (KEFU_DATABASE_URL=...): <message>`; or `<context>: <message>` when the message names the
 * service already or no service is known. `fallback`: the service when the command opened
 * only one.
 */
export function storageFailureLine(config: Config, e: unknown, context: string, fallback?: ServiceName): string {
  const message = e instanceof Error ? e.message : String(e);
  const service = failedService(config, e) ?? fallback;
  if (!service || message.includes(service)) return `${context}: ${message}`;
  return `cannot ${service === 'embedded database' ? 'open' : 'reach'} ${describeService(config, service)}: ${message}`;
}
