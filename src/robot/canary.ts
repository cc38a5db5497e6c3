/**
 * Canary between two robot strategy versions, by the last digit of the user id (the article's
 * "尾号 0-4 走新版本，5-9 走旧版本"): a buyer always lands on the same version, so a conversation
 * never switches strategy mid-way. User ids that do not end in a digit are hashed to one.
 *
 * The split can be changed and rolled back while running; the change applies to the next answer.
 * Each answer is counted per version and intent, and timed per version, so the two versions can
 * be compared on the same dashboard before the new one takes all traffic.
 */
import { Counter, Histogram, type Registry } from 'prom-client';
import { KefuError } from '../protocol/errors.ts';
import type { AnswerRequest, Robot, RobotAnswer } from './robot.ts';

export interface CanaryConfig {
  readonly newVersion: string;
  readonly oldVersion: string;
  /** Last digits of user ids that get the new version. */
  readonly newDigits: readonly number[];
}

export interface CanaryOptions extends Partial<CanaryConfig> {
  /** The robots by version; must contain newVersion and oldVersion. */
  readonly robots: readonly Robot[];
  readonly registry?: Registry;
}

export interface Canary {
  answer(req: AnswerRequest): Promise<RobotAnswer>;
  /** The version a user is routed to under the current split. */
  versionFor(userId: string): string;
  setCanary(cfg: CanaryConfig): void;
  /** Sends everyone to the old version. */
  rollback(): void;
  config(): CanaryConfig;
}

export const ANSWERS_METRIC = 'kefu_bot_answers_total';
export const SECONDS_METRIC = 'kefu_bot_answer_seconds';
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** The routing digit of a user id: its last character if that is a digit, else a stable hash. */
export function routingDigit(userId: string): number {
  const last = userId.charCodeAt(userId.length - 1);
  if (last >= 48 && last <= 57) return last - 48;
  // FNV-1a over UTF-16 units: stable across processes and restarts.
  let h = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    h ^= userId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 10;
}

export function createCanary(opts: CanaryOptions): Canary {
  const robots = new Map<string, Robot>();
  for (const r of opts.robots ?? []) {
    if (robots.has(r.version)) throw new KefuError('BAD_REQUEST', `two robots share version ${JSON.stringify(r.version)}`);
    robots.set(r.version, r);
  }
  const first = opts.robots?.[0]?.version;
  let cfg = checked(
    { newVersion: opts.newVersion ?? first ?? '', oldVersion: opts.oldVersion ?? opts.robots?.[1]?.version ?? first ?? '', newDigits: opts.newDigits ?? [0, 1, 2, 3, 4] },
    robots,
  );
  const metrics = opts.registry ? registerMetrics(opts.registry) : undefined;

  const versionFor = (userId: string) => (cfg.newDigits.includes(routingDigit(userId)) ? cfg.newVersion : cfg.oldVersion);

  return {
    versionFor,
    async answer(req) {
      const version = versionFor(typeof req?.userId === 'string' ? req.userId : '');
      const robot = robots.get(version)!;
      const started = performance.now();
      const res = await robot.answer(req);
      metrics?.answers.inc({ version: res.version, intent: res.intent });
      metrics?.seconds.observe({ version: res.version }, (performance.now() - started) / 1000);
      return res;
    },
    setCanary(next) {
      cfg = checked(next, robots);
    },
    rollback() {
      cfg = { ...cfg, newDigits: [] };
    },
    config: () => cfg,
  };
}

function checked(c: CanaryConfig, robots: ReadonlyMap<string, Robot>): CanaryConfig {
  if (!c || typeof c !== 'object') throw new KefuError('BAD_REQUEST', 'canary config must be an object');
  for (const f of ['newVersion', 'oldVersion'] as const) {
    if (!robots.has(c[f])) throw new KefuError('BAD_REQUEST', `canary ${f} ${JSON.stringify(c[f])} is not a known robot version`);
  }
  if (!Array.isArray(c.newDigits) || !c.newDigits.every((d) => Number.isInteger(d) && d >= 0 && d <= 9)) {
    throw new KefuError('BAD_REQUEST', 'canary newDigits must be digits 0-9');
  }
  return Object.freeze({ newVersion: c.newVersion, oldVersion: c.oldVersion, newDigits: Object.freeze([...new Set(c.newDigits)].sort()) });
}

function registerMetrics(registry: Registry): { answers: Counter<'version' | 'intent'>; seconds: Histogram<'version'> } {
  // Reuse what is already registered (a second canary on the same registry, a restart in tests),
  // but only if it has the labels the canary sets: observing with an unknown label throws later.
  const existing = (name: string, labels: readonly string[]) => {
    const m = registry.getSingleMetric(name) as { labelNames?: readonly string[] } | undefined;
    if (m && !labels.every((l) => m.labelNames?.includes(l))) {
      throw new KefuError('BAD_REQUEST', `the registry already has ${name} without the labels ${labels.join(', ')}; register it with labelNames [${labels.map((l) => `'${l}'`).join(', ')}] or leave it to the canary`);
    }
    return m;
  };
  const answers =
    (existing(ANSWERS_METRIC, ['version', 'intent']) as Counter<'version' | 'intent'> | undefined) ??
    new Counter({ name: ANSWERS_METRIC, help: 'Robot answers by strategy version and intent.', labelNames: ['version', 'intent'], registers: [registry] });
  const seconds =
    (existing(SECONDS_METRIC, ['version']) as Histogram<'version'> | undefined) ??
    new Histogram({ name: SECONDS_METRIC, help: 'Robot answer time, lookups included, by strategy version.', labelNames: ['version'], buckets: BUCKETS, registers: [registry] });
  return { answers, seconds };
}
