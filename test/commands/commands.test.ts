/**
 * Commands end to end in one process, on PGlite and on the real PostgreSQL: the routes, the
 * idempotency of POST, the worker against the demo platform (told to fail, hang or refuse),
 * manual compensation, the lock's scheduled release, frames, notes and the gauge.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { locks } from '../../src/storage/keys.ts';
import { SQL_FACTORIES } from '../support/services.ts';
import { caller, commandFrames, coupon, createHarness, insertConversation, ops, OTHER_SHOP, SHOP, WORKER, type Harness } from './support.ts';

for (const factory of SQL_FACTORIES) {
  describe(`commands on ${factory.name}`, { skip: factory.skip }, () => {
    let h: Harness;
    before(async () => {
      h = await createHarness(factory);
    });
    after(async () => {
      await h?.close();
    });

    test('refused requests store nothing: role, shop, Idempotency-Key, type, payload', async () => {
      const cases: Array<[Parameters<Harness['post']>, number, string?]> = [
        [[coupon(), { key: 'k0', headers: caller('agent', 'agent_1', SHOP) }], 403],
        [[coupon(), { key: 'k0', headers: caller('admin', 'admin_1', SHOP) }], 403],
        [[coupon(), { key: 'k0', headers: ops(OTHER_SHOP) }], 403],
        [[coupon(), {}], 400, 'Idempotency-Key'],
        [[coupon(), { key: '' }], 400, 'Idempotency-Key'],
        [[coupon(), { key: 'x'.repeat(256) }], 400, 'Idempotency-Key'],
        [[{ type: 'coupon.refund', payload: { userId: 'b' } }, { key: 'k1' }], 400, 'type'],
        [[{ type: 'inventory.release', payload: {} }, { key: 'k1' }], 400, 'type'],
        [[{ type: 'coupon.issue', payload: { userId: 'b', amount: '0.00' } }, { key: 'k1' }], 400, 'payload.amount'],
        [[{ type: 'coupon.issue', payload: { userId: 'b', amount: 5 } }, { key: 'k1' }], 400, 'payload.amount'],
        [[{ type: 'coupon.issue', payload: { userId: 'b', amount: '1.00', couponTemplateId: 'T1' } }, { key: 'k1' }], 400, 'payload'],
        [[{ type: 'coupon.issue', payload: { userId: 'b' } }, { key: 'k1' }], 400, 'payload'],
        [[{ type: 'price.change', payload: { sku: 'S', price: '-1' } }, { key: 'k1' }], 400, 'payload.price'],
        [[{ type: 'price.change', payload: { sku: 'S', price: '9.99', extra: 1 } }, { key: 'k1' }], 400, 'payload.extra'],
        [[{ type: 'inventory.lock', payload: { sku: 'S', quantity: 0, ttlSeconds: 5 } }, { key: 'k1' }], 400, 'payload.quantity'],
        [[{ type: 'inventory.lock', payload: { sku: 'S', quantity: 1 } }, { key: 'k1' }], 400, 'payload.ttlSeconds'],
        [[{ ...coupon(), conversationId: 'nope' }, { key: 'k1' }], 404],
      ];
      for (const [args, status, field] of cases) {
        const r = await h.post(...args);
        assert.equal(r.status, status, `${JSON.stringify(args)} → ${r.text}`);
        if (field) assert.equal((r.json.error as { details?: { field?: string } }).details?.field, field, r.text);
      }
      assert.equal(await h.count('commands'), 0);
      assert.equal(await h.count('command_idempotency_keys'), 0);
      const noToken = await h.app.inject({ method: 'POST', url: `/api/v1/shops/${SHOP}/commands`, headers: { 'idempotency-key': 'k' }, payload: coupon() });
      assert.equal(noToken.statusCode, 401);
    });

    test('202 with the command; the same key and body answers the first answer again, another body 422', async () => {
      const first = await h.post(coupon('buyer_9', '7'), { key: 'same-key' });
      assert.equal(first.status, 202, first.text);
      const id = first.json.commandId as string;
      assert.match(id, /^cmd_[0-9A-HJKMNP-TV-Z]{26}$/);
      assert.equal(first.json.commandType, 'coupon.issue');
      assert.equal(first.json.status, 'pending');
      assert.equal(first.json.attempts, 0);
      assert.deepEqual(first.json.payload, { userId: 'buyer_9', amount: '7.00' });
      assert.deepEqual(first.json.history, [{ at: first.json.createdAt, status: 'pending' }]);
      assert.equal(first.headers.location, `/api/v1/shops/${SHOP}/commands/${id}`);
      assert.equal(first.headers['idempotent-replayed'], undefined);

      // Same body with other key order and spacing: the same request.
      const again = await h.post({ payload: { amount: '7', userId: 'buyer_9' }, type: 'coupon.issue' }, { key: 'same-key' });
      assert.equal(again.status, 202);
      assert.equal(again.text, first.text, 'byte for byte the first answer');
      assert.equal(again.headers['idempotent-replayed'], 'true');

      const other = await h.post(coupon('buyer_9', '8'), { key: 'same-key' });
      assert.equal(other.status, 422);
      assert.equal((other.json.error as { code: string }).code, 'IDEMPOTENCY_MISMATCH');

      // Keys are per shop: the other shop's same key is a new command.
      const otherShop = await h.post(coupon('buyer_9', '7'), { key: 'same-key', shop: OTHER_SHOP, headers: ops(OTHER_SHOP) });
      assert.equal(otherShop.status, 202);
      assert.notEqual(otherShop.json.commandId, id);
      // Another shop's command id is not found under this shop.
      assert.equal((await h.get(`/${otherShop.json.commandId as string}`)).status, 404);

      const done = await h.waitFor(id, 'succeeded');
      assert.equal(done.attempts, 1);
      assert.match(String((done.result as { couponId: string }).couponId), /^CP/);
      assert.deepEqual((done.history as Array<{ status: string }>).map((e) => e.status), ['pending', 'running', 'succeeded']);
    });

    test('the same request 50 times at once with one key: one command, applied once; the others get the first answer or 409', async () => {
      const body = coupon('buyer_50', '50.00');
      const answers = await Promise.all(Array.from({ length: 50 }, () => h.post(body, { key: 'storm' })));
      const created = answers.filter((a) => a.status === 202);
      const conflicts = answers.filter((a) => a.status === 409);
      assert.equal(created.length + conflicts.length, 50, answers.map((a) => a.status).join(','));
      assert.ok(created.length >= 1);
      assert.equal(new Set(created.map((a) => a.text)).size, 1, 'every 202 is the first answer');
      assert.equal(created.filter((a) => a.headers['idempotent-replayed'] === undefined).length, 1, 'exactly one created it');
      for (const c of conflicts) {
        assert.equal((c.json.error as { code: string }).code, 'CONFLICT');
        assert.equal(c.headers['retry-after'], '1');
      }
      const id = created[0]!.json.commandId as string;
      await h.waitFor(id, 'succeeded');
      const rows = await h.sql.db.selectFrom('commands').select('id').where(sql<boolean>`payload @> ${JSON.stringify({ userId: 'buyer_50' })}::jsonb`).execute();
      assert.equal(rows.length, 1);
      const state = (await h.demo.state(SHOP)) as { coupons: Array<{ userId: string }> };
      assert.equal(state.coupons.filter((c) => c.userId === 'buyer_50').length, 1, 'the platform applied it once');
    });

    // Found from outside: two resends of a long-finished command at once, one got 409 "still in
    // flight" because the other held the key's lock for its replay.
    test('resends of a finished command while another resend holds the key get the stored answer, not 409', async () => {
      const body = coupon('buyer_resend', '6.00');
      const first = await h.post(body, { key: 'resend' });
      assert.equal(first.status, 202);
      await h.waitFor(first.json.commandId as string, 'succeeded');
      const concurrent = async () => {
        if (factory.name === 'pglite') return Promise.all(Array.from({ length: 10 }, () => h.post(body, { key: 'resend' })));
        // Another resend holding the key's lock, as two at once do: deterministic on PostgreSQL.
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        let held!: () => void;
        const holding = new Promise<void>((r) => (held = r));
        const holder = h.sql.transaction(async (tx) => {
          await sql`select pg_advisory_xact_lock(hashtext(${locks.commandKey(SHOP, 'resend')}))`.execute(tx);
          held();
          await gate;
        });
        await holding;
        try {
          const answers = await Promise.all(Array.from({ length: 3 }, () => h.post(body, { key: 'resend' })));
          const other = await h.post(coupon('buyer_resend', '7.00'), { key: 'resend' });
          assert.equal(other.status, 422, 'another body under the key is still a mismatch');
          return answers;
        } finally {
          release();
          await holder;
        }
      };
      for (const a of await concurrent()) {
        assert.equal(a.status, 202, a.text);
        assert.equal(a.text, first.text, 'the first answer, byte for byte');
        assert.equal(a.headers['idempotent-replayed'], 'true');
      }
    });

    test('a platform failing 3 times then succeeding: succeeded with 4 attempts recorded, applied once', async () => {
      await h.demo.setFault(SHOP, { mode: 'fail', times: 3, status: 503 });
      const r = await h.post(coupon('buyer_f3', '3.00'), { key: 'fail-3' });
      const done = await h.waitFor(r.json.commandId as string, 'succeeded');
      assert.equal(done.attempts, 4);
      const statuses = (done.history as Array<{ status: string; attempt?: number; error?: { message: string; httpStatus: number } }>).map((e) => e.status);
      assert.deepEqual(statuses, ['pending', 'running', 'retrying', 'running', 'retrying', 'running', 'retrying', 'running', 'succeeded']);
      const retrying = (done.history as Array<{ status: string; error?: { httpStatus?: number; message: string } }>).filter((e) => e.status === 'retrying');
      for (const e of retrying) assert.equal(e.error?.httpStatus, 503);
      assert.equal(done.error, undefined, 'a succeeded command carries no error');
      const frames = commandFrames(h, done.commandId as string).map((f) => `${f.status}:${f.attempts}`);
      assert.deepEqual(frames, ['pending:0', 'running:1', 'retrying:1', 'running:2', 'retrying:2', 'running:3', 'retrying:3', 'running:4', 'succeeded:4']);
      const state = (await h.demo.state(SHOP)) as { coupons: Array<{ userId: string }> };
      assert.equal(state.coupons.filter((c) => c.userId === 'buyer_f3').length, 1);
    });

    test('a platform that applied but whose answer was lost: the next attempt, same key, gets the first answer; applied once', async () => {
      await h.demo.setFault(SHOP, { mode: 'hang', times: 1, applyFirst: true });
      const r = await h.post(coupon('buyer_lost', '6.00'), { key: 'lost-answer' });
      const done = await h.waitFor(r.json.commandId as string, 'succeeded');
      assert.equal(done.attempts, 2);
      const retrying = (done.history as Array<{ status: string; error?: { message: string } }>).find((e) => e.status === 'retrying');
      assert.equal(retrying?.error?.message, `platform did not answer within ${WORKER.attemptTimeoutMs} ms`);
      const state = (await h.demo.state(SHOP)) as { coupons: Array<{ id: string; userId: string }> };
      const coupons = state.coupons.filter((c) => c.userId === 'buyer_lost');
      assert.equal(coupons.length, 1);
      assert.equal((done.result as { couponId: string }).couponId, coupons[0]!.id);
    });

    test('always down: dead after the configured attempts; retry after it recovers completes it once', async () => {
      await h.demo.setFault(SHOP, { mode: 'fail', times: 1000, status: 500 });
      const r = await h.post(coupon('buyer_down', '4.00'), { key: 'down' });
      const id = r.json.commandId as string;
      const dead = await h.waitFor(id, 'dead');
      assert.equal(dead.attempts, WORKER.maxAttempts);
      assert.match((dead.error as { message: string }).message, /platform answered 500/);
      assert.equal((await h.get('?status=dead')).json.commands instanceof Array, true);
      assert.ok(((await h.get('?status=dead')).json.commands as Array<{ commandId: string }>).some((c) => c.commandId === id));

      await h.demo.clearFault(SHOP);
      const retried = await h.app.inject({ method: 'POST', url: `/api/v1/shops/${SHOP}/commands/${id}/retry`, headers: ops(SHOP, 'ops_2') });
      assert.equal(retried.statusCode, 202, retried.body);
      assert.equal(retried.json().status, 'pending');
      const done = await h.waitFor(id, 'succeeded');
      assert.equal(done.attempts, WORKER.maxAttempts + 1);
      const byHand = (done.history as Array<{ status: string; by?: string }>).find((e) => e.by);
      assert.deepEqual({ status: byHand?.status, by: byHand?.by }, { status: 'pending', by: 'ops_2' });
      const state = (await h.demo.state(SHOP)) as { coupons: Array<{ userId: string }> };
      assert.equal(state.coupons.filter((c) => c.userId === 'buyer_down').length, 1);
      const again = await h.app.inject({ method: 'POST', url: `/api/v1/shops/${SHOP}/commands/${id}/retry`, headers: ops() });
      assert.equal(again.statusCode, 409);
    });

    test('a 4xx: dead after one attempt; resolve records who, when and the note; other statuses and shops refused', async () => {
      await h.demo.setFault(SHOP, { mode: 'reject', times: 1, status: 400 });
      const r = await h.post({ type: 'price.change', payload: { sku: 'NOPE', price: '1.00' } }, { key: 'four-oh-oh' });
      const id = r.json.commandId as string;
      const dead = await h.waitFor(id, 'dead');
      assert.equal(dead.attempts, 1);
      assert.equal((dead.error as { httpStatus: number }).httpStatus, 400);

      const url = `/api/v1/shops/${SHOP}/commands/${id}/resolve`;
      assert.equal((await h.app.inject({ method: 'POST', url, headers: ops(), payload: { note: '' } })).statusCode, 400);
      assert.equal((await h.app.inject({ method: 'POST', url, headers: ops(OTHER_SHOP), payload: { note: 'x' } })).statusCode, 403);
      assert.equal((await h.app.inject({ method: 'POST', url: `/api/v1/shops/${OTHER_SHOP}/commands/${id}/resolve`, headers: ops(OTHER_SHOP), payload: { note: 'x' } })).statusCode, 404);
      const resolved = await h.app.inject({ method: 'POST', url, headers: ops(SHOP, 'ops_9'), payload: { note: 'changed the price in the back office' } });
      assert.equal(resolved.statusCode, 200, resolved.body);
      const body = resolved.json() as { status: string; history: Array<{ status: string; by?: string; note?: string; at: string }> };
      assert.equal(body.status, 'resolved');
      const last = body.history.at(-1)!;
      assert.deepEqual({ status: last.status, by: last.by, note: last.note }, { status: 'resolved', by: 'ops_9', note: 'changed the price in the back office' });
      assert.ok(Date.parse(last.at) > Date.now() - 60_000);
      assert.equal((await h.app.inject({ method: 'POST', url, headers: ops(), payload: { note: 'again' } })).statusCode, 409);
      assert.equal((await h.app.inject({ method: 'POST', url: `/api/v1/shops/${SHOP}/commands/cmd_nope/retry`, headers: ops() })).statusCode, 404);
      assert.equal((await h.get('?status=bogus')).status, 400);
      assert.equal((await h.get('?limit=0')).status, 400);
    });

    test('a lock with ttlSeconds is released once, at its time; a lock beyond the stock is dead with a clear error', async () => {
      await h.demo.setSku(SHOP, 'SKU-L', { price: '10.00', available: 5 });
      const lock = await h.post({ type: 'inventory.lock', payload: { sku: 'SKU-L', quantity: 3, orderId: 'O1', ttlSeconds: 1 } }, { key: 'lock-1' });
      const id = lock.json.commandId as string;
      const locked = await h.waitFor(id, 'succeeded');
      assert.equal((locked.result as { lockId: string }).lockId, id);
      let state = (await h.demo.state(SHOP)) as { skus: Array<{ sku: string; available: number; locked: number }> };
      assert.deepEqual(state.skus.find((s) => s.sku === 'SKU-L'), { sku: 'SKU-L', price: '10.00', available: 2, locked: 3 });
      const [release] = await h.sql.db.selectFrom('commands').selectAll().where('parent_id', '=', id).execute();
      assert.ok(release, 'release scheduled with the success');
      assert.equal(release.type, 'inventory.release');
      const dueIn = new Date(release.next_attempt_at).getTime() - new Date(locked.updatedAt as string).getTime();
      assert.ok(dueIn > 900 && dueIn < 1100, `due ttl after the lock (${dueIn} ms)`);
      const released = await h.waitFor(release.id, 'succeeded', 5000);
      assert.deepEqual(released.result, { released: true, sku: 'SKU-L', quantity: 3, available: 5 });
      assert.deepEqual(released.payload, { lockCommandId: id, sku: 'SKU-L', quantity: 3, orderId: 'O1', lockId: id });
      state = (await h.demo.state(SHOP)) as typeof state;
      assert.deepEqual(state.skus.find((s) => s.sku === 'SKU-L'), { sku: 'SKU-L', price: '10.00', available: 5, locked: 0 });
      assert.equal((await h.sql.db.selectFrom('commands').select('id').where('parent_id', '=', id).execute()).length, 1);

      const tooMuch = await h.post({ type: 'inventory.lock', payload: { sku: 'SKU-L', quantity: 6, ttlSeconds: 60 } }, { key: 'lock-2' });
      const dead = await h.waitFor(tooMuch.json.commandId as string, 'dead');
      assert.equal(dead.attempts, 1);
      assert.equal((dead.error as { message: string }).message, 'platform answered 422: insufficient stock for SKU-L: 5 available, 6 asked');
    });

    test('a command naming a conversation leaves system notes for the agents, announced to the shop', async () => {
      await insertConversation(h.sql, 'conv_cmd_1');
      const r = await h.post({ ...coupon('buyer_conv', '5.00'), conversationId: 'conv_cmd_1' }, { key: 'with-conv' });
      assert.equal(r.json.conversationId, 'conv_cmd_1');
      await h.waitFor(r.json.commandId as string, 'succeeded');
      const notes = await h.sql.db.selectFrom('conversation_notes').selectAll().where('conversation_id', '=', 'conv_cmd_1').orderBy('created_at').execute();
      assert.equal(notes.length, 2, notes.map((n) => n.text).join('\n'));
      assert.ok(notes.every((n) => n.author_id === 'kefu-system'));
      assert.match(notes[0]!.text, /accepted/);
      assert.match(notes[1]!.text, /succeeded/);
      const noteFrames = h.frames.filter((f) => f.frame.type === 'note' && f.frame.conversationId === 'conv_cmd_1');
      assert.equal(noteFrames.length, 2);
      for (const f of noteFrames) assert.deepEqual(f.targets, { shopIds: [SHOP] }, 'to the shop, never the buyer');
      // Another shop's conversation is not found, and nothing is stored.
      await insertConversation(h.sql, 'conv_other', OTHER_SHOP);
      const before = await h.count('commands');
      assert.equal((await h.post({ ...coupon(), conversationId: 'conv_other' }, { key: 'other-conv' })).status, 404);
      assert.equal(await h.count('commands'), before);
    });

    test('every status change reaches the shop as a command frame; kefu_commands counts the table', async () => {
      const r = await h.post(coupon('buyer_frames', '1.00'), { key: 'frames' });
      const id = r.json.commandId as string;
      await h.waitFor(id, 'succeeded');
      const frames = h.frames.filter((f) => f.frame.type === 'command' && f.frame.commandId === id);
      assert.deepEqual(
        frames.map((f) => f.frame),
        [
          { type: 'command', commandId: id, commandType: 'coupon.issue', status: 'pending', attempts: 0 },
          { type: 'command', commandId: id, commandType: 'coupon.issue', status: 'running', attempts: 1 },
          { type: 'command', commandId: id, commandType: 'coupon.issue', status: 'succeeded', attempts: 1, result: (frames.at(-1)!.frame as { result: unknown }).result },
        ],
      );
      for (const f of frames) assert.deepEqual(f.targets, { shopIds: [SHOP] });
      const counts = await h.gauge();
      const rows = await h.sql.db.selectFrom('commands').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
      for (const s of ['pending', 'running', 'succeeded', 'retrying', 'dead', 'resolved']) assert.equal(counts[s], Number(rows.find((x) => x.status === s)?.n ?? 0), s);
      assert.ok(counts.succeeded! >= 1);
    });

    test("the demo platform's own endpoint honours Idempotency-Key, refuses what it cannot do, and takes faults", async () => {
      const url = `/demo/platform/shops/${SHOP}/commands`;
      const body = { commandId: 'cmd_DEMO1', type: 'coupon.issue', payload: { userId: 'buyer_demo', couponTemplateId: 'T-10' } };
      const send = (b: unknown, key?: string) => h.app.inject({ method: 'POST', url, headers: key ? { 'idempotency-key': key } : {}, payload: b as object });
      assert.equal((await send(body)).statusCode, 400);
      const first = await send(body, 'demo-k1');
      assert.equal(first.statusCode, 200, first.body);
      assert.equal((await send(body, 'demo-k1')).body, first.body, 'applied once, answered again');
      assert.equal((await send({ ...body, payload: { userId: 'buyer_demo', couponTemplateId: 'T-11' } }, 'demo-k1')).statusCode, 422);
      const unknownSku = await send({ commandId: 'cmd_DEMO2', type: 'price.change', payload: { sku: 'NO-SUCH', price: '1.00' } }, 'demo-k2');
      assert.equal(unknownSku.statusCode, 422);
      assert.deepEqual(unknownSku.json(), { error: { message: 'unknown sku NO-SUCH' } });
      const fault = await h.app.inject({ method: 'PUT', url: `/demo/platform/shops/${SHOP}/faults`, payload: { mode: 'fail', times: 1, status: 502 } });
      assert.equal((fault.json() as { fault: { remaining: number } }).fault.remaining, 1);
      assert.equal((await send({ ...body, commandId: 'cmd_DEMO3' }, 'demo-k3')).statusCode, 502);
      assert.equal((await send({ ...body, commandId: 'cmd_DEMO3' }, 'demo-k3')).statusCode, 200);
      assert.equal((await h.app.inject({ method: 'PUT', url: `/demo/platform/shops/${SHOP}/faults`, payload: { mode: 'explode', times: 1 } })).statusCode, 400);
      assert.equal((await h.app.inject({ method: 'DELETE', url: `/demo/platform/shops/${SHOP}/faults` })).statusCode, 204);
      const state = (await h.app.inject({ method: 'GET', url: `/demo/platform/shops/${SHOP}` })).json() as { coupons: Array<{ userId: string }>; fault: unknown };
      assert.equal(state.coupons.filter((c) => c.userId === 'buyer_demo').length, 2);
      assert.equal(state.fault, null);
    });

    test('GET lists newest first, filtered by status, limited', async () => {
      const list = await h.get('?limit=2');
      assert.equal(list.status, 200);
      const all = (await h.get('')).json.commands as Array<{ commandId: string; createdAt: string }>;
      assert.deepEqual(
        (list.json.commands as Array<{ commandId: string }>).map((c) => c.commandId),
        all.slice(0, 2).map((c) => c.commandId),
      );
      for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.createdAt >= all[i]!.createdAt);
      const resolved = (await h.get('?status=resolved')).json.commands as Array<{ status: string }>;
      assert.ok(resolved.length >= 1 && resolved.every((c) => c.status === 'resolved'));
      assert.equal((await h.get('', caller('agent', 'a', SHOP))).status, 403);
    });

    // Found from outside: a 2xx the platform's answer could not be read from succeeded with no trace.
    test('a success whose answer could not be read says so in its history', async () => {
      const odd = await createHarness(factory, { platform: () => ({ deliver: async () => ({ ok: true, note: 'the platform answered 200 but its answer could not be read (not JSON); the result is unknown' }) }) });
      try {
        const r = await odd.post(coupon('buyer_odd', '2.00'), { key: 'odd-1' });
        const done = await odd.waitFor(r.json.commandId as string, 'succeeded');
        const last = (done.history as Array<{ status: string; note?: string }>).at(-1)!;
        assert.equal(last.status, 'succeeded');
        assert.match(last.note ?? '', /could not be read/);
      } finally {
        await odd.close();
      }
    });

    // Found from outside: past 200 dead commands, the older ones could not be listed.
    test('GET pages with before: each page follows the last, every command once', async () => {
      const all = ((await h.get('?limit=200')).json.commands as Array<{ commandId: string }>).map((c) => c.commandId);
      assert.ok(all.length >= 5, `enough commands to page (${all.length})`);
      const seen: string[] = [];
      let before: string | undefined;
      for (;;) {
        const page = ((await h.get(`?limit=2${before ? `&before=${encodeURIComponent(before)}` : ''}`)).json.commands as Array<{ commandId: string }>).map((c) => c.commandId);
        seen.push(...page);
        if (page.length < 2) break;
        before = page.at(-1);
      }
      assert.deepEqual(seen, all);
      const unknown = await h.get('?before=no-such-command');
      assert.equal(unknown.status, 400);
    });
  });
}
