import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql as rawSql, type Selectable } from 'kysely';
import { applyPlatformEvent, parsePlatformEvent, registerWebhookRoutes, signBody, verifySignature, type ApplyResult, type PlatformEvent, type PlatformEventInput } from '../../src/commerce/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';
import type { SqlStore } from '../../src/storage/ports.ts';
import type { ShopOrdersTable } from '../../src/storage/tables/commerce.ts';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { KEYRING, aftersaleEvent, logisticsEvent, logisticsRemovedEvent, orderEvent } from './fixtures.ts';

const SECRET = 'test-webhook-secret-0123456789';

describe('verifySignature', () => {
  const body = Buffer.from('{"id":"1"}');
  test('accepts the HMAC of the raw body', () => {
    assert.equal(verifySignature(SECRET, body, signBody(SECRET, body)), true);
    assert.equal(verifySignature(SECRET, body, signBody(SECRET, body).toUpperCase().replace('SHA256=', 'sha256=')), true);
  });
  test('refuses a wrong, malformed, repeated or missing signature', () => {
    const good = signBody(SECRET, body);
    assert.equal(verifySignature(SECRET, Buffer.from('{"id":"2"}'), good), false);
    assert.equal(verifySignature('another-secret-0123456789', body, good), false);
    assert.equal(verifySignature(SECRET, body, good.slice(0, -2)), false);
    assert.equal(verifySignature(SECRET, body, good.replace('sha256=', 'sha1=')), false);
    assert.equal(verifySignature(SECRET, body, good.replace('sha256=', '')), false);
    assert.equal(verifySignature(SECRET, body, [good, good]), false);
    assert.equal(verifySignature(SECRET, body, undefined), false);
    assert.equal(verifySignature(SECRET, body, ''), false);
  });
});

async function counts(sql: SqlStore) {
  const one = async (t: 'shop_orders' | 'shop_logistics' | 'shop_aftersales' | 'webhook_events') =>
    Number((await sql.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { orders: await one('shop_orders'), logistics: await one('shop_logistics'), aftersales: await one('shop_aftersales'), events: await one('webhook_events') };
}

/** The bare minimum of the app's error handler: KefuError → its status and body. */
function bareApp(sql: SqlStore, onApplied?: (e: PlatformEvent) => void): FastifyInstance {
  const app = Fastify({ logger: false });
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof KefuError) return reply.code(err.status).send(err.toBody());
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
  });
  app.register(
    async (api) => {
      registerWebhookRoutes(api, { sql, keyring: KEYRING, secret: SECRET, ...(onApplied ? { onApplied } : {}) });
      // A sibling route proves the raw-body parser stayed inside the webhook's own context.
      api.post('/echo', async (req) => ({ body: req.body }));
    },
    { prefix: '/api/v1' },
  );
  return app;
}

const post = (app: FastifyInstance, body: string | Buffer, signature?: string | null) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/webhooks/platform',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-kefu-signature': signature ?? signBody(SECRET, body) }) },
    payload: body,
  });

/** One suite's store (set by its `before`) and the helpers its tests share. */
interface Suite {
  sql: SqlStore;
  apply(e: PlatformEventInput): Promise<ApplyResult>;
  storedOrder(shopId: string, orderId: string): Promise<Selectable<ShopOrdersTable> | undefined>;
}

for (const factory of SQL_FACTORIES) {
  describe(`platform webhooks on ${factory.name}`, { skip: factory.skip }, () => {
    const st = {
      apply: (e: PlatformEventInput) => applyPlatformEvent(st.sql, KEYRING, parsePlatformEvent(e)),
      storedOrder: (shopId: string, orderId: string) =>
        st.sql.db.selectFrom('shop_orders').selectAll().where('shop_id', '=', shopId).where('order_id', '=', orderId).executeTakeFirst(),
    } as Suite;
    before(async () => {
      st.sql = await factory.create();
    });
    after(async () => {
      await st.sql?.close();
      await dropTestSchemas();
    });

    deliveryTests(st);
    orderingTests(st);
    parcelTests(st);
    onlyParcelTests(st);
    removalTests(st);
    routeSignatureTests(st);
    routeParsingTests(st);
    routeOrderTermsTests(st);
    rollbackTests(st);
  });
}

function deliveryTests(st: Suite): void {
  test('a duplicate event id returns duplicate and changes nothing', async () => {
    const first = orderEvent({ shopId: 'dup', status: 'paid', updatedAt: '2026-11-20T10:00:00Z' });
    assert.deepEqual(await st.apply(first), { applied: true, duplicate: false });
    // Same id, newer content: still a redelivery, so it must not be applied.
    const replay = orderEvent({ shopId: 'dup', id: first.id, status: 'delivered', updatedAt: '2026-11-25T10:00:00Z' });
    assert.deepEqual(await st.apply(replay), { applied: false, duplicate: true });
    const row = await st.storedOrder('dup', 'O1');
    assert.equal(row?.status, 'paid');
    assert.equal(row?.last_event_id, first.id);
    const n = await st.sql.db.selectFrom('webhook_events').select('event_id').where('shop_id', '=', 'dup').execute();
    assert.equal(n.length, 1);
  });

  test('the same event id in two shops is two events', async () => {
    const a = orderEvent({ shopId: 'idA', id: 'shared-id' });
    const b = orderEvent({ shopId: 'idB', id: 'shared-id' });
    assert.equal((await st.apply(a)).applied, true);
    assert.equal((await st.apply(b)).applied, true);
  });
}

function orderingTests(st: Suite): void {
  test('an older updatedAt changes nothing; a newer one replaces; an equal one replaces only with a later status', async () => {
    const shopId = 'order';
    await st.apply(orderEvent({ shopId, status: 'shipped', updatedAt: '2026-11-20T10:00:00Z' }));
    assert.deepEqual(await st.apply(orderEvent({ shopId, status: 'paid', updatedAt: '2026-11-20T09:59:59.999Z' })), { applied: false, duplicate: false });
    assert.equal((await st.storedOrder(shopId, 'O1'))?.status, 'shipped');
    // The same second (a platform that stamps to the second): an earlier status is a late
    // delivery and changes nothing; a later one is the newer change and replaces.
    assert.deepEqual(await st.apply(orderEvent({ shopId, status: 'paid', updatedAt: '2026-11-20T10:00:00Z' })), { applied: false, duplicate: false });
    assert.deepEqual(await st.apply(orderEvent({ shopId, status: 'shipped', updatedAt: '2026-11-20T10:00:00Z', price: '70' })), { applied: false, duplicate: false });
    assert.deepEqual(await st.apply(orderEvent({ shopId, status: 'delivered', updatedAt: '2026-11-20T18:00:00+08:00' })), { applied: true, duplicate: false });
    assert.equal((await st.storedOrder(shopId, 'O1'))?.status, 'delivered');
    assert.deepEqual(await st.apply(orderEvent({ shopId, status: 'delivered', updatedAt: '2026-11-20T10:00:00.001Z', price: '60' })), { applied: true, duplicate: false });
    const row = await st.storedOrder(shopId, 'O1');
    assert.equal(row?.status, 'delivered');
    assert.equal(row?.items[0]?.price, '60.00');
    assert.equal(row?.updated_at.toISOString(), '2026-11-20T10:00:00.001Z');

    // Logistics and after-sales follow the same rule.
    await st.apply(logisticsEvent({ shopId, status: 'in_transit', updatedAt: '2026-11-21T10:00:00Z' }));
    assert.equal((await st.apply(logisticsEvent({ shopId, status: 'pending', updatedAt: '2026-11-21T09:00:00Z' }))).applied, false);
    assert.equal((await st.apply(logisticsEvent({ shopId, status: 'out_for_delivery', updatedAt: '2026-11-21T10:00:00Z' }))).applied, true, 'same second, later status');
    assert.equal((await st.apply(logisticsEvent({ shopId, status: 'delivered', updatedAt: '2026-11-22T09:00:00Z' }))).applied, true);
    const l = await st.sql.db.selectFrom('shop_logistics').selectAll().where('shop_id', '=', shopId).executeTakeFirstOrThrow();
    assert.equal(l.status, 'delivered');
    await st.apply(aftersaleEvent({ shopId, status: 'approved', amount: '10', updatedAt: '2026-11-22T10:00:00Z' }));
    assert.equal((await st.apply(aftersaleEvent({ shopId, status: 'requested', updatedAt: '2026-11-22T08:00:00Z' }))).applied, false);
    assert.equal((await st.apply(aftersaleEvent({ shopId, status: 'requested', updatedAt: '2026-11-22T10:00:00Z' }))).applied, false, 'same second, earlier status');
    const a = await st.sql.db.selectFrom('shop_aftersales').selectAll().where('shop_id', '=', shopId).executeTakeFirstOrThrow();
    assert.equal(a.status, 'approved');
    assert.equal(a.amount, '10.00');
  });

  test('receiver phone, address and name are not stored in plaintext', async () => {
    await st.apply(orderEvent({ shopId: 'pii' }));
    const raw = await rawSql<Record<string, unknown>>`select * from shop_orders where shop_id = 'pii'`.execute(st.sql.db);
    const text = JSON.stringify(raw.rows);
    for (const secret of ['13812345678', '1234', '文三路', '测试用户']) assert.ok(!text.includes(secret), `found ${secret} in ${text}`);
    assert.match(String(raw.rows[0]!.receiver_phone_enc), /^v1\.test\./);
  });
}

/** The shop's parcel rows, tombstones included: `order:tracking:status`, `removed` for a tombstone. */
async function parcelRows(st: Suite, shopId: string): Promise<string[]> {
  const rows = await st.sql.db.selectFrom('shop_logistics').selectAll().where('shop_id', '=', shopId).orderBy('order_id').orderBy('tracking_no').execute();
  return rows.map((r) => `${r.order_id}:${r.tracking_no}:${r.removed ? 'removed' : r.status}`);
}

const APPLIED = { applied: true, duplicate: false };
const NOT_APPLIED = { applied: false, duplicate: false };

function parcelTests(st: Suite): void {
  test('an order shipped as two parcels keeps both, one per tracking number', async () => {
    const shopId = 'split';
    assert.deepEqual(await st.apply(logisticsEvent({ shopId, carrier: '京东物流', trackingNo: 'JD0088112233', status: 'in_transit' })), APPLIED);
    assert.deepEqual(await st.apply(logisticsEvent({ shopId, carrier: '京东物流', trackingNo: 'JD0088112299', status: 'pending' })), APPLIED);
    assert.deepEqual(await parcelRows(st, shopId), ['O1:JD0088112233:in_transit', 'O1:JD0088112299:pending']);
  });

  test('the older-updatedAt and same-second rules hold per parcel', async () => {
    const shopId = 'split_rule';
    const at = (trackingNo: string, status: string, updatedAt: string) => st.apply(logisticsEvent({ shopId, trackingNo, status, updatedAt }));
    await at('JD1', 'in_transit', '2026-11-21T10:00:00Z');
    // Older than JD1 but the first of JD2: stored.
    assert.deepEqual(await at('JD2', 'pending', '2026-11-21T08:00:00Z'), APPLIED);
    assert.deepEqual(await at('JD1', 'pending', '2026-11-21T09:00:00Z'), NOT_APPLIED, 'older than its own parcel');
    assert.deepEqual(await at('JD1', 'pending', '2026-11-21T10:00:00Z'), NOT_APPLIED, 'same second, earlier status');
    assert.deepEqual(await at('JD2', 'in_transit', '2026-11-21T08:00:00Z'), APPLIED, 'same second, later status');
    assert.deepEqual(await at('JD2', 'delivered', '2026-11-21T09:00:00Z'), APPLIED, 'older than JD1, newer than itself');
    assert.deepEqual(await parcelRows(st, shopId), ['O1:JD1:in_transit', 'O1:JD2:delivered']);
  });
}

function onlyParcelTests(st: Suite): void {
  // Found in review: a platform that corrects a tracking number (the contract's one parcel per
  // order) had its wrong number kept as a second parcel, and a late older event stored too.
  test('without split, a parcel is the order\'s only one: a newer number replaces the old; an older one delivered late is not applied', async () => {
    const shopId = 'only';
    const at = (trackingNo: string, updatedAt: string, split = false) => st.apply(logisticsEvent({ shopId, trackingNo, updatedAt, split }));
    assert.deepEqual(await at('SF_WRONG', '2026-11-21T10:00:00Z'), APPLIED);
    assert.deepEqual(await at('SF_RIGHT', '2026-11-21T11:00:00Z'), APPLIED);
    assert.deepEqual(await parcelRows(st, shopId), ['O1:SF_RIGHT:in_transit', 'O1:SF_WRONG:removed']);
    assert.deepEqual(await at('SF_OLD', '2026-11-21T09:00:00Z'), NOT_APPLIED, 'older than the order\'s parcel');
    assert.deepEqual(await parcelRows(st, shopId), ['O1:SF_RIGHT:in_transit', 'O1:SF_WRONG:removed']);
    // A split parcel joins it; a later unsplit one replaces both.
    assert.deepEqual(await at('JD_2', '2026-11-21T12:00:00Z', true), APPLIED);
    assert.deepEqual(await parcelRows(st, shopId), ['O1:JD_2:in_transit', 'O1:SF_RIGHT:in_transit', 'O1:SF_WRONG:removed']);
    assert.deepEqual(await at('SF_LAST', '2026-11-21T13:00:00Z'), APPLIED);
    assert.deepEqual(await parcelRows(st, shopId), ['O1:JD_2:removed', 'O1:SF_LAST:in_transit', 'O1:SF_RIGHT:removed', 'O1:SF_WRONG:removed']);
  });

  test('two unsplit parcels of one order delivered at once leave one live parcel, the newer (the per-order lock)', async () => {
    for (let round = 0; round < 5; round++) {
      const shopId = `only_race_${round}`;
      await Promise.all([
        st.apply(logisticsEvent({ shopId, trackingNo: 'SF_A', updatedAt: '2026-11-21T10:00:00Z', split: false })),
        st.apply(logisticsEvent({ shopId, trackingNo: 'SF_B', updatedAt: '2026-11-21T11:00:00Z', split: false })),
      ]);
      const live = (await parcelRows(st, shopId)).filter((r) => !r.endsWith(':removed'));
      assert.deepEqual(live, ['O1:SF_B:in_transit'], `round ${round}`);
    }
  });
}

function removalTests(st: Suite): void {
  test('logistics.removed withdraws that parcel only; a redelivery or a replay of it changes nothing', async () => {
    const shopId = 'removal';
    await st.apply(logisticsEvent({ shopId, trackingNo: 'JD0088112233', updatedAt: '2026-11-21T10:00:00Z' }));
    await st.apply(logisticsEvent({ shopId, trackingNo: 'JD0000000000', updatedAt: '2026-11-21T10:00:00Z' }));
    const removal = logisticsRemovedEvent({ shopId, trackingNo: 'JD0000000000', updatedAt: '2026-11-21T10:00:00Z' });
    assert.deepEqual(await st.apply(removal), APPLIED, 'a removal wins a tie with its parcel');
    assert.deepEqual(await parcelRows(st, shopId), ['O1:JD0000000000:removed', 'O1:JD0088112233:in_transit']);
    const row = await st.sql.db.selectFrom('shop_logistics').selectAll().where('shop_id', '=', shopId).where('tracking_no', '=', 'JD0000000000').executeTakeFirstOrThrow();
    assert.deepEqual([row.events, row.carrier, row.last_event_id], [[], '', removal.id], 'the tombstone keeps no trace of the parcel');
    assert.deepEqual(await st.apply(removal), { applied: false, duplicate: true }, 'redelivered: the same id');
    assert.deepEqual(await st.apply({ ...removal, id: 'replayed-removal' }), NOT_APPLIED, 'replayed under a new id');
    assert.deepEqual(await st.apply(logisticsRemovedEvent({ shopId, trackingNo: 'JD0000000000', updatedAt: '2026-11-21T09:00:00Z' })), NOT_APPLIED, 'an older removal');
    // The parcel's own events delivered late, as new or as old as the removal: it stays withdrawn.
    assert.deepEqual(await st.apply(logisticsEvent({ shopId, trackingNo: 'JD0000000000', status: 'exception', updatedAt: '2026-11-21T10:00:00Z' })), NOT_APPLIED);
    assert.deepEqual(await st.apply(logisticsEvent({ shopId, trackingNo: 'JD0000000000', updatedAt: '2026-11-20T10:00:00Z' })), NOT_APPLIED);
    assert.deepEqual(await parcelRows(st, shopId), ['O1:JD0000000000:removed', 'O1:JD0088112233:in_transit']);
    // A newer parcel of that number is the platform sending it again: it is back.
    assert.deepEqual(await st.apply(logisticsEvent({ shopId, trackingNo: 'JD0000000000', status: 'in_transit', updatedAt: '2026-11-21T11:00:00Z' })), APPLIED);
    assert.deepEqual(await parcelRows(st, shopId), ['O1:JD0000000000:in_transit', 'O1:JD0088112233:in_transit']);
  });

  test('a removal older than the parcel leaves it; one that arrives before its parcel keeps that parcel out', async () => {
    const shopId = 'removal_order';
    await st.apply(logisticsEvent({ shopId, trackingNo: 'SF1', updatedAt: '2026-11-21T10:00:00Z' }));
    assert.deepEqual(await st.apply(logisticsRemovedEvent({ shopId, trackingNo: 'SF1', updatedAt: '2026-11-21T09:59:59Z' })), NOT_APPLIED);
    assert.deepEqual(await st.apply(logisticsRemovedEvent({ shopId, orderId: 'O2', trackingNo: 'SF2', updatedAt: '2026-11-21T10:00:00Z' })), APPLIED);
    assert.deepEqual(await st.apply(logisticsEvent({ shopId, orderId: 'O2', trackingNo: 'SF2', updatedAt: '2026-11-21T09:00:00Z' })), NOT_APPLIED);
    assert.deepEqual(await parcelRows(st, shopId), ['O1:SF1:in_transit', 'O2:SF2:removed']);
  });

  test('route: a bad logistics.removed is 400 naming the field, and nothing is written', async () => {
    const app = bareApp(st.sql);
    try {
      await st.apply(logisticsEvent({ shopId: 'bad_removal', trackingNo: 'SF1' }));
      const before = await counts(st.sql);
      const good = logisticsRemovedEvent({ shopId: 'bad_removal', trackingNo: 'SF1' });
      const bad: Array<[unknown, string]> = [
        [{ ...good, data: { orderId: 'O1', updatedAt: good.data.updatedAt } }, 'data.trackingNo'],
        [{ ...good, data: { ...good.data, trackingNo: '' } }, 'data.trackingNo'],
        [{ ...good, data: { ...good.data, trackingNo: 'x'.repeat(129) } }, 'data.trackingNo'],
        [{ ...good, data: { ...good.data, orderId: 'O\u0000' } }, 'data.orderId'],
        [{ ...good, data: { ...good.data, updatedAt: 'yesterday' } }, 'data.updatedAt'],
        [{ ...good, type: 'logistics.deleted' }, 'type'],
      ];
      for (const [body, field] of bad) {
        const res = await post(app, JSON.stringify(body));
        assert.equal(res.statusCode, 400, field);
        assert.deepEqual([res.json().error.code, res.json().error.message.split(' ')[0]], ['BAD_REQUEST', field]);
      }
      assert.deepEqual(await counts(st.sql), before);
      assert.deepEqual(await parcelRows(st, 'bad_removal'), ['O1:SF1:in_transit']);
      assert.deepEqual((await post(app, JSON.stringify(good))).json(), { ok: true, duplicate: false, applied: true });
      assert.deepEqual(await parcelRows(st, 'bad_removal'), ['O1:SF1:removed']);
    } finally {
      await app.close();
    }
  });
}

function routeSignatureTests(st: Suite): void {
  test('route: the signed bytes are read whatever the content type says, or with none (twenty-first session: documented, after an outside tester read the general rule)', async () => {
    const app = bareApp(st.sql);
    try {
      const body = JSON.stringify(orderEvent({ shopId: 'route_ct' }));
      const body2 = JSON.stringify({ ...orderEvent({ shopId: 'route_ct' }), id: 'evt-ct-2' });
      const plain = await app.inject({ method: 'POST', url: '/api/v1/webhooks/platform', headers: { 'content-type': 'text/plain', 'x-kefu-signature': signBody(SECRET, body) }, payload: body });
      assert.equal(plain.statusCode, 200);
      // Over real HTTP: an injected request always gets a content type.
      const url = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
      const none = await new Promise<{ status: number; json: { error?: { details?: { field?: string } } } }>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, method: 'POST', path: '/api/v1/webhooks/platform', headers: { 'x-kefu-signature': signBody(SECRET, body2), 'content-length': Buffer.byteLength(body2) } }, (res) => {
          let data = '';
          res.on('data', (c: Buffer) => (data += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) }));
        });
        req.on('error', reject);
        req.end(body2);
      });
      assert.equal(none.status, 200, JSON.stringify(none.json));
    } finally {
      await app.close();
    }
  });

  test('route: good signature stores; bad or missing signature is 401 and stores nothing', async () => {
    const app = bareApp(st.sql);
    try {
      const body = JSON.stringify(orderEvent({ shopId: 'route' }));
      for (const sig of [null, 'sha256=' + '0'.repeat(64), signBody('wrong-secret-0123456789', body), 'garbage']) {
        const res = await post(app, body, sig);
        assert.equal(res.statusCode, 401, String(sig));
        assert.equal(res.json().error.code, 'UNAUTHORIZED');
      }
      assert.equal(await st.storedOrder('route', 'O1'), undefined);

      const ok = await post(app, body);
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.json(), { ok: true, duplicate: false, applied: true });
      const again = await post(app, body);
      assert.deepEqual(again.json(), { ok: true, duplicate: true, applied: false });
      assert.equal((await st.storedOrder('route', 'O1'))?.status, 'shipped');
    } finally {
      await app.close();
    }
  });

  test('route: a bad item price is 400 naming the field, and nothing is stored (not even the event id)', async () => {
    const app = bareApp(st.sql);
    try {
      const before = await counts(st.sql);
      const event = orderEvent({ shopId: 'badprice', price: '12.345' });
      const res = await post(app, JSON.stringify(event));
      assert.equal(res.statusCode, 400);
      const err = res.json().error;
      assert.equal(err.code, 'BAD_REQUEST');
      assert.match(err.message, /^data\.items\[0\]\.price /);
      assert.deepEqual(await counts(st.sql), before);
      // The platform fixes the price and resends the same id: it is processed, not a duplicate.
      const fixed = await post(app, JSON.stringify({ ...event, data: { ...event.data, items: [{ sku: 'S', title: 'T', quantity: 1, price: '12.34' }] } }));
      assert.deepEqual(fixed.json(), { ok: true, duplicate: false, applied: true });
    } finally {
      await app.close();
    }
  });
}

function routeOrderTermsTests(st: Suite): void {
  test('route: a bad order term is 400 naming the field, and nothing is stored; a good one is stored', async () => {
    const app = bareApp(st.sql);
    try {
      const before = await counts(st.sql);
      const event = orderEvent({ shopId: 'terms', status: 'cancelled', shipBy: '2026-12-15T18:00:00+08:00', cancelReason: 'out of stock' });
      for (const [data, field] of [
        [{ shipBy: 'next Friday' }, 'data.shipBy'],
        [{ payBy: '2026-11-20T10:30:00' }, 'data.payBy'],
        [{ cancelReason: 'x'.repeat(501) }, 'data.cancelReason'],
        [{ cancelReason: 'out of\u001bstock' }, 'data.cancelReason'],
      ] as const) {
        const res = await post(app, JSON.stringify({ ...event, data: { ...event.data, ...data } }));
        assert.equal(res.statusCode, 400, field);
        assert.deepEqual([res.json().error.code, res.json().error.details?.field], ['BAD_REQUEST', field]);
        assert.ok(res.json().error.message.startsWith(`${field} `), res.json().error.message);
      }
      assert.deepEqual(await counts(st.sql), before);
      assert.deepEqual((await post(app, JSON.stringify(event))).json(), { ok: true, duplicate: false, applied: true });
      const row = await st.storedOrder('terms', 'O1');
      assert.deepEqual([row?.ship_by?.toISOString(), row?.pay_by, row?.cancel_reason], ['2026-12-15T10:00:00.000Z', null, 'out of stock']);
    } finally {
      await app.close();
    }
  });
}

function routeParsingTests(st: Suite): void {
  test('route: invalid JSON is 400, an oversized body 413, and the JSON parser of sibling routes is untouched', async () => {
    const app = bareApp(st.sql);
    try {
      const bad = await post(app, '{"id": ');
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'BAD_REQUEST');
      const big = Buffer.alloc(1024 * 1024 + 10, 0x20);
      const tooBig = await post(app, big);
      assert.equal(tooBig.statusCode, 413);
      assert.equal(tooBig.json().error.code, 'TOO_LARGE');
      const echo = await app.inject({ method: 'POST', url: '/api/v1/echo', payload: { a: 1 } });
      assert.deepEqual(echo.json(), { body: { a: 1 } });
    } finally {
      await app.close();
    }
  });

  test('route: a time more than ten minutes ahead of the clock is 400 naming the field, nothing stored; a promise ahead is fine', async () => {
    const app = bareApp(st.sql);
    const soon = new Date(Date.now() + 5 * 60_000).toISOString();
    const later = new Date(Date.now() + 15 * 60_000).toISOString();
    try {
      const before = await counts(st.sql);
      const order = orderEvent({ shopId: 'ahead', orderId: 'A1', updatedAt: later });
      const refused = await post(app, JSON.stringify(order));
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.code, 'BAD_REQUEST');
      assert.equal(refused.json().error.details.field, 'data.updatedAt');
      assert.match(refused.json().error.message, /ahead of kefu's clock/);
      const parcel = logisticsEvent({ shopId: 'ahead', orderId: 'A1', updatedAt: soon }) as { data: { events: { time: string }[] } };
      parcel.data.events[0]!.time = later;
      assert.equal((await post(app, JSON.stringify(parcel))).json().error.details.field, 'data.events[0].time');
      const stamped = { ...aftersaleEvent({ shopId: 'ahead', orderId: 'A1' }), occurredAt: later };
      assert.equal((await post(app, JSON.stringify(stamped))).json().error.details.field, 'occurredAt');
      assert.deepEqual(await counts(st.sql), before);
      // A small skew passes, and shipBy is a promise, so it may be far ahead.
      const fine = await post(app, JSON.stringify(orderEvent({ shopId: 'ahead', orderId: 'A1', updatedAt: soon, shipBy: later })));
      assert.deepEqual(fine.json(), { ok: true, duplicate: false, applied: true });
    } finally {
      await app.close();
    }
  });

  test('route: onApplied runs after commit, only for applied events, and its failure does not fail the webhook', async () => {
    const seen: string[] = [];
    const app = bareApp(st.sql, (e) => {
      seen.push(e.id);
      throw new Error('listener broke');
    });
    try {
      const first = orderEvent({ shopId: 'listen', updatedAt: '2026-11-20T10:00:00Z' });
      const stale = orderEvent({ shopId: 'listen', updatedAt: '2026-11-19T10:00:00Z' });
      assert.equal((await post(app, JSON.stringify(first))).statusCode, 200);
      assert.equal((await post(app, JSON.stringify(first))).statusCode, 200);
      assert.deepEqual((await post(app, JSON.stringify(stale))).json(), { ok: true, duplicate: false, applied: false });
      assert.deepEqual(seen, [first.id]);
    } finally {
      await app.close();
    }
  });
}

function rollbackTests(st: Suite): void {
  test('a failure inside the transaction leaves neither the record nor the event id', async () => {
    const event = parsePlatformEvent(orderEvent({ shopId: 'rollback' }));
    // An empty keyring makes encryption throw after the event id was inserted.
    await assert.rejects(applyPlatformEvent(st.sql, [], event));
    assert.equal(await st.storedOrder('rollback', 'O1'), undefined);
    const ev = await st.sql.db.selectFrom('webhook_events').selectAll().where('shop_id', '=', 'rollback').execute();
    assert.equal(ev.length, 0);
    assert.equal((await applyPlatformEvent(st.sql, KEYRING, event)).applied, true);
  });
}
