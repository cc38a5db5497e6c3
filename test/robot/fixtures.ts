/**
 * In-memory buyer data for robot tests: a BuyerDataSource over plain arrays that can be made slow
 * or failing per method, and builders for orders, logistics and after-sales with sensible defaults.
 */
import type { Aftersale, BuyerDataSource, Logistics, Order, OrderStatus } from '../../src/commerce/types.ts';

export const SHOP = 'shop-1';
export const NOW = new Date('2024-11-27T10:00:00+08:00');

export function order(p: Partial<Order> & { orderId: string }): Order {
  return {
    shopId: SHOP,
    userId: 'u-1001',
    status: 'shipped' as OrderStatus,
    items: [{ sku: 'SKU-EAR-1', title: '无线蓝牙耳机', quantity: 1, price: '199.00' }],
    totalAmount: '199.00',
    currency: 'CNY',
    receiver: { name: '张三', phone: '13812345678', address: '浙江省杭州市西湖区文三路 100 号' },
    createdAt: '2024-11-25T09:00:00+08:00',
    updatedAt: '2024-11-25T09:00:00+08:00',
    ...p,
  };
}

export function logistics(p: Partial<Logistics> & { orderId: string }): Logistics {
  return {
    shopId: SHOP,
    carrier: '中通快递',
    trackingNo: `ZT${p.orderId.slice(-10)}`,
    status: 'in_transit',
    events: [
      { time: '2024-11-25T18:00:00+08:00', location: '杭州', description: '快件已揽收' },
      { time: '2024-11-26T21:40:00+08:00', location: '上海转运中心', description: '快件已到达上海转运中心' },
    ],
    updatedAt: '2024-11-26T21:40:00+08:00',
    ...p,
  };
}

export function aftersale(p: Partial<Aftersale> & { aftersaleId: string; orderId: string }): Aftersale {
  return {
    shopId: SHOP,
    userId: 'u-1001',
    type: 'refund',
    status: 'approved',
    amount: '199.00',
    updatedAt: '2024-11-26T12:00:00+08:00',
    ...p,
  };
}

export interface Behaviour {
  /** Milliseconds before answering. */
  delayMs?: number;
  /** Throw instead of answering. */
  fail?: boolean;
  /** Ignore the AbortSignal (a badly behaved adapter). */
  ignoreSignal?: boolean;
}

export interface FakeData {
  orders?: Order[];
  logistics?: Logistics[];
  aftersales?: Aftersale[];
}

/** Calls made, for asserting that only the needed lookups ran. */
export interface CallLog {
  listOrders: number;
  getLogistics: string[][];
  listAftersales: number;
  aborted: number;
}

export function fakeDataSource(data: FakeData, behave: Partial<Record<keyof BuyerDataSource, Behaviour>> = {}): BuyerDataSource & { calls: CallLog } {
  const calls: CallLog = { listOrders: 0, getLogistics: [], listAftersales: 0, aborted: 0 };
  const run = <T>(name: keyof BuyerDataSource, signal: AbortSignal | undefined, value: () => T): Promise<T> => {
    const b = behave[name] ?? {};
    return new Promise<T>((resolve, reject) => {
      const finish = () => (b.fail ? reject(new Error(`${name} failed`)) : resolve(value()));
      if (!b.delayMs) return finish();
      const timer = setTimeout(finish, b.delayMs);
      if (!b.ignoreSignal) {
        signal?.addEventListener('abort', () => {
          calls.aborted++;
          clearTimeout(timer);
          reject(signal.reason);
        });
      }
    });
  };
  // Like the real source, it scopes by shop and user: the robot's own filtering is tested separately.
  return {
    calls,
    listOrders(shopId, userId, signal) {
      calls.listOrders++;
      return run('listOrders', signal, () => (data.orders ?? []).filter((o) => o.shopId === shopId && o.userId === userId));
    },
    getLogistics(shopId, orderIds, signal) {
      calls.getLogistics.push([...orderIds]);
      return run('getLogistics', signal, () => (data.logistics ?? []).filter((l) => l.shopId === shopId && orderIds.includes(l.orderId)));
    },
    listAftersales(shopId, userId, signal) {
      calls.listAftersales++;
      return run('listAftersales', signal, () => (data.aftersales ?? []).filter((a) => a.shopId === shopId && a.userId === userId));
    },
  };
}
