/**
 * PlatformConnector: asking the e-commerce platform directly, for what its webhooks have not
 * delivered (yet). Calls may be slow or fail; every call takes an AbortSignal and must stop
 * waiting when it fires. Implementations return only records of the shop and user asked for.
 *
 * HTTP protocol expected of the platform (JSON, optional `Authorization: Bearer <token>`, and a
 * W3C `traceparent` carrying the trace of the buyer's frame that caused the lookup):
 *   GET {baseUrl}/shops/{shopId}/users/{userId}/orders                    → { "orders": [<order.upserted data>] }
 *   GET {baseUrl}/shops/{shopId}/users/{userId}/orders/{orderId}/logistics → <logistics.upserted data>,
 *       or { "parcels": [<logistics.upserted data>] } for an order shipped in several parcels, or 404
 *   GET {baseUrl}/shops/{shopId}/users/{userId}/aftersales                → { "aftersales": [<aftersale.upserted data>] }
 * The bodies use the webhook schemas (src/commerce/events.ts), so one definition is checked both ways.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { KefuError } from '../protocol/errors.ts';
import {
  AftersaleDataSchema,
  LogisticsDataSchema,
  OrderDataSchema,
  toAftersale,
  toLogistics,
  toOrder,
  type PlatformDataset,
} from './events.ts';
import type { Aftersale, Logistics, Order } from './types.ts';
import { fieldOf } from '../protocol/validation.ts';
import { currentTraceparent } from '../ops/trace.ts';

export type BuyerSource = 'orders' | 'logistics' | 'aftersales';

export interface PlatformConnector {
  listOrders(shopId: string, userId: string, signal: AbortSignal): Promise<Order[]>;
  /** Every parcel of this order of this user, in the platform's order; empty when it has none. */
  getLogistics(shopId: string, userId: string, orderId: string, signal: AbortSignal): Promise<Logistics[]>;
  listAftersales(shopId: string, userId: string, signal: AbortSignal): Promise<Aftersale[]>;
}

export interface DemoConnectorOptions {
  readonly dataset: PlatformDataset;
  /** Each call waits this long first (aborted by the signal): a slow platform. */
  readonly delayMs?: number;
  /** Calls of these kinds reject with UNAVAILABLE: a platform that is down. */
  readonly fail?: readonly BuyerSource[];
}

/** Embedded connector answering from a fixed data set (the demo shop's, or a test's). */
export class DemoPlatformConnector implements PlatformConnector {
  readonly #opts: DemoConnectorOptions;
  /** Calls made so far, by kind: lets tests see what was asked of the platform. */
  readonly calls: Record<BuyerSource, number> = { orders: 0, logistics: 0, aftersales: 0 };

  constructor(opts: DemoConnectorOptions) {
    this.#opts = opts;
  }

  async #enter(kind: BuyerSource, signal: AbortSignal): Promise<void> {
    this.calls[kind]++;
    signal.throwIfAborted();
    if (this.#opts.delayMs) await sleep(this.#opts.delayMs, undefined, { signal });
    if (this.#opts.fail?.includes(kind)) throw new KefuError('UNAVAILABLE', `demo platform: ${kind} lookup failed`);
  }

  async listOrders(shopId: string, userId: string, signal: AbortSignal): Promise<Order[]> {
    await this.#enter('orders', signal);
    return this.#opts.dataset.orders.filter((o) => o.shopId === shopId && o.userId === userId).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }

  async getLogistics(shopId: string, userId: string, orderId: string, signal: AbortSignal): Promise<Logistics[]> {
    await this.#enter('logistics', signal);
    const own = this.#opts.dataset.orders.some((o) => o.shopId === shopId && o.userId === userId && o.orderId === orderId);
    if (!own) return [];
    return this.#opts.dataset.logistics.filter((l) => l.shopId === shopId && l.orderId === orderId);
  }

  async listAftersales(shopId: string, userId: string, signal: AbortSignal): Promise<Aftersale[]> {
    await this.#enter('aftersales', signal);
    return this.#opts.dataset.aftersales.filter((a) => a.shopId === shopId && a.userId === userId).sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  }
}

export interface HttpConnectorOptions {
  readonly baseUrl: string;
  readonly token?: string;
  /** Upper bound of one request, on top of the caller's signal. */
  readonly timeoutMs: number;
  /** Larger responses are refused; a platform bug must not fill the memory. */
  readonly maxResponseBytes?: number;
}

const OrdersResponse = z.object({ orders: z.array(OrderDataSchema).max(1000) });
const AftersalesResponse = z.object({ aftersales: z.array(AftersaleDataSchema).max(1000) });
/** Extension: every parcel of an order shipped in several; the contract's answer is one parcel alone. */
const ParcelsResponse = z.object({ parcels: z.array(LogisticsDataSchema).max(100) });

export class HttpPlatformConnector implements PlatformConnector {
  readonly #base: string;
  readonly #opts: HttpConnectorOptions;

  constructor(opts: HttpConnectorOptions) {
    const u = new URL(opts.baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`HttpPlatformConnector: baseUrl must be http(s) (got ${u.protocol})`);
    if (!(opts.timeoutMs > 0)) throw new Error('HttpPlatformConnector: timeoutMs must be positive');
    this.#base = opts.baseUrl.replace(/\/+$/, '');
    this.#opts = opts;
  }

  #url(shopId: string, userId: string, ...rest: string[]): string {
    return [this.#base, 'shops', shopId, 'users', userId, ...rest].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
  }

  async #get(url: string, what: string, signal: AbortSignal): Promise<unknown> {
    const combined = AbortSignal.any([signal, AbortSignal.timeout(this.#opts.timeoutMs)]);
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { accept: 'application/json', ...(this.#opts.token ? { authorization: `Bearer ${this.#opts.token}` } : {}), ...traceHeader() },
        signal: combined,
        redirect: 'error',
      });
    } catch (e) {
      throw new KefuError('UNAVAILABLE', `platform ${what} request failed: ${(e as Error).name === 'TimeoutError' ? 'timed out' : (e as Error).message}`);
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new KefuError('UNAVAILABLE', `platform ${what} request answered HTTP ${res.status}`);
    }
    let text: string;
    try {
      text = await readCapped(res, this.#opts.maxResponseBytes ?? 4 * 1024 * 1024, what);
    } catch (e) {
      if (e instanceof KefuError) throw e;
      throw new KefuError('UNAVAILABLE', `platform ${what} response was cut off: ${(e as Error).name === 'TimeoutError' ? 'timed out' : (e as Error).message}`);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new KefuError('UNAVAILABLE', `platform ${what} response is not JSON`);
    }
  }

  async listOrders(shopId: string, userId: string, signal: AbortSignal): Promise<Order[]> {
    const body = await this.#get(this.#url(shopId, userId, 'orders'), 'orders', signal);
    const data = validate(OrdersResponse, body ?? { orders: [] }, 'orders');
    return data.orders.filter((o) => o.userId === userId).map((o) => toOrder(shopId, o));
  }

  async getLogistics(shopId: string, userId: string, orderId: string, signal: AbortSignal): Promise<Logistics[]> {
    const body = await this.#get(this.#url(shopId, userId, 'orders', orderId, 'logistics'), 'logistics', signal);
    if (body === null) return [];
    const many = typeof body === 'object' && 'parcels' in body;
    const parcels = many ? validate(ParcelsResponse, body, 'logistics').parcels : [validate(LogisticsDataSchema, body, 'logistics')];
    // A tracking number listed twice is one parcel: the first listing stands.
    const seen = new Set<string>();
    return parcels.filter((p) => p.orderId === orderId && !seen.has(p.trackingNo) && seen.add(p.trackingNo)).map((p) => toLogistics(shopId, p));
  }

  async listAftersales(shopId: string, userId: string, signal: AbortSignal): Promise<Aftersale[]> {
    const body = await this.#get(this.#url(shopId, userId, 'aftersales'), 'aftersales', signal);
    const data = validate(AftersalesResponse, body ?? { aftersales: [] }, 'aftersales');
    return data.aftersales.filter((a) => a.userId === userId).map((a) => toAftersale(shopId, a));
  }
}

/** The trace of the buyer's frame this lookup serves (src/ops/trace.ts), so the platform's logs join kefu's. */
function traceHeader(): { traceparent?: string } {
  const t = currentTraceparent();
  return t === undefined ? {} : { traceparent: t };
}

function validate<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new KefuError('UNAVAILABLE', `platform ${what} response is invalid at ${issue ? fieldOf(issue.path) : 'body'}`);
}

async function readCapped(res: Response, max: number, what: string): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > max) {
    await res.body?.cancel();
    throw new KefuError('UNAVAILABLE', `platform ${what} response exceeds ${max} bytes`);
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    // Throwing out of the loop cancels the stream.
    if (size > max) {
      throw new KefuError('UNAVAILABLE', `platform ${what} response exceeds ${max} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
