import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { collectNodeMetrics } from './event-loop-lag.ts';

/**
 * The metrics of docs/operations.md (kefu_bot_answer_seconds is registered by the robot's
 * canary on this same registry, labelled by strategy version), on a registry of their own (not prom-client's global
 * one) so several kefu instances in one test process do not collide.
 */
export function createMetrics() {
  const registry = new Registry();
  const sources: Sources = { robotBacklogTop: () => [], sheddingShops: () => 0 };
  collectNodeMetrics(registry);
  const m = {
    registry,
    wsConnections: new Gauge({ name: 'kefu_ws_connections', help: 'Open WebSocket connections on this node.', registers: [registry] }),
    messages: new Counter({ name: 'kefu_messages_total', help: 'Messages stored, by sender role.', labelNames: ['role'] as const, registers: [registry] }),
    messageLatency: new Histogram({
      name: 'kefu_message_latency_seconds',
      help: 'From an inbound send frame to its ack (message durably stored).',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    shopBacklog: new Gauge({ name: 'kefu_shop_backlog', help: 'Conversations waiting for a human, by shop.', labelNames: ['shop'] as const, registers: [registry], aggregator: 'max' }),
    // Read from the database: every worker of --workers reports the same, so the group's is the max.
    commands: new Gauge({ name: 'kefu_commands', help: 'Commands by status.', labelNames: ['status'] as const, registers: [registry], aggregator: 'max' }),
    commandAttempts: new Counter({ name: 'kefu_command_attempts_total', help: 'Command deliveries to the platform, by outcome (succeeded, retrying, dead; dropped: taken over by another process).', labelNames: ['outcome'] as const, registers: [registry] }),
    commandAttemptSeconds: new Histogram({ name: 'kefu_command_attempt_seconds', help: "One command attempt's call to the platform, until its answer or its timeout.", buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] }),
    workRejected: new Counter({ name: 'kefu_work_rejected_total', help: 'Work refused because the bounded work queue was full, by kind.', labelNames: ['kind'] as const, registers: [registry] }),
    wsFramesRejected: new Counter({ name: 'kefu_ws_frames_rejected_total', help: 'Client frames refused, by error code.', labelNames: ['code'] as const, registers: [registry] }),
    wsSlowConsumerCutoffs: new Counter({ name: 'kefu_ws_slow_consumer_cutoffs_total', help: 'Sockets cut off because they stopped reading.', registers: [registry] }),
    batchSize: new Histogram({
      name: 'kefu_batch_size',
      help: 'Calls served by one statement: messages per group commit, buyers per robot lookup query, by kind.',
      labelNames: ['kind'] as const,
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    eventListenerErrors: new Counter({
      name: 'kefu_event_listener_errors_total',
      help: 'Conversation event listeners that threw or rejected, by event and listener (the change itself had committed).',
      labelNames: ['event', 'listener'] as const,
      registers: [registry],
    }),
    assignments: new Counter({ name: 'kefu_routing_assignments_total', help: 'Conversations assigned to an agent by routing (accepts and transfers not included).', registers: [registry] }),
    firstResponse: new Histogram({
      name: 'kefu_first_response_seconds',
      help: "From a hand-over to the holding agent's first answer.",
      buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600],
      registers: [registry],
    }),
    conversationsClosed: new Counter({
      name: 'kefu_conversations_closed_total',
      help: 'Conversations closed, by who handled them: robot (never handed over: contained), human, or queue (closed while waiting).',
      labelNames: ['handled_by'] as const,
      registers: [registry],
    }),
    ratings: new Counter({ name: 'kefu_ratings_total', help: 'Ratings given by buyers after a conversation closed, by score (1-5).', labelNames: ['score'] as const, registers: [registry] }),
    robotFailures: new Counter({ name: 'kefu_robot_failures_total', help: 'Robot turns that did not answer and were handed to a person instead, by reason (shed under load, error).', labelNames: ['reason'] as const, registers: [registry] }),
    nluThread: new Counter({ name: 'kefu_robot_nlu_thread_total', help: "Texts the robot sent to its NLU thread (KEFU_ROBOT_NLU_THREAD), by outcome: answered there, or understood on the main thread after a timeout or a failure.", labelNames: ['outcome'] as const, registers: [registry] }),
    ordersMemo: new Counter({ name: 'kefu_orders_memo_total', help: "The robot's reads of a buyer's orders: answered from the node's copy (hit) or read from the database (miss).", labelNames: ['result'] as const, registers: [registry] }),
    cacheFallbacks: new Counter({ name: 'kefu_cache_fallbacks_total', help: 'Reads served from PostgreSQL because the cache missed or failed, by operation.', labelNames: ['op'] as const, registers: [registry] }),
    ...opsMetrics(registry, sources),
    /** Set by the modules that own the numbers (read at scrape time). */
    sources,
  };
  for (const role of ['customer', 'bot', 'agent', 'system']) m.messages.inc({ role }, 0);
  return m;
}

export type Metrics = ReturnType<typeof createMetrics>;

type Sources = { robotBacklogTop: () => Array<[string, number]>; sheddingShops: () => number };

/** Shedding and backups (issue #14); the scrape-time ones are in runtime-metrics.ts. */
function opsMetrics(registry: Registry, sources: Sources) {
  return {
    robotShed: new Counter({ name: 'kefu_robot_shed_total', help: "Robot turns shed (the buyer told a person will answer), by scope: node (the work queue is busy) or shop (that shop's backlog passed KEFU_SHOP_BACKLOG_SHED).", labelNames: ['scope'] as const, registers: [registry] }),
    robotShopBacklog: new Gauge({
      name: 'kefu_robot_shop_backlog',
      help: "Robot turns queued and not finished on this node, for the 10 shops with the most (bounded labels).",
      labelNames: ['shop'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [shop, n] of sources.robotBacklogTop()) this.set({ shop }, n);
      },
    }),
    robotSheddingShops: new Gauge({ name: 'kefu_robot_shedding_shops', help: 'Shops whose robot answers this node sheds now (KEFU_SHOP_BACKLOG_SHED).', registers: [registry], collect() { this.set(sources.sheddingShops()); } }),
    backupLastSuccess: new Gauge({ name: 'kefu_backup_last_success_timestamp_seconds', help: 'When the newest scheduled backup in this node\'s backup directory was written (unix seconds); 0 until one is written or found (KEFU_BACKUP_SCHEDULE).', registers: [registry], aggregator: 'max' }),
    backupRuns: new Counter({ name: 'kefu_backup_runs_total', help: 'Scheduled backups, by outcome: ok, failed, or skipped (another node holds the day\'s lock).', labelNames: ['outcome'] as const, registers: [registry] }),
  };
}
