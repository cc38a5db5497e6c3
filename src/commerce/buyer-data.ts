/**
 * The robot's view of one buyer: the read model first, the platform connector only for what the
 * read model lacks (no orders or after-sales at all, or no logistics row for a shipped order),
 * everything within one deadline per lookup.
 *
 * One deadline: a caller that passes an AbortSignal (the robot passes its per-lookup budget) owns
 * the deadline, and no second timer is armed here; a call without a signal gets a timer of
 * `budgetMs`. Either way the read model and every connector call of that lookup share it.
 *
 * A lookup that fails or runs out of time is not an empty answer: it rejects with UNAVAILABLE,
 * so the robot says "I could not check your parcel just now" rather than "you have no parcel".
 * Waiting stops at the deadline even if the underlying call does not (a database query cannot be
 * cancelled); connector calls are aborted through their signal.
 */
import { KefuError } from '../protocol/errors.ts';
import type { BuyerSource, PlatformConnector } from './connector.ts';
import type { CommerceReadModel } from './read-model.ts';
import type { Aftersale, BuyerDataSource, Logistics, Order, OrderStatus } from './types.ts';

/** What createBuyerDataSource returns: the BuyerDataSource the robot reads. */
export type BuyerLookup = BuyerDataSource;

export interface BuyerDataSourceOptions {
  readonly readModel: CommerceReadModel;
  readonly connector?: PlatformConnector;
  /**
   * Upper bound in milliseconds of one lookup made without a signal. A caller's signal replaces
   * it: the caller's deadline is the only one.
   */
  readonly budgetMs: number;
  /** Told about every failed or late source, for logs and metrics (no PII in the error). */
  readonly onSourceError?: (source: BuyerSource, error: unknown) => void;
}

/** Statuses after which a parcel exists, so a missing logistics row is worth asking the platform for. */
const HAS_PARCEL: readonly OrderStatus[] = ['shipped', 'delivered'];
/** The robot talks about a few recent parcels; it never fans out over a long order history. */
const MAX_CONNECTOR_LOGISTICS = 5;

/** The sources of one buyer data source, and where their failures are reported. */
interface Sources {
  readonly readModel: CommerceReadModel;
  readonly connector: PlatformConnector | undefined;
  readonly report: (source: BuyerSource, error: unknown) => void;
}

const unavailable = (source: BuyerSource) => new KefuError('UNAVAILABLE', `${source} could not be looked up in time`);

/**
 * Runs fn with the deadline's signal and stops waiting when the deadline fires: rejects with
 * UNAVAILABLE then, whether or not fn heeds the signal.
 */
function raceDeadline<T>(fn: (signal: AbortSignal) => Promise<T>, deadline: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new KefuError('UNAVAILABLE', 'lookup ran out of time'));
    if (deadline.aborted) return onAbort();
    deadline.addEventListener('abort', onAbort, { once: true });
    Promise.resolve()
      .then(() => fn(deadline))
      .then(resolve, reject)
      .finally(() => deadline.removeEventListener('abort', onAbort));
  });
}

/** Runs fn under the caller's signal when there is one, otherwise under a timer of budgetMs. */
async function withDeadline<T>(budgetMs: number, signal: AbortSignal | undefined, fn: (deadline: AbortSignal) => Promise<T>): Promise<T> {
  if (signal) return fn(signal);
  // A cleared timer rather than AbortSignal.timeout: that one cannot be cancelled, and building
  // and dispatching its abort after every lookup cost several percent of the robot's CPU.
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(new DOMException('lookup budget exceeded', 'TimeoutError')), budgetMs);
  try {
    return await fn(ac.signal);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Read model; when it has nothing (or failed), the connector; only this buyer's records survive.
 * Rejects with UNAVAILABLE when no source could answer.
 */
async function listWithFallback<T extends { shopId: string; userId: string }>(
  src: Sources,
  source: BuyerSource,
  who: { shopId: string; userId: string },
  local: (s: AbortSignal) => Promise<T[]>,
  remote: ((s: AbortSignal) => Promise<T[]>) | undefined,
  deadline: AbortSignal,
): Promise<T[]> {
  let found: T[] | undefined;
  try {
    found = await raceDeadline(local, deadline);
  } catch (e) {
    src.report(source, e);
  }
  if (found && found.length > 0) return found;
  if (!remote) {
    if (found === undefined) throw unavailable(source);
    return found;
  }
  try {
    const got = await raceDeadline(remote, deadline);
    return got.filter((r) => r.shopId === who.shopId && r.userId === who.userId);
  } catch (e) {
    src.report(source, e);
    throw unavailable(source);
  }
}

/** Asks the connector for the parcels of `wanted` orders; ok is false when any call failed. */
async function fetchMissing(src: Sources, shopId: string, wanted: readonly Order[], deadline: AbortSignal): Promise<{ value: Logistics[]; ok: boolean }> {
  const { connector } = src;
  if (!connector || wanted.length === 0) return { value: [], ok: true };
  const results = await Promise.allSettled(
    wanted.slice(0, MAX_CONNECTOR_LOGISTICS).map((o) => raceDeadline((s) => connector.getLogistics(shopId, o.userId, o.orderId, s), deadline)),
  );
  const value: Logistics[] = [];
  let ok = true;
  results.forEach((r, i) => {
    if (r.status === 'rejected') {
      ok = false;
      src.report('logistics', r.reason);
    } else value.push(...r.value.filter((l) => l.shopId === shopId && l.orderId === wanted[i]!.orderId));
  });
  return { value, ok };
}

/** Every parcel once (by order and tracking number), grouped in the order of `orderIds`, each order's as given. */
function byOrder(list: readonly Logistics[], orderIds: readonly string[]): Logistics[] {
  const rank = new Map([...new Set(orderIds)].map((id, i) => [id, i]));
  const unique = new Map<string, Logistics>();
  for (const l of list) {
    const k = `${l.orderId}\u0000${l.trackingNo}`;
    if (!unique.has(k)) unique.set(k, l);
  }
  // A stable sort: an order's parcels keep their order.
  return [...unique.values()].sort((a, b) => (rank.get(a.orderId) ?? Infinity) - (rank.get(b.orderId) ?? Infinity));
}

/** The read model's parcels of `orderIds` (all of each order's), and the platform's for shipped orders it has none for. */
async function logisticsWithin(src: Sources, shopId: string, orderIds: readonly string[], deadline: AbortSignal): Promise<Logistics[]> {
  const { readModel } = src;
  const local = await raceDeadline((s) => readModel.getLogistics(shopId, orderIds, s), deadline).catch((e: unknown) => {
    src.report('logistics', e);
    return undefined;
  });
  if (local === undefined) throw unavailable('logistics');
  const have = new Set(local.map((l) => l.orderId));
  const missing = [...new Set(orderIds)].filter((id) => !have.has(id)).slice(0, MAX_CONNECTOR_LOGISTICS);
  // The connector needs the buyer; only orders the read model knows can be asked about.
  const known = (await Promise.all(missing.map((id) => raceDeadline(() => readModel.getOrder(shopId, id), deadline).catch(() => null)))).filter(
    (x): x is Order => x !== null && HAS_PARCEL.includes(x.status),
  );
  const fetched = await fetchMissing(src, shopId, known, deadline);
  // "No parcel" would be a wrong answer when the platform could not be asked.
  if (!fetched.ok) throw unavailable('logistics');
  return byOrder([...local, ...fetched.value], orderIds);
}

export function createBuyerDataSource(opts: BuyerDataSourceOptions): BuyerLookup {
  if (!(opts.budgetMs > 0)) throw new Error('createBuyerDataSource: budgetMs must be positive');
  const { readModel, connector, budgetMs } = opts;
  const src: Sources = {
    readModel,
    connector,
    report(source, e) {
      try {
        opts.onSourceError?.(source, e);
      } catch {
        // A broken listener must not turn a degraded answer into no answer.
      }
    },
  };
  const orders = (shopId: string, userId: string, d: AbortSignal) =>
    listWithFallback<Order>(src, 'orders', { shopId, userId }, (s) => readModel.listOrders(shopId, userId, s), connector && ((s) => connector.listOrders(shopId, userId, s)), d);

  const aftersales = (shopId: string, userId: string, d: AbortSignal) =>
    listWithFallback<Aftersale>(src, 'aftersales', { shopId, userId }, (s) => readModel.listAftersales(shopId, userId, s), connector && ((s) => connector.listAftersales(shopId, userId, s)), d);

  return {
    listOrders: (shopId, userId, signal) => withDeadline(budgetMs, signal, (d) => orders(shopId, userId, d)),
    listAftersales: (shopId, userId, signal) => withDeadline(budgetMs, signal, (d) => aftersales(shopId, userId, d)),
    getLogistics: (shopId, orderIds, signal) => withDeadline(budgetMs, signal, (d) => logisticsWithin(src, shopId, orderIds, d)),
  };
}
