/**
 * commands: what kefu asks the platform to do for a shop (issue a coupon, change a price, lock
 * stock), accepted idempotently, delivered in the background by the worker of every process
 * with retries and leases, reported to the shop's consoles at every status change, and moved by
 * hand when dead. See docs/decisions/0005-commands-outbox.md for why the command row is its own
 * outbox, service.ts and worker.ts for the contracts, routes.ts for the REST surface.
 *
 * `createCommands` assembles the module from ports (no adapter is imported here); the app
 * registers `registerCommandRoutes` under `/api/v1`.
 */
import type { Logger } from 'pino';
import type { EventSink } from '../conversation/index.ts';
import type { SqlStore } from '../storage/ports.ts';
import { CommandNotifier, type StatusGauge } from './notify.ts';
import type { CommandPlatform } from './platform.ts';
import { CommandService } from './service.ts';
import { CommandWorker, type WorkerDeps, type WorkerOptions } from './worker.ts';

export { registerCommandRoutes, type CommandRoutesDeps } from './routes.ts';
export { CommandService, commandBody, IDEMPOTENCY_TTL_MS, type CreateResult } from './service.ts';
export { CommandWorker, backoffDelay, decide, type WorkerOptions } from './worker.ts';
export { HttpCommandPlatform, classify, retryAfterMs, type Attempt, type CommandPlatform, type Delivery } from './platform.ts';
export { CommandNotifier, commandFrame, noteText, type StatusGauge } from './notify.ts';
export { COMMAND_TYPES, REQUESTABLE_TYPES, PAYLOAD_SCHEMAS, canonicalJson, fingerprint, type CommandType } from './validation.ts';
export type { Command, CommandError, HistoryEntry } from './repository.ts';

export interface CommandsModule {
  readonly service: CommandService;
  /** Undefined without a platform: nothing can be delivered, and POST answers UNAVAILABLE. */
  readonly worker: CommandWorker | undefined;
  readonly notifier: CommandNotifier;
  start(): void;
  stop(): Promise<void>;
}

export interface CommandsDeps {
  readonly sql: SqlStore;
  /** Where `command` and `note` frames go: `{ shopIds }` reaches every console of the shop. */
  readonly sink: EventSink;
  readonly log: Logger;
  readonly gauge?: StatusGauge;
  readonly platform: CommandPlatform | undefined;
  readonly worker: WorkerOptions;
  readonly onAttempt?: WorkerDeps['onAttempt'];
  readonly aloneSince?: WorkerDeps['aloneSince'];
  readonly idempotencyTtlMs?: number;
}

export function createCommands(d: CommandsDeps): CommandsModule {
  const notifier = new CommandNotifier({ sink: d.sink, log: d.log, db: d.sql.db, ...(d.gauge ? { gauge: d.gauge } : {}) });
  const worker = d.platform ? new CommandWorker({ sql: d.sql, platform: d.platform, notifier, log: d.log, ...(d.onAttempt ? { onAttempt: d.onAttempt } : {}), ...(d.aloneSince ? { aloneSince: d.aloneSince } : {}) }, d.worker) : undefined;
  const service = new CommandService({
    sql: d.sql,
    notifier,
    wake: () => worker?.wake(),
    deliverable: worker !== undefined,
    ...(d.idempotencyTtlMs !== undefined ? { idempotencyTtlMs: d.idempotencyTtlMs } : {}),
  });
  return {
    service,
    worker,
    notifier,
    start() {
      notifier.start();
      worker?.start();
    },
    async stop() {
      notifier.stop();
      await worker?.stop();
    },
  };
}
