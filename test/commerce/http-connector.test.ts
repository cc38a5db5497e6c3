import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpPlatformConnector } from '../../src/commerce/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';
import { aftersaleEvent, logisticsEvent, orderEvent } from './fixtures.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

// The fake platform of the suite below: tests set `handler` to answer the next requests.
let server: Server;
let base: string;
let handler: Handler = (_req, res) => res.end();
const seen: { url: string; auth: string | undefined }[] = [];

const json = (status: number, body: unknown): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const unavailable = (re: RegExp) => (e: unknown) => e instanceof KefuError && e.code === 'UNAVAILABLE' && re.test(e.message);
const signal = () => AbortSignal.timeout(5000);

describe('HttpPlatformConnector', () => {
  before(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization });
      handler(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/platform/`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  mappingTests();
  failureTests();
});

function mappingTests(): void {
  test('calls the documented paths with the token and maps the webhook shapes', async () => {
    const c = new HttpPlatformConnector({ baseUrl: base, token: 'tok', timeoutMs: 1000 });
    const mine = orderEvent({ orderId: 'O/1', userId: 'u 1' }).data;
    const other = orderEvent({ orderId: 'O2', userId: 'someone-else' }).data;
    handler = json(200, { orders: [mine, other] });
    seen.length = 0;
    const orders = await c.listOrders('shop a', 'u 1', signal());
    assert.deepEqual(
      orders.map((o) => [o.shopId, o.orderId, o.userId, o.items[0]!.price]),
      [['shop a', 'O/1', 'u 1', '59.50']],
    );
    assert.deepEqual(seen, [{ url: '/platform/shops/shop%20a/users/u%201/orders', auth: 'Bearer tok' }]);

    handler = json(200, logisticsEvent({ orderId: 'O/1' }).data);
    const [l, ...more] = await c.getLogistics('shop a', 'u 1', 'O/1', signal());
    assert.equal(more.length, 0);
    assert.equal(l?.shopId, 'shop a');
    assert.deepEqual(
      l?.events.map((e) => e.description),
      ['已揽收', '到达杭州转运中心'],
    );
    assert.equal(seen.at(-1)!.url, '/platform/shops/shop%20a/users/u%201/orders/O%2F1/logistics');
    // A parcel of another order than the one asked for is not an answer.
    handler = json(200, logisticsEvent({ orderId: 'O9' }).data);
    assert.deepEqual(await c.getLogistics('s', 'u', 'O1', signal()), []);

    // An order shipped in several parcels (extension): `{ parcels: [...] }`, every one of the
    // order asked for, in the platform's order, a tracking number listed twice taken once.
    const parcel = (orderId: string, trackingNo: string) => ({ ...logisticsEvent({ orderId }).data, trackingNo });
    handler = json(200, { parcels: [parcel('O1', 'JD0088112233'), parcel('O9', 'JD1'), parcel('O1', 'JD0088112299'), parcel('O1', 'JD0088112233')] });
    assert.deepEqual(
      (await c.getLogistics('s', 'u', 'O1', signal())).map((x) => [x.orderId, x.trackingNo]),
      [
        ['O1', 'JD0088112233'],
        ['O1', 'JD0088112299'],
      ],
    );
    handler = json(200, { parcels: [] });
    assert.deepEqual(await c.getLogistics('s', 'u', 'O1', signal()), []);

    handler = json(200, { aftersales: [aftersaleEvent({ userId: 'u', amount: '5' }).data, aftersaleEvent({ userId: 'x' }).data] });
    const a = await c.listAftersales('s', 'u', signal());
    assert.deepEqual(
      a.map((x) => [x.userId, x.amount]),
      [['u', '5.00']],
    );
    assert.equal(seen.at(-1)!.url, '/platform/shops/s/users/u/aftersales');
  });

  test("an order's terms (extension) from the platform's API are kept, times in one spelling; an order without them has none", async () => {
    const c = new HttpPlatformConnector({ baseUrl: base, timeoutMs: 1000 });
    const presale = orderEvent({ orderId: 'O1', userId: 'u', status: 'paid', shipBy: '2026-12-15T18:00:00+08:00' }).data;
    const unpaid = orderEvent({ orderId: 'O2', userId: 'u', status: 'pending_payment', payBy: '2026-11-20T09:30:00Z' }).data;
    const cancelled = orderEvent({ orderId: 'O3', userId: 'u', status: 'cancelled', cancelReason: '超时未支付，系统自动取消' }).data;
    const plain = orderEvent({ orderId: 'O4', userId: 'u' }).data;
    handler = json(200, { orders: [presale, unpaid, cancelled, plain] });
    const terms = (await c.listOrders('s', 'u', signal())).map((o) => [o.orderId, o.shipBy, o.payBy, o.cancelReason, ['shipBy', 'payBy', 'cancelReason'].filter((k) => k in o).length]);
    assert.deepEqual(terms, [
      ['O1', '2026-12-15T10:00:00.000Z', undefined, undefined, 1],
      ['O2', undefined, '2026-11-20T09:30:00.000Z', undefined, 1],
      ['O3', undefined, undefined, '超时未支付，系统自动取消', 1],
      ['O4', undefined, undefined, undefined, 0],
    ]);
    // A bad term is a bad answer, as any other field's.
    handler = json(200, { orders: [{ ...plain, shipBy: 'soon' }] });
    await assert.rejects(c.listOrders('s', 'u', signal()), unavailable(/orders\[0\]\.shipBy/));
  });
}

function failureTests(): void {
  test('404 means none; other statuses, bad JSON and bad shapes are UNAVAILABLE', async () => {
    const c = new HttpPlatformConnector({ baseUrl: base, timeoutMs: 1000 });
    handler = json(404, { error: 'no such' });
    assert.deepEqual(await c.getLogistics('s', 'u', 'O1', signal()), []);
    assert.deepEqual(await c.listOrders('s', 'u', signal()), []);
    handler = json(502, {});
    await assert.rejects(c.listOrders('s', 'u', signal()), unavailable(/HTTP 502/));
    handler = (_req, res) => res.end('<html>');
    await assert.rejects(c.listOrders('s', 'u', signal()), unavailable(/not JSON/));
    handler = json(200, { orders: [{ ...orderEvent().data, totalAmount: 12 }] });
    await assert.rejects(c.listOrders('s', 'u', signal()), unavailable(/orders\[0\]\.totalAmount/));
    handler = json(200, { parcels: [logisticsEvent().data, { ...logisticsEvent().data, status: 'lost' }] });
    await assert.rejects(c.getLogistics('s', 'u', 'O1', signal()), unavailable(/parcels\[1\]\.status/));
    handler = json(200, { ...logisticsEvent().data, trackingNo: '' });
    await assert.rejects(c.getLogistics('s', 'u', 'O1', signal()), unavailable(/at trackingNo/));
  });

  test('a slow platform is cut off at timeoutMs, or earlier by the caller', async () => {
    handler = () => {}; // never answers
    const c = new HttpPlatformConnector({ baseUrl: base, timeoutMs: 100 });
    const t0 = performance.now();
    await assert.rejects(c.listOrders('s', 'u', signal()), unavailable(/timed out/));
    const c2 = new HttpPlatformConnector({ baseUrl: base, timeoutMs: 10_000 });
    await assert.rejects(c2.listAftersales('s', 'u', AbortSignal.timeout(100)), unavailable(/failed/));
    assert.ok(performance.now() - t0 < 2000);
  });

  test('an oversized response is refused', async () => {
    const c = new HttpPlatformConnector({ baseUrl: base, timeoutMs: 1000, maxResponseBytes: 1000 });
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"orders":[');
      res.end(' '.repeat(5000) + ']}');
    };
    await assert.rejects(c.listOrders('s', 'u', signal()), unavailable(/exceeds 1000 bytes/));
  });

  test('refuses a bad configuration up front', () => {
    assert.throws(() => new HttpPlatformConnector({ baseUrl: 'ftp://x', timeoutMs: 100 }));
    assert.throws(() => new HttpPlatformConnector({ baseUrl: base, timeoutMs: 0 }));
  });
}
