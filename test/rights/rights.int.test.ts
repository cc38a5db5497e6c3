// Buyers' data rights on real PostgreSQL and on the embedded PGlite (with Redis when it
// answers), through a whole node: messages sent over the socket, shop data through the signed
// webhook, the routes with real tokens. Export: exactly the caller's data, every shop, receiver
// decrypted, nothing of another buyer. Erasure: redacts and audits, drops the hot history,
// touches nothing of other buyers or shops, and a second erasure is harmless. Retention: the
// sweep deletes only that shop's old messages, in batches, under its lock.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { connect, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import { needsPg, PG_URL, REDIS_URL, testRedisPrefix, testSchema } from '../support/services.ts';
import { AUD, ISS } from '../auth/support.ts';
import { signBody } from '../../src/commerce/index.ts';
import { ERASED_TEXT } from '../../src/rights/index.ts';
import { keys, locks } from '../../src/storage/keys.ts';

interface ExportDoc {
  buyerId: string;
  conversations: Array<{ conversationId: string; shopId: string; messages: Array<{ seq: number; senderRole: string; content: { text?: string } }>; rating: { score: number; comment: string | null; createdAt: string } | null }>;
  shops: Array<{ shopId: string; orders: Array<{ orderId: string; receiver: { name: string | null; phone: string | null; address: string | null }; shipBy: string | null; payBy: string | null; cancelReason: string | null }>; parcels: Array<{ orderId: string; trackingNo: string }>; aftersales: Array<{ aftersaleId: string }> }>;
}

// The embedded store too: it is what `npm start` runs on.
for (const store of ['PostgreSQL', 'PGlite'] as const) describe(`buyers' data rights (${store})`, { skip: store === 'PostgreSQL' && needsPg }, () => {
  let issuer: Issuer;
  let node: Node;
  before(async () => {
    issuer = await startIssuer();
    node = await startNode({
      ...(store === 'PostgreSQL' ? { KEFU_DATABASE_URL: PG_URL!, KEFU_DATABASE_SCHEMA: testSchema('rights') } : {}),
      ...(REDIS_URL ? { KEFU_REDIS_URL: REDIS_URL, KEFU_REDIS_KEY_PREFIX: testRedisPrefix('rights') } : {}),
      KEFU_OAUTH_JWKS_URL: issuer.jwks.url,
      KEFU_OAUTH_ISSUER: ISS,
      KEFU_OAUTH_AUDIENCE: AUD,
      KEFU_ROBOT: 'false',
    });
  });
  after(async () => {
    await node?.close();
    await issuer?.close();
  });

  const auth = async (claims: { sub: string; scope: string; shop_id?: string }) => ({ authorization: `Bearer ${await issuer.token(claims)}` });
  const buyer = (sub: string) => auth({ sub, scope: 'cs:customer' });
  const admin = (shop: string) => auth({ sub: `admin_${shop}`, scope: 'cs:admin', shop_id: shop });
  const api = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const r = await fetch(`${node.url}/api/v1${path}`, { method, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> & { error?: { code: string } } };
  };
  const exportOf = async (sub: string) => {
    const r = await api('GET', '/me/export', await buyer(sub));
    assert.equal(r.status, 200);
    return r.body as unknown as ExportDoc;
  };
  let eventNo = 0;
  const webhook = async (shopId: string, type: string, data: Record<string, unknown>) => {
    const raw = JSON.stringify({ id: `evt-rights-${++eventNo}`, type, shopId, occurredAt: '2026-11-27T08:00:00Z', data });
    const r = await fetch(`${node.url}/api/v1/webhooks/platform`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kefu-signature': signBody(node.rt.webhookSecret, raw) }, body: raw });
    assert.ok(r.status < 300, `webhook ${type}: ${r.status} ${await r.text()}`);
  };
  const order = (shopId: string, orderId: string, userId: string, name: string, terms: Record<string, string> = {}) =>
    webhook(shopId, 'order.upserted', {
      ...terms,
      orderId,
      userId,
      status: 'shipped',
      items: [{ sku: 'S1', title: 'Tea', quantity: 1, price: '9.90' }],
      totalAmount: '9.90',
      currency: 'CNY',
      receiver: { name, phone: '+86 138 0000 0000', address: `${name} Road 1` },
      createdAt: '2026-11-20T08:00:00Z',
      updatedAt: '2026-11-20T08:00:00Z',
    });
  /** Sends texts as the buyer to the shop; returns the conversation id. */
  const chat = async (sub: string, shopId: string, texts: readonly string[]) => {
    const c = await connect(node.url, (await buyer(sub)).authorization.slice('Bearer '.length));
    try {
      let conversationId = '';
      for (const t of texts) conversationId = (await c.sendText(conversationId ? { conversationId } : { shopId }, t)).conversationId;
      return conversationId;
    } finally {
      await c.close();
    }
  };
  const db = () => node.rt.storage.sql.db;

  let aShop1 = '';
  let aShop2 = '';
  let bShop1 = '';
  before(async () => {
    aShop1 = await chat('rb_alice', 'rs_1', ['alice one', 'alice two', 'alice three']);
    aShop2 = await chat('rb_alice', 'rs_2', ['alice in shop two']);
    bShop1 = await chat('rb_bob', 'rs_1', ['bob one']);
    await order('rs_1', 'O-A1', 'rb_alice', 'Alice');
    await order('rs_1', 'O-B1', 'rb_bob', 'Bob');
    await order('rs_2', 'O-A2', 'rb_alice', 'Alice', { shipBy: '2026-11-22T18:00:00+08:00', payBy: '2026-11-20T08:30:00Z', cancelReason: 'out of stock' });
    await webhook('rs_1', 'logistics.upserted', { orderId: 'O-A1', carrier: 'SF', trackingNo: 'SF-A1', status: 'in_transit', events: [{ time: '2026-11-21T08:00:00Z', description: 'picked up' }], updatedAt: '2026-11-21T08:00:00Z', split: true });
    // O-A1 shipped in two parcels; a third tracking number was sent by mistake and withdrawn.
    await webhook('rs_1', 'logistics.upserted', { orderId: 'O-A1', carrier: 'SF', trackingNo: 'SF-A1b', status: 'pending', events: [], updatedAt: '2026-11-21T08:00:00Z', split: true });
    await webhook('rs_1', 'logistics.upserted', { orderId: 'O-A1', carrier: 'SF', trackingNo: 'SF-A1x', status: 'pending', events: [], updatedAt: '2026-11-21T08:00:00Z', split: true });
    await webhook('rs_1', 'logistics.removed', { orderId: 'O-A1', trackingNo: 'SF-A1x', updatedAt: '2026-11-21T09:00:00Z' });
    await webhook('rs_1', 'logistics.upserted', { orderId: 'O-B1', carrier: 'SF', trackingNo: 'SF-B1', status: 'in_transit', events: [], updatedAt: '2026-11-21T08:00:00Z' });
    await webhook('rs_1', 'aftersale.upserted', { aftersaleId: 'AS-A1', orderId: 'O-A1', userId: 'rb_alice', type: 'refund', status: 'requested', reason: 'broken cup', updatedAt: '2026-11-22T08:00:00Z' });
    await sql`insert into conversation_ratings (conversation_id, shop_id, buyer_id, score, comment) values (${aShop1}, 'rs_1', 'rb_alice', 4, 'kind agent, my phone is 138')`.execute(db());
    await sql`insert into conversation_ratings (conversation_id, shop_id, buyer_id, score, comment) values (${bShop1}, 'rs_1', 'rb_bob', 2, 'bob says slow')`.execute(db());
    await sql`insert into conversation_notes (id, shop_id, conversation_id, author_id, text) values ('note-a', 'rs_1', ${aShop1}, 'agent_1', 'alice lives on Alice Road')`.execute(db());
  });

  test('export: exactly the caller\'s conversations, messages, ratings and shop data, receiver decrypted; nobody else\'s', async () => {
    const doc = await exportOf('rb_alice');
    assert.equal(doc.buyerId, 'rb_alice');
    assert.deepEqual(doc.conversations.map((c) => c.conversationId).sort(), [aShop1, aShop2].sort());
    const one = doc.conversations.find((c) => c.conversationId === aShop1)!;
    assert.deepEqual(one.messages.map((m) => m.content.text), ['alice one', 'alice two', 'alice three']);
    assert.deepEqual(one.messages.map((m) => m.seq), [1, 2, 3]);
    assert.deepEqual(one.rating, { score: 4, comment: 'kind agent, my phone is 138', createdAt: one.rating!.createdAt });
    const s1 = doc.shops.find((s) => s.shopId === 'rs_1')!;
    assert.deepEqual(s1.orders.map((o) => o.orderId), ['O-A1']);
    assert.deepEqual(s1.orders[0]!.receiver, { name: 'Alice', phone: '+86 138 0000 0000', address: 'Alice Road 1' });
    assert.deepEqual(s1.parcels.map((p) => p.trackingNo), ['SF-A1', 'SF-A1b'], 'every parcel of the order; not the withdrawn one');
    assert.ok(!JSON.stringify(doc).includes('SF-A1x'));
    assert.deepEqual(s1.aftersales.map((a) => a.aftersaleId), ['AS-A1']);
    assert.deepEqual(doc.shops.find((s) => s.shopId === 'rs_2')!.orders.map((o) => o.orderId), ['O-A2']);
    // The order's terms (extension), null where the platform sent none, as the export writes an after-sale's reason.
    const terms = (o: ExportDoc['shops'][number]['orders'][number]) => [o.shipBy, o.payBy, o.cancelReason];
    assert.deepEqual(terms(doc.shops.find((s) => s.shopId === 'rs_2')!.orders[0]!), ['2026-11-22T10:00:00.000Z', '2026-11-20T08:30:00.000Z', 'out of stock']);
    assert.deepEqual(terms(s1.orders[0]!), [null, null, null]);
    const text = JSON.stringify(doc);
    for (const foreign of ['bob', 'Bob', 'O-B1', 'SF-B1', bShop1]) assert.ok(!text.includes(foreign), `nothing of another buyer (${foreign})`);
    assert.ok(!text.includes('alice lives'), 'staff notes are not part of it');

    const bob = await exportOf('rb_bob');
    assert.deepEqual(bob.conversations.map((c) => c.conversationId), [bShop1]);
    assert.ok(!JSON.stringify(bob).includes('alice'), 'and the other way round');
    assert.equal((await exportOf('rb_nobody')).conversations.length, 0, 'a buyer kefu knows nothing of gets an empty export');

    assert.equal((await api('GET', '/me/export', {})).status, 401);
    assert.equal((await api('GET', '/me/export', await admin('rs_1'))).status, 403, 'staff have no export of their own');
  });

  test('erasure: redacts, removes PII, drops the hot history, audits; other buyers and shops untouched; a second one is harmless', async () => {
    const h = await admin('rs_1');
    assert.equal((await api('DELETE', '/shops/rs_1/buyers/rb_alice', await admin('rs_2'))).status, 403, 'an admin of another shop');
    assert.equal((await api('DELETE', '/shops/rs_1/buyers/rb_alice', await auth({ sub: 'agent_1', scope: 'cs:agent', shop_id: 'rs_1' }))).status, 403, 'an agent');
    assert.equal((await api('DELETE', '/shops/rs_1/buyers/rb_alice', await buyer('rb_alice'))).status, 403, 'the buyer');
    // Found from outside: suggestions quote the buyer's question, a phone number too, and outlived
    // the erasure. An open one goes; one accepted into the FAQ keeps its record without the words.
    const suggest = (id: string, conv: string, seq: number, status: string) =>
      sql`insert into faq_suggestions (id, shop_id, conversation_id, question_seq, question, answer, kind, status) values (${id}, 'rs_1', ${conv}, ${seq}, ${'适合苹果15吗，我的手机号13700009999'}, 'yes', 'entry', ${status})`.execute(db());
    await suggest('sg_open', aShop1, 1, 'open');
    await suggest('sg_taken', aShop1, 2, 'accepted');
    await suggest('sg_bob', bShop1, 1, 'open');
    // The hot history holds the texts now (the sends wrote it): the erasure must not leave them there. Nor the robot's open
    // question kept for the buyer's next conversation (its orders' ids), nor another buyer's.
    await node.rt.storage.cache.set(keys.botCarry('rs_1', 'rb_alice'), '{"v":1,"failures":0,"pending":{"intent":"parcel","orderIds":["O-A1"]}}', 60_000);
    await node.rt.storage.cache.set(keys.botCarry('rs_1', 'rb_bob'), '{"v":1,"failures":0,"offeredHuman":true}', 60_000);
    const first = await api('DELETE', '/shops/rs_1/buyers/rb_alice', h);
    assert.ok(!(await node.rt.storage.cache.get(keys.botCarry('rs_1', 'rb_alice'))));
    assert.ok(await node.rt.storage.cache.get(keys.botCarry('rs_1', 'rb_bob')));
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.actorId, 'admin_rs_1');
    assert.equal(first.body.buyerId, 'rb_alice');
    assert.deepEqual(first.body.counts, { conversations: 0, messages: 3, notes: 1, ratings: 1, orders: 1, parcels: 2, aftersales: 1, suggestions: 2 });
    const parcelsLeft = await sql<{ n: number }>`select count(*)::int as n from shop_logistics where shop_id = 'rs_1' and order_id = 'O-A1'`.execute(db());
    assert.equal(parcelsLeft.rows[0]!.n, 0, 'both parcels, and the withdrawn one\'s tombstone, are gone');
    const left = (await sql<{ id: string; question: string }>`select id, question from faq_suggestions where shop_id = 'rs_1' order by id`.execute(db())).rows;
    assert.deepEqual(left, [{ id: 'sg_bob', question: '适合苹果15吗，我的手机号13700009999' }, { id: 'sg_taken', question: ERASED_TEXT }], "another buyer's stays");

    const doc = await exportOf('rb_alice');
    const one = doc.conversations.find((c) => c.conversationId === aShop1)!;
    assert.deepEqual(one.messages.map((m) => m.content.text), [ERASED_TEXT, ERASED_TEXT, ERASED_TEXT]);
    assert.deepEqual(one.messages.map((m) => m.seq), [1, 2, 3], 'the rows stay: no gap in seqs');
    assert.equal(one.rating?.comment, null);
    assert.equal(one.rating?.score, 4, 'the score is no personal data');
    assert.equal(doc.shops.find((s) => s.shopId === 'rs_1'), undefined, 'no order, parcel or after-sale left in that shop');
    assert.deepEqual(doc.conversations.find((c) => c.conversationId === aShop2)!.messages.map((m) => m.content.text), ['alice in shop two'], 'another shop is untouched');
    assert.deepEqual(doc.shops.map((s) => s.shopId), ['rs_2']);
    const bob = await exportOf('rb_bob');
    assert.deepEqual(bob.conversations[0]!.messages.map((m) => m.content.text), ['bob one'], 'another buyer is untouched');
    assert.deepEqual(bob.shops[0]!.orders.map((o) => o.orderId), ['O-B1']);
    const note = await sql<{ text: string }>`select text from conversation_notes where id = 'note-a'`.execute(db());
    assert.equal(note.rows[0]!.text, ERASED_TEXT);

    // What the buyer's devices sync now (the hot history would answer first): the redacted text.
    const c = await connect(node.url, (await buyer('rb_alice')).authorization.slice('Bearer '.length));
    try {
      assert.deepEqual((await c.syncAll(aShop1, 0)).map((m) => (m.content as { text: string }).text), [ERASED_TEXT, ERASED_TEXT, ERASED_TEXT]);
    } finally {
      await c.close();
    }

    const second = await api('POST', '/shops/rs_1/buyers/rb_alice/erase', h);
    assert.equal(second.status, 200);
    assert.deepEqual(second.body.counts, { conversations: 0, messages: 0, notes: 0, ratings: 0, orders: 0, parcels: 0, aftersales: 0, suggestions: 0 });
    const audit = await api('GET', '/shops/rs_1/erasures', h);
    const items = audit.body.items as Array<{ id: string; buyerId: string; actorId: string; counts: Record<string, number>; erasedAt: string }>;
    assert.deepEqual(items.map((i) => i.id), [second.body.id, first.body.id], 'both kept, newest first');
    assert.ok(items.every((i) => i.buyerId === 'rb_alice' && i.actorId === 'admin_rs_1' && !Number.isNaN(Date.parse(i.erasedAt))));
    assert.equal(items[1]!.counts.messages, 3);
    assert.deepEqual((await api('GET', '/shops/rs_2/erasures', await admin('rs_2'))).body.items, [], 'another shop sees none of it');
    assert.equal((await api('GET', '/shops/rs_1/erasures?limit=0', h)).status, 400);
    // Paged with before: the erasure the last page ended with (found from outside: no cursor).
    const page2 = await api('GET', `/shops/rs_1/erasures?limit=1&before=${second.body.id}`, h);
    assert.deepEqual((page2.body.items as Array<{ id: string }>).map((i) => i.id), [first.body.id]);
    assert.deepEqual((await api('GET', `/shops/rs_1/erasures?before=${first.body.id}`, h)).body.items, []);
    assert.equal((await api('GET', `/shops/rs_2/erasures?before=${first.body.id}`, await admin('rs_2'))).status, 400, "another shop's erasure is no cursor");
  });

  test('retention: validated, default keep; the sweep deletes only that shop\'s old messages, in batches, one node at a time', async () => {
    const h = await admin('rs_3');
    assert.deepEqual((await api('GET', '/shops/rs_3/settings/retention', h)).body.messageDays, null, 'default: keep');
    for (const bad of [{ messageDays: 0 }, { messageDays: 1.5 }, { messageDays: '30' }, { messageDays: 30, extra: 1 }, {}, { messageDays: 36501 }]) {
      const r = await api('PUT', '/shops/rs_3/settings/retention', h, bad);
      assert.equal(r.status, 400, JSON.stringify(bad));
      assert.equal(r.body.error?.code, 'BAD_REQUEST');
      // Every wrong number says the rule in days (the admin page shows it translated).
      if (typeof bad.messageDays === 'number' && !('extra' in bad)) assert.equal((r.body.error as { message?: string } | undefined)?.message, 'messageDays: must be a whole number of days from 1 to 36500, or null', JSON.stringify(bad));
    }
    assert.equal((await api('PUT', '/shops/rs_3/settings/retention', await admin('rs_4'), { messageDays: 30 })).status, 403);
    const set = await api('PUT', '/shops/rs_3/settings/retention', h, { messageDays: 30 });
    assert.equal(set.status, 200);
    assert.equal(set.body.messageDays, 30);
    assert.equal(set.body.updatedBy, 'admin_rs_3');

    // Five messages in rs_3 and five in rs_4 (no retention); the first three of each are 40 days old.
    const c3 = await chat('rb_carol', 'rs_3', ['c1', 'c2', 'c3', 'c4', 'c5']);
    const c4 = await chat('rb_carol', 'rs_4', ['d1', 'd2', 'd3', 'd4', 'd5']);
    await sql`update messages set created_at = now() - interval '40 days' where conversation_id in (${c3}, ${c4}) and seq <= 3`.execute(db());
    // Suggestions quote buyers' messages: an old open one goes with them; an accepted one is the shop's FAQ now.
    const suggestion = (id: string, shopId: string, conv: string, seq: number, status: string, days: number) =>
      sql`insert into faq_suggestions (id, shop_id, conversation_id, question_seq, question, answer, kind, status, created_at) values (${id}, ${shopId}, ${conv}, ${seq}, 'q', 'a', 'entry', ${status}, now() - ${days} * interval '1 day')`.execute(db());
    await suggestion('sr_old', 'rs_3', c3, 1, 'open', 40);
    await suggestion('sr_taken', 'rs_3', c3, 2, 'accepted', 40);
    await suggestion('sr_new', 'rs_3', c3, 4, 'open', 1);
    await suggestion('sr_other', 'rs_4', c4, 1, 'open', 40);

    // Another node holds the sweep lock: this one leaves the round to it. (PGlite is one
    // connection, one process: there is no other node, and a second transaction would wait.)
    if (store === 'PostgreSQL') {
      const held = await node.rt.storage.sql.transaction(async (tx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${locks.retentionSweep}))`.execute(tx);
        return node.rt.rights.sweep();
      });
      assert.equal(held.skipped, true);
    }

    const r = await node.rt.rights.sweep({ batch: 2 });
    assert.equal(r.skipped, false);
    assert.equal(r.deleted, 3);
    const left = async (id: string) => (await sql<{ seq: number }>`select seq from messages where conversation_id = ${id} order by seq`.execute(db())).rows.map((x) => Number(x.seq));
    assert.deepEqual(await left(c3), [4, 5], 'the old messages of that shop went (in two batches of at most 2)');
    assert.deepEqual(await left(c4), [1, 2, 3, 4, 5], 'another shop keeps its old messages');
    assert.deepEqual(await left(aShop2), [1], 'and so does every other shop');
    const kept = (await sql<{ id: string }>`select id from faq_suggestions where id like 'sr_%' order by id`.execute(db())).rows.map((x) => x.id);
    assert.deepEqual(kept, ['sr_new', 'sr_other', 'sr_taken'], 'the old open suggestion went with the messages');
    const c = await connect(node.url, (await buyer('rb_carol')).authorization.slice('Bearer '.length));
    try {
      assert.deepEqual((await c.syncAll(c3, 0)).map((m) => m.seq), [4, 5], 'a sync does not get the deleted ones back from the hot history');
    } finally {
      await c.close();
    }
    assert.deepEqual(await node.rt.rights.sweep(), { shops: 0, deleted: 0, skipped: false }, 'swept today already');
    assert.ok((await api('GET', '/shops/rs_3/settings/retention', h)).body.lastSweptAt);

    assert.equal((await api('PUT', '/shops/rs_3/settings/retention', h, { messageDays: null })).body.messageDays, null, 'back to keep');
  });
});
