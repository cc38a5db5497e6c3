/**
 * Internal notes (staff of the shop only, a `note` frame to the shop's consoles and never to the
 * buyer) and ratings (the buyer, once, after close), on every SQL adapter.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { as, closeConversation, createDesk, errorOf, openConversation, type Desk } from './support.ts';

after(dropTestSchemas);

for (const factory of SQL_FACTORIES) {
  describe(`desk notes and ratings on ${factory.name}`, { skip: factory.skip }, () => {
    const st = {} as { desk: Desk };
    before(async () => {
      st.desk = await createDesk(factory);
    });
    after(() => st.desk?.close());

    noteTests(st);
    ratingTests(st);
  });
}

const notesUrl = (id: string) => `/api/v1/conversations/${id}/notes`;
const ratingUrl = (id: string) => `/api/v1/conversations/${id}/rating`;

function noteTests(st: { desk: Desk }): void {
  test('staff of the shop write and read notes; the frame goes to the shop only', async () => {
    const { desk } = st;
    const id = await openConversation(desk, 'shop_n', 'buyer_n1');
    desk.frames.length = 0;
    const first = await desk.app.inject({ method: 'POST', url: notesUrl(id), headers: as.agent('agent_1', 'shop_n', '小王'), payload: { text: '  买家要求周五前送达  ' } });
    assert.equal(first.statusCode, 201);
    const note = first.json();
    assert.deepEqual({ ...note, noteId: typeof note.noteId, createdAt: typeof note.createdAt }, {
      noteId: 'string',
      conversationId: id,
      authorId: 'agent_1',
      author: { id: 'agent_1', name: '小王' },
      text: '买家要求周五前送达',
      createdAt: 'string',
    });
    assert.deepEqual(desk.frames, [
      { targets: { shopIds: ['shop_n'] }, frame: { type: 'note', noteId: note.noteId, conversationId: id, author: { id: 'agent_1', name: '小王' }, text: '买家要求周五前送达', ts: Date.parse(note.createdAt) } },
    ]);

    const second = await desk.app.inject({ method: 'POST', url: notesUrl(id), headers: as.admin('admin_1', 'shop_n'), payload: { text: '已补发' } });
    assert.equal(second.statusCode, 201);
    assert.deepEqual(second.json().author, { id: 'admin_1' });

    const list = await desk.app.inject({ method: 'GET', url: notesUrl(id), headers: as.agent('agent_2', 'shop_n') });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json(), { notes: [note, second.json()] }, 'oldest first');

    const buyerView = await desk.conversations.sync({ userId: 'buyer_n1', roles: new Set(['customer']), shopId: undefined, name: undefined, expiresAt: undefined }, id, 0);
    assert.deepEqual(buyerView.messages.map((m) => m.content), [{ kind: 'text', text: '在吗' }], 'notes never appear in the messages');
  });

  test('buyers and other shops get 404; nothing is stored or sent for them', async () => {
    const { desk } = st;
    const id = await openConversation(desk, 'shop_n', 'buyer_n2');
    desk.frames.length = 0;
    const callers = { buyer: as.buyer('buyer_n2'), otherShopAgent: as.agent('agent_x', 'shop_other'), otherShopAdmin: as.admin('admin_x', 'shop_other'), buyerAndOtherAgent: as.buyerAndAgent('buyer_n2', 'shop_other') };
    for (const [who, headers] of Object.entries(callers)) {
      for (const method of ['POST', 'GET'] as const) {
        const r = await desk.app.inject({ method, url: notesUrl(id), headers, ...(method === 'POST' ? { payload: { text: 'x' } } : {}) });
        assert.equal(r.statusCode, 404, `${who} ${method}`);
        assert.deepEqual(r.json(), { error: { code: 'NOT_FOUND', message: 'no such conversation' } });
      }
    }
    const missing = await desk.app.inject({ method: 'GET', url: notesUrl('c_does_not_exist'), headers: as.agent('agent_1', 'shop_n') });
    assert.equal(missing.statusCode, 404);
    const anonymous = await desk.app.inject({ method: 'GET', url: notesUrl(id) });
    assert.equal(anonymous.statusCode, 401);

    const list = await desk.app.inject({ method: 'GET', url: notesUrl(id), headers: as.agent('agent_1', 'shop_n') });
    assert.deepEqual(list.json(), { notes: [] });
    assert.deepEqual(desk.frames, []);
  });

  test('a bad note body is 400 naming the field, and stores nothing', async () => {
    const { desk } = st;
    const id = await openConversation(desk, 'shop_n', 'buyer_n3');
    desk.frames.length = 0;
    const bodies: Array<[unknown, string]> = [
      [{}, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: 42 }, 'text'],
      [{ text: 'x'.repeat(4001) }, 'text'],
      [{ text: 'a\u0000b' }, 'text'],
      [{ text: 'a\ud800b' }, 'text'],
      // Control characters, as in messages (twenty-first session, found from outside).
      [{ text: '\u001b[31mred' }, 'text'],
      [{ text: 'a\u0007b' }, 'text'],
      [[1], 'body'],
    ];
    for (const [payload, field] of bodies) {
      const r = await desk.app.inject({ method: 'POST', url: notesUrl(id), headers: as.agent('agent_1', 'shop_n'), payload: payload as object });
      assert.equal(r.statusCode, 400, JSON.stringify(payload).slice(0, 40));
      assert.deepEqual(errorOf(r), { code: 'BAD_REQUEST', field });
      assert.ok(r.json().error.message.startsWith(`${field}:`), r.json().error.message);
    }
    const longest = await desk.app.inject({ method: 'POST', url: notesUrl(id), headers: as.agent('agent_1', 'shop_n'), payload: { text: 'x'.repeat(4000) } });
    assert.equal(longest.statusCode, 201, '4000 characters is the limit, not past it');
    const list = await desk.app.inject({ method: 'GET', url: notesUrl(id), headers: as.agent('agent_1', 'shop_n') });
    assert.equal(list.json().notes.length, 1);
    assert.equal(desk.frames.length, 1);
  });
}

function ratingTests(st: { desk: Desk }): void {
  test('the buyer rates once, only after close; the holder is stored and onRated told', async () => {
    const { desk } = st;
    const id = await openConversation(desk, 'shop_r', 'buyer_r1');
    const early = await desk.app.inject({ method: 'POST', url: ratingUrl(id), headers: as.buyer('buyer_r1'), payload: { score: 5 } });
    assert.equal(early.statusCode, 409);
    assert.deepEqual(early.json(), { error: { code: 'CONFLICT', message: 'conversation not closed yet' } });

    await closeConversation(desk, id, 'agent_r');
    const before = await desk.app.inject({ method: 'GET', url: ratingUrl(id), headers: as.buyer('buyer_r1') });
    assert.deepEqual([before.statusCode, before.json()], [200, { conversationId: id, rated: false, ratable: true }], 'not rated yet');
    desk.rated.length = 0;
    const r = await desk.app.inject({ method: 'POST', url: ratingUrl(id), headers: as.buyer('buyer_r1'), payload: { score: 4, comment: ' 很耐心 ' } });
    assert.equal(r.statusCode, 201);
    const body = r.json();
    assert.deepEqual({ ...body, createdAt: typeof body.createdAt }, { conversationId: id, score: 4, comment: '很耐心', createdAt: 'string' });

    const again = await desk.app.inject({ method: 'POST', url: ratingUrl(id), headers: as.buyer('buyer_r1'), payload: { score: 1 } });
    assert.equal(again.statusCode, 409);
    assert.deepEqual(again.json(), { error: { code: 'CONFLICT', message: 'conversation already rated' } });
    // Any device of the buyer can ask whether it was rated (the widget does before offering the form).
    const read = await desk.app.inject({ method: 'GET', url: ratingUrl(id), headers: as.buyer('buyer_r1') });
    assert.deepEqual([read.statusCode, read.json().rated, read.json().score, read.json().comment], [200, true, 4, '很耐心']);
    const foreign = await desk.app.inject({ method: 'GET', url: ratingUrl(id), headers: as.buyer('buyer_r_other') });
    assert.equal(foreign.statusCode, 404, "another buyer cannot read it");

    const rows = await desk.sql.db.selectFrom('conversation_ratings').selectAll().where('conversation_id', '=', id).execute();
    assert.deepEqual(rows.map((x) => [x.shop_id, x.buyer_id, x.agent_id, x.score, x.comment]), [['shop_r', 'buyer_r1', 'agent_r', 4, '很耐心']]);
    assert.deepEqual(desk.rated.map((x) => [x.conversationId, x.shopId, x.agentId, x.score]), [[id, 'shop_r', 'agent_r', 4]]);
  });

  // Found from outside: a conversation only the robot (or the queue) saw was rated, and the score
  // counted in the shop's satisfaction figure as if a person had served.
  test('a conversation no person held cannot be rated: 409, nothing stored', async () => {
    const { desk } = st;
    for (const [buyer, queued] of [['buyer_r_bot', false], ['buyer_r_queue', true]] as const) {
      const id = await openConversation(desk, 'shop_r', buyer);
      if (queued) await desk.conversations.setState(id, { state: 'queued' });
      await desk.conversations.setState(id, { state: 'closed' });
      const r = await desk.app.inject({ method: 'POST', url: ratingUrl(id), headers: as.buyer(buyer), payload: { score: 1 } });
      assert.equal(r.statusCode, 409, buyer);
      assert.match((r.json() as { error: { message: string } }).error.message, /no person served/);
      assert.equal((await desk.sql.db.selectFrom('conversation_ratings').select('conversation_id').where('conversation_id', '=', id).execute()).length, 0);
      const asked = await desk.app.inject({ method: 'GET', url: ratingUrl(id), headers: as.buyer(buyer) });
      assert.deepEqual(asked.json(), { conversationId: id, rated: false, ratable: false }, 'the widget offers no form');
    }
    // Held by a person who never wrote in it: not served either (forty-third session: "1分 根本没人理我").
    const held = await openConversation(desk, 'shop_r', 'buyer_r_held');
    await closeConversation(desk, held, 'agent_r', false);
    assert.equal((await desk.app.inject({ method: 'POST', url: ratingUrl(held), headers: as.buyer('buyer_r_held'), payload: { score: 1 } })).statusCode, 409);
    // Answered, its messages since deleted by retention: the first response on the conversation still says a person served it (found in review).
    const kept = await openConversation(desk, 'shop_r', 'buyer_r_kept');
    await closeConversation(desk, kept, 'agent_r', false);
    await desk.sql.db.updateTable('conversations').set({ first_response_at: new Date() }).where('id', '=', kept).execute();
    assert.equal((await desk.app.inject({ method: 'POST', url: ratingUrl(kept), headers: as.buyer('buyer_r_kept'), payload: { score: 4 } })).statusCode, 201);
  });

  test('concurrent ratings: exactly one is stored', async () => {
    const { desk } = st;
    const id = await openConversation(desk, 'shop_r', 'buyer_r2');
    await closeConversation(desk, id, 'agent_r');
    const rs = await Promise.all([1, 2, 3, 4].map((score) => desk.app.inject({ method: 'POST', url: ratingUrl(id), headers: as.buyer('buyer_r2'), payload: { score } })));
    assert.deepEqual(rs.map((r) => r.statusCode).sort(), [201, 409, 409, 409]);
  });

  test('only the buyer: staff 403, another buyer or shop 404; comment optional', async () => {
    const { desk } = st;
    const id = await openConversation(desk, 'shop_r', 'buyer_r3');
    await closeConversation(desk, id, 'agent_r');
    const staff = await desk.app.inject({ method: 'POST', url: ratingUrl(id), headers: as.agent('agent_r', 'shop_r'), payload: { score: 5 } });
    assert.deepEqual([staff.statusCode, errorOf(staff).code], [403, 'FORBIDDEN']);
    const other = await desk.app.inject({ method: 'POST', url: ratingUrl(id), headers: as.buyer('buyer_r_other'), payload: { score: 5 } });
    assert.deepEqual([other.statusCode, other.json()], [404, { error: { code: 'NOT_FOUND', message: 'no such conversation' } }]);
    // Staff of the shop who is also a buyer elsewhere: sees the conversation as staff, may not rate it.
    const staffBuyer = await desk.app.inject({ method: 'POST', url: ratingUrl(id), headers: as.buyerAndAgent('agent_r', 'shop_r'), payload: { score: 5 } });
    assert.equal(staffBuyer.statusCode, 404);
    const missing = await desk.app.inject({ method: 'POST', url: ratingUrl('c_missing'), headers: as.buyer('buyer_r3'), payload: { score: 5 } });
    assert.equal(missing.statusCode, 404);

    const ok = await desk.app.inject({ method: 'POST', url: ratingUrl(id), headers: as.buyer('buyer_r3'), payload: { score: 2, comment: '   ' } });
    assert.equal(ok.statusCode, 201);
    assert.equal('comment' in ok.json(), false, 'an empty comment is none');
    const row = await desk.sql.db.selectFrom('conversation_ratings').select('comment').where('conversation_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.comment, null);
  });

  test('a bad rating body is 400 naming the field, and stores nothing', async () => {
    const { desk } = st;
    const id = await openConversation(desk, 'shop_r', 'buyer_r4');
    await closeConversation(desk, id, 'agent_r');
    const bodies: Array<[unknown, string]> = [
      [{}, 'score'],
      [{ score: 0 }, 'score'],
      [{ score: 6 }, 'score'],
      [{ score: 4.5 }, 'score'],
      [{ score: '5' }, 'score'],
      [{ score: 5, comment: 'x'.repeat(501) }, 'comment'],
      [{ score: 5, comment: 7 }, 'comment'],
      [{ score: 5, comment: 'great\u0000' }, 'comment'],
      [{ score: 5, comment: '\udfffgreat' }, 'comment'],
      [{ score: 4, comment: 'a\u001b[2J' }, 'comment'],
    ];
    for (const [payload, field] of bodies) {
      const r = await desk.app.inject({ method: 'POST', url: ratingUrl(id), headers: as.buyer('buyer_r4'), payload: payload as object });
      assert.equal(r.statusCode, 400, JSON.stringify(payload).slice(0, 40));
      assert.deepEqual(errorOf(r), { code: 'BAD_REQUEST', field });
    }
    const n = await desk.sql.db.selectFrom('conversation_ratings').select('score').where('conversation_id', '=', id).execute();
    assert.deepEqual(n, []);
    const ok = await desk.app.inject({ method: 'POST', url: ratingUrl(id), headers: as.buyer('buyer_r4'), payload: { score: 5, comment: 'x'.repeat(500) } });
    assert.equal(ok.statusCode, 201, 'the bad bodies used up nothing: the first valid rating is accepted');
  });
}
