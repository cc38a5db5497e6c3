/** Event builders for the commerce tests: valid by default, overridable per field. */
import { randomBytes } from 'node:crypto';
import type { PlatformEventInput } from '../../src/commerce/index.ts';

export const KEYRING = [{ kid: 'test', key: randomBytes(32) }] as const;

let n = 0;
export const nextId = (p = 'evt') => `${p}-${Date.now().toString(36)}-${++n}`;

/** `shipBy`, `payBy`, `cancelReason`: the order's terms (extension), sent only when given. */
export function orderEvent(
  o: { shopId?: string; orderId?: string; userId?: string; status?: string; updatedAt?: string; createdAt?: string; price?: unknown; id?: string; shipBy?: string; payBy?: string; cancelReason?: string } = {},
): PlatformEventInput {
  return {
    id: o.id ?? nextId(),
    type: 'order.upserted',
    shopId: o.shopId ?? 'shop_a',
    occurredAt: '2026-11-20T10:00:00Z',
    data: {
      orderId: o.orderId ?? 'O1',
      userId: o.userId ?? 'u1',
      status: (o.status ?? 'shipped') as 'shipped',
      items: [{ sku: 'SKU-1', title: '保温杯 500ml', quantity: 2, price: (o.price ?? '59.5') as string }],
      totalAmount: '119',
      currency: 'CNY',
      receiver: { name: '测试用户', phone: '13812345678', address: '浙江省杭州市西湖区文三路100号' },
      createdAt: o.createdAt ?? '2026-11-20T09:00:00Z',
      updatedAt: o.updatedAt ?? '2026-11-20T10:00:00Z',
      ...(o.shipBy !== undefined ? { shipBy: o.shipBy } : {}),
      ...(o.payBy !== undefined ? { payBy: o.payBy } : {}),
      ...(o.cancelReason !== undefined ? { cancelReason: o.cancelReason } : {}),
    },
  };
}

/** `split` (one parcel of several) unless told otherwise: the parcel tests are of split shipments; `split: false` is the contract's one parcel per order. */
export function logisticsEvent(o: { shopId?: string; orderId?: string; trackingNo?: string; carrier?: string; status?: string; updatedAt?: string; id?: string; split?: boolean } = {}): PlatformEventInput {
  return {
    id: o.id ?? nextId(),
    type: 'logistics.upserted',
    shopId: o.shopId ?? 'shop_a',
    occurredAt: '2026-11-21T10:00:00Z',
    data: {
      orderId: o.orderId ?? 'O1',
      carrier: o.carrier ?? '顺丰速运',
      trackingNo: o.trackingNo ?? 'SF100',
      status: (o.status ?? 'in_transit') as 'in_transit',
      // Deliberately newest first: the read model must return them oldest first.
      events: [
        { time: '2026-11-21T08:00:00+08:00', location: '杭州市', description: '到达杭州转运中心' },
        { time: '2026-11-20T20:00:00+08:00', description: '已揽收' },
      ],
      updatedAt: o.updatedAt ?? '2026-11-21T10:00:00Z',
      ...(o.split === false ? {} : { split: true }),
    },
  };
}

/** `logistics.removed`: the parcel of that tracking number withdrawn from the order. */
export function logisticsRemovedEvent(o: { shopId?: string; orderId?: string; trackingNo?: string; updatedAt?: string; id?: string } = {}): PlatformEventInput {
  return {
    id: o.id ?? nextId(),
    type: 'logistics.removed',
    shopId: o.shopId ?? 'shop_a',
    occurredAt: '2026-11-21T12:00:00Z',
    data: { orderId: o.orderId ?? 'O1', trackingNo: o.trackingNo ?? 'SF100', updatedAt: o.updatedAt ?? '2026-11-21T12:00:00Z' },
  };
}

export function aftersaleEvent(o: { shopId?: string; aftersaleId?: string; orderId?: string; userId?: string; status?: string; updatedAt?: string; amount?: string } = {}): PlatformEventInput {
  return {
    id: nextId(),
    type: 'aftersale.upserted',
    shopId: o.shopId ?? 'shop_a',
    occurredAt: '2026-11-22T10:00:00Z',
    data: {
      aftersaleId: o.aftersaleId ?? 'A1',
      orderId: o.orderId ?? 'O1',
      userId: o.userId ?? 'u1',
      type: 'refund',
      status: (o.status ?? 'requested') as 'requested',
      ...(o.amount !== undefined ? { amount: o.amount } : {}),
      updatedAt: o.updatedAt ?? '2026-11-22T10:00:00Z',
    },
  };
}
