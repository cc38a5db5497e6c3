/**
 * The robot's view of one buyer: the read model first, the platform connector only for what the
 * read model lacks (no orders or after-sales at all, or no logistics row for a shipped order),
 * everything inside one time budget.
 *
 * A lookup that fails or runs out of time is not an empty answer: `lookupAll` lists it in
 * `unavailable`, so the robot says "I could not check your parcel just now" rather than "you have
 * no parcel". Waiting stops at the deadline even if the underlying call does not (a database
 * query cannot be cancelled); connector calls are aborted through their signal.
 */
import { KefuError } from '../protocol/errors.ts';
import type { BuyerSource, PlatformConnector } from './connector.ts';
import type { CommerceReadModel } from './repository.ts';
import type { Aftersale, BuyerDataSource, Logistics, Order, OrderStatus } from './types.ts';

export interface BuyerSnapshot {
  /** Newest first. */
  readonly orders: Order[];
  /** In the order of `orders`. */
  readonly logistics: Logistics[];
  /** Most recently updated first. */
  readonly aftersales: Aftersale[];
  /** Sources that failed or ran out of time; their lists hold only what was found before. */
  readonly unavailable: BuyerSource[];
}

export interface BuyerLookup extends BuyerDataSource {
  /** The three lookups at once, within one budget; never rejects. */
  lookupAll(shopId: string, userId: string, signal?: AbortSignal): Promise<BuyerSnapshot>;
}

export interface BuyerDataSourceOptions {
  readonly readModel: CommerceReadModel;
  readonly connector?: PlatformConnector;
  /** Upper bound of one lookup (and of one lookupAll) in milliseconds. */
  readonly budgetMs: number;
  /** Told about every failed or late source, for logs and metrics (no PII in the error). */
  readonly onSourceError?: (source: BuyerSource, error: unknown) => void;
}

/** Statuses after which a parcel exists, so a missing logistics row is worth asking the platform for. */
const HAS_PARCEL: readonly OrderStatus[] = ['shipped', 'delivered'];
/** The robot talks about a few recent parcels; it never fans out over a long order history. */
export const MAX_CONNECTOR_LOGISTICS = 5;

interface Part<T> {
  readonly value: T;
  readonly ok: boolean;
}

/** Runs fn with the deadline's signal and stops waiting when the deadline fires. */
function bounded<T>(fn: (signal: AbortSignal) => Promise<T>, deadline: AbortSignal): Promise<T> {
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

export function createBuyerDataSource(opts: BuyerDataSourceOptions): BuyerLookup {
  if (!(opts.budgetMs > 0)) throw new Error('createBuyerDataSource: budgetMs must be positive');
  const { readModel, connector } = opts;

  // A cleared timer rather than AbortSignal.timeout: that one cannot be cancelled, and building
  // and dispatching its abort after every lookup cost several percent of the robot's CPU.
  const deadlineFor = (signal?: AbortSignal): { signal: AbortSignal; done(): void } => {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(new DOMException('lookup budget exceeded', 'TimeoutError')), opts.budgetMs);
    const onAbort = () => ac.abort(signal?.reason);
    if (signal) {
      if (signal.aborted) ac.abort(signal.reason);
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    return {
      signal: ac.signal,
      done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      },
    };
  };
  const report = (source: BuyerSource, e: unknown) => {
    try {
      opts.onSourceError?.(source, e);
    } catch {
      // A broken listener must not turn a degraded answer into no answer.
    }
  };

  /** Read model; when it has nothing (or failed), the connector; only this buyer's records survive. */
  async function list<T extends { shopId: string; userId: string }>(
    source: BuyerSource,
    shopId: string,
    userId: string,
    local: (s: AbortSignal) => Promise<T[]>,
    remote: ((s: AbortSignal) => Promise<T[]>) | undefined,
    deadline: AbortSignal,
  ): Promise<Part<T[]>> {
    let found: T[] | undefined;
    try {
      found = await bounded(local, deadline);
    } catch (e) {
      report(source, e);
    }
    if (found && found.length > 0) return { value: found, ok: true };
    if (!remote) return { value: found ?? [], ok: found !== undefined };
    try {
      const got = await bounded(remote, deadline);
      return { value: got.filter((r) => r.shopId === shopId && r.userId === userId), ok: true };
    } catch (e) {
      report(source, e);
      return { value: found ?? [], ok: false };
    }
  }

  const orders = (shopId: string, userId: string, d: AbortSignal) =>
    list<Order>('orders', shopId, userId, (s) => readModel.listOrders(shopId, userId, s), connector && ((s) => connector.listOrders(shopId, userId, s)), d);

  const aftersales = (shopId: string, userId: string, d: AbortSignal) =>
    list<Aftersale>('aftersales', shopId, userId, (s) => readModel.listAftersales(shopId, userId, s), connector && ((s) => connector.listAftersales(shopId, userId, s)), d);

  /** Asks the connector for the parcels of `wanted` orders; ok is false when any call failed. */
  async function fetchMissing(shopId: string, wanted: readonly Order[], d: AbortSignal): Promise<Part<Logistics[]>> {
    if (!connector || wanted.length === 0) return { value: [], ok: true };
    const results = await Promise.allSettled(wanted.slice(0, MAX_CONNECTOR_LOGISTICS).map((o) => bounded((s) => connector.getLogistics(shopId, o.userId, o.orderId, s), d)));
    const value: Logistics[] = [];
    let ok = true;
    results.forEach((r, i) => {
      if (r.status === 'rejected') {
        ok = false;
        report('logistics', r.reason);
      } else if (r.value && r.value.shopId === shopId && r.value.orderId === wanted[i]!.orderId) value.push(r.value);
    });
    return { value, ok };
  }

  function byOrder(list: readonly Logistics[], orderIds: readonly string[]): Logistics[] {
    const rank = new Map(orderIds.map((id, i) => [id, i]));
    const unique = new Map<string, Logistics>();
    for (const l of list) if (!unique.has(l.orderId)) unique.set(l.orderId, l);
    return [...unique.values()].sort((a, b) => (rank.get(a.orderId) ?? Infinity) - (rank.get(b.orderId) ?? Infinity));
  }

  async function lookupAll(shopId: string, userId: string, signal?: AbortSignal): Promise<BuyerSnapshot> {
    const dl = deadlineFor(signal);
    try {
      return await lookupAllWithin(shopId, userId, dl.signal);
    } finally {
      dl.done();
    }
  }

  async function lookupAllWithin(shopId: string, userId: string, d: AbortSignal): Promise<BuyerSnapshot> {
    const ordersP = orders(shopId, userId, d);
    const aftersalesP = aftersales(shopId, userId, d);
    const localLogisticsP: Promise<Part<Logistics[]>> = bounded((s) => readModel.listBuyerLogistics(shopId, userId, undefined, s), d).then(
      (value) => ({ value, ok: true }),
      (e: unknown) => {
        report('logistics', e);
        return { value: [], ok: false };
      },
    );
    const logisticsP = (async (): Promise<Part<Logistics[]>> => {
      const [o, local] = await Promise.all([ordersP, localLogisticsP]);
      const have = new Set(local.value.map((l) => l.orderId));
      // When the read model could not be read, every parcel counts as missing.
      const wanted = o.value.filter((x) => HAS_PARCEL.includes(x.status) && !have.has(x.orderId));
      const fetched = await fetchMissing(shopId, wanted, d);
      const ids = o.value.map((x) => x.orderId);
      // Without the order list we cannot tell which parcels are missing.
      const ok = o.ok && fetched.ok && (local.ok || connector !== undefined || wanted.length === 0);
      return { value: byOrder([...local.value, ...fetched.value], ids), ok };
    })();
    const [o, l, a] = await Promise.all([ordersP, logisticsP, aftersalesP]);
    const unavailable: BuyerSource[] = [];
    if (!o.ok) unavailable.push('orders');
    if (!l.ok) unavailable.push('logistics');
    if (!a.ok) unavailable.push('aftersales');
    return { orders: o.value, logistics: l.value, aftersales: a.value, unavailable };
  }

  const unwrap = <T>(source: BuyerSource, p: Part<T>): T => {
    if (!p.ok) throw new KefuError('UNAVAILABLE', `${source} could not be looked up in time`);
    return p.value;
  };

  return {
    lookupAll,
    async listOrders(shopId, userId, signal) {
      const dl = deadlineFor(signal);
      try {
        return unwrap('orders', await orders(shopId, userId, dl.signal));
      } finally {
        dl.done();
      }
    },
    async listAftersales(shopId, userId, signal) {
      const dl = deadlineFor(signal);
      try {
        return unwrap('aftersales', await aftersales(shopId, userId, dl.signal));
      } finally {
        dl.done();
      }
    },
    async getLogistics(shopId, orderIds, signal) {
      const dl = deadlineFor(signal);
      try {
        return await logisticsWithin(shopId, orderIds, dl.signal);
      } finally {
        dl.done();
      }
    },
  };

  async function logisticsWithin(shopId: string, orderIds: readonly string[], d: AbortSignal): Promise<Logistics[]> {
    const local = await bounded((s) => readModel.getLogistics(shopId, orderIds, s), d).catch((e: unknown) => {
      report('logistics', e);
      return undefined;
    });
    if (local === undefined) throw new KefuError('UNAVAILABLE', 'logistics could not be looked up in time');
    const have = new Set(local.map((l) => l.orderId));
    const missing = [...new Set(orderIds)].filter((id) => !have.has(id)).slice(0, MAX_CONNECTOR_LOGISTICS);
    // The connector needs the buyer; only orders the read model knows can be asked about.
    const known = (await Promise.all(missing.map((id) => bounded(() => readModel.getOrder(shopId, id), d).catch(() => null)))).filter(
      (x): x is Order => x !== null && HAS_PARCEL.includes(x.status),
    );
    const fetched = await fetchMissing(shopId, known, d);
    // "No parcel" would be a wrong answer when the platform could not be asked.
    if (!fetched.ok) throw new KefuError('UNAVAILABLE', 'logistics could not be looked up in time');
    return byOrder([...local, ...fetched.value], orderIds);
  }
}
