/**
 * The robot service: one buyer message in, the bot's replies out.
 *
 *   understand (CPU) → plan the lookups → run them in parallel, each bounded by the budget →
 *   dialogue step (CPU) → replies, next state, maybe a handover.
 *
 * Lookups only happen when the intent needs them (a greeting touches nothing). Each lookup gets
 * its own AbortSignal and `budgetMs`; one that is slow or fails is reported as unavailable and the
 * answer says what could not be checked, instead of the whole answer waiting or failing. Logistics
 * for orders already known from the conversation are fetched alongside the order list; for the
 * others they follow as soon as the list arrives, so the worst case is two budgets.
 *
 * The optional LLM is consulted only when the engine did not understand the message, under the
 * same budget, and only to pick an intent; on any failure the engine's own answer stands.
 */
import type { Aftersale, BuyerDataSource, Logistics, Order } from '../commerce/types.ts';
import { KefuError } from '../protocol/errors.ts';
import { logisticsTargets, parseState, plan, step, type DialogueState, type Lookup, type TurnData, type TurnInput } from './dialogue.ts';
import type { FaqHit } from './faq-index.ts';
import type { FaqProvider } from './faq-provider.ts';
import type { LlmClient } from './llm.ts';
import { createNlu, MAX_UTTERANCE, type Nlu } from './nlu/understand.ts';
import type { Handover, Intent, Lang, LookupName, Reply } from './types.ts';

export interface RobotOptions {
  readonly dataSource: BuyerDataSource;
  readonly faq: FaqProvider;
  /** Time allowed to each lookup, in milliseconds; default 300. */
  readonly budgetMs?: number;
  readonly llm?: LlmClient;
  readonly clock?: () => Date;
  /** Strategy version reported with every answer (the canary routes between versions). */
  readonly version?: string;
  readonly nlu?: Nlu;
  /** The shop's calendar for "昨天" and for times in replies; minutes east of UTC, default 480. */
  readonly tzOffsetMinutes?: number;
}

export interface AnswerRequest {
  readonly shopId: string;
  readonly userId: string;
  readonly conversationId: string;
  readonly text: string;
  /** The state returned with the previous answer of this conversation; absent for the first message. */
  readonly state?: unknown;
}

export interface AnswerTimings {
  /** Synchronous CPU parts: understanding, planning and the dialogue step. */
  readonly cpuMs: number;
  /** Wall time spent waiting for lookups (and the LLM, if consulted). */
  readonly lookupMs: number;
  readonly totalMs: number;
}

export interface RobotAnswer {
  readonly replies: Reply[];
  readonly state: DialogueState;
  readonly handover?: Handover;
  readonly version: string;
  readonly intent: Intent;
  readonly lang: Lang;
  /** Lookups that failed or ran out of time. */
  readonly unavailable: readonly LookupName[];
  readonly timings: AnswerTimings;
}

export interface Robot {
  readonly version: string;
  answer(req: AnswerRequest): Promise<RobotAnswer>;
}

export const DEFAULT_BUDGET_MS = 300;
const MAX_ID = 128;

export function createRobot(opts: RobotOptions): Robot {
  if (!opts || typeof opts.dataSource?.listOrders !== 'function' || typeof opts.faq?.search !== 'function') {
    throw new KefuError('BAD_REQUEST', 'createRobot needs a dataSource and a faq provider');
  }
  const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  if (!Number.isFinite(budgetMs) || budgetMs <= 0 || budgetMs > 60_000) throw new KefuError('BAD_REQUEST', 'budgetMs must be between 1 and 60000');
  const version = opts.version ?? 'v1';
  const nlu = opts.nlu ?? createNlu(opts.tzOffsetMinutes !== undefined ? { tzOffsetMinutes: opts.tzOffsetMinutes } : {});
  const clock = opts.clock ?? (() => new Date());
  const ds = opts.dataSource;

  return {
    version,
    async answer(req) {
      validate(req);
      const started = performance.now();
      let cpu = 0;
      let t = performance.now();
      const state = parseState(req.state);
      const now = clock();
      const text = req.text.slice(0, MAX_UTTERANCE);
      let input: TurnInput = {
        shopId: req.shopId,
        userId: req.userId,
        text,
        now,
        understanding: nlu.understand(text, now),
        ...(opts.tzOffsetMinutes !== undefined ? { tzOffsetMinutes: opts.tzOffsetMinutes } : {}),
      };
      let p = plan(state, input);
      cpu += performance.now() - t;

      const waitStart = performance.now();
      if (p.notUnderstood && opts.llm) {
        const u = input.understanding!;
        const llm = opts.llm;
        const r = await bounded((signal) => llm.classifyIntent(text, { lang: p.lang, signal }), budgetMs);
        if (r.ok && r.value && r.value !== 'unknown') {
          t = performance.now();
          input = { ...input, understanding: { ...u, intent: r.value, confidence: 0.5, source: 'llm', guess: undefined } };
          p = plan(state, input);
          cpu += performance.now() - t;
        }
      }

      const { needs } = p;
      const who = { shopId: req.shopId, userId: req.userId };
      const orders = needs.orders ? bounded((s) => ds.listOrders(req.shopId, req.userId, s).then(arrayOf<Order>), budgetMs) : undefined;
      const aftersales = needs.aftersales ? bounded((s) => ds.listAftersales(req.shopId, req.userId, s).then(arrayOf<Aftersale>), budgetMs) : undefined;
      const faq = needs.faq ? bounded((s) => raceAbort(opts.faq.search(req.shopId, text), s), budgetMs) : undefined;
      const logisticsNow =
        needs.logistics && needs.knownOrderIds.length
          ? bounded((s) => ds.getLogistics(req.shopId, needs.knownOrderIds, s).then(arrayOf<Logistics>), budgetMs)
          : undefined;
      const logisticsLater = needs.logistics && orders
        ? orders.then((o) => {
            const ids = o.ok ? logisticsTargets(p, o.value, who) : [];
            return ids.length ? bounded((s) => ds.getLogistics(req.shopId, ids, s).then(arrayOf<Logistics>), budgetMs) : undefined;
          })
        : undefined;
      const [o, a, f, l1, l2] = await Promise.all([orders, aftersales, faq, logisticsNow, logisticsLater]);
      const lookupMs = performance.now() - waitStart;

      t = performance.now();
      const data: TurnData = {
        ...(o ? { orders: o } : {}),
        ...(a ? { aftersales: a } : {}),
        ...(f ? { faq: f as Lookup<FaqHit | null> } : {}),
        ...(needs.logistics ? { logistics: mergeLookups([l1, l2]) } : {}),
      };
      const result = step(state, input, data);
      cpu += performance.now() - t;
      return {
        replies: result.replies,
        state: result.state,
        ...(result.handover ? { handover: result.handover } : {}),
        version,
        intent: result.intent,
        lang: result.lang,
        unavailable: result.unavailable,
        timings: { cpuMs: round(cpu), lookupMs: round(lookupMs), totalMs: round(performance.now() - started) },
      };
    },
  };
}

function validate(req: AnswerRequest): void {
  if (!req || typeof req !== 'object') throw new KefuError('BAD_REQUEST', 'answer needs a request object');
  for (const f of ['shopId', 'userId', 'conversationId'] as const) {
    const v = req[f];
    if (typeof v !== 'string' || !v || v.length > MAX_ID) throw new KefuError('BAD_REQUEST', `${f} must be a non-empty string of at most ${MAX_ID} characters`);
  }
  if (typeof req.text !== 'string' || !req.text.trim()) throw new KefuError('BAD_REQUEST', 'text must be a non-empty string');
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A data source that answers something other than an array is broken; treat it as a failed lookup. */
function arrayOf<T>(v: unknown): T[] {
  if (!Array.isArray(v)) throw new TypeError('lookup did not return an array');
  return v as T[];
}

/** A promise that also rejects when the signal aborts, for providers that take no signal. */
function raceAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

class LookupTimeout extends Error {}

/**
 * Runs one lookup with its own AbortSignal and a deadline. Never rejects: a timeout or an error
 * becomes `{ ok: false }`. A lookup that ignores its signal is abandoned at the deadline all the same.
 */
export async function bounded<T>(fn: (signal: AbortSignal) => Promise<T>, budgetMs: number): Promise<Lookup<T>> {
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const e = new LookupTimeout('lookup budget exceeded');
      ac.abort(e);
      reject(e);
    }, budgetMs);
  });
  // Raced below; this only keeps a late rejection from being reported as unhandled.
  deadline.catch(() => {});
  try {
    const value = await Promise.race([Promise.resolve().then(() => fn(ac.signal)), deadline]);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, reason: e instanceof LookupTimeout || ac.signal.aborted ? 'timeout' : 'error' };
  } finally {
    clearTimeout(timer);
  }
}

function mergeLookups(parts: (Lookup<Logistics[]> | undefined)[]): Lookup<Logistics[]> {
  const value: Logistics[] = [];
  let failed: Lookup<Logistics[]> | undefined;
  for (const p of parts) {
    if (!p) continue;
    if (p.value) value.push(...p.value);
    if (!p.ok) failed = p;
  }
  return failed && !failed.ok ? { ok: false, reason: failed.reason, value } : { ok: true, value };
}
