/**
 * A shop's figures from seeded conversations, messages and ratings with known times: every
 * number is asserted exactly, on every SQL adapter. The window is 2026-03-01T00:00Z to
 * 2026-03-02T00:00Z (half-open); each seeded conversation says what it contributes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statsWindow } from '../../src/desk/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { as, createDesk, errorOf, type Desk } from './support.ts';

after(dropTestSchemas);

const FROM = '2026-03-01T00:00:00.000Z';
const TO = '2026-03-02T00:00:00.000Z';
const t = (hhmmss: string, day = '2026-03-01') => `${day}T${hhmmss}Z`;
const statsUrl = (shop: string, q = `?from=${FROM}&to=${TO}`) => `/api/v1/shops/${shop}/stats${q}`;

type Role = 'customer' | 'bot' | 'agent' | 'system';
interface Seed {
  id: string;
  shop?: string;
  created: string;
  handed?: string;
  first?: string;
  closed?: string;
  agent?: string;
  state: 'bot' | 'queued' | 'assigned' | 'closed';
  messages?: Array<[Role, string]>;
  rating?: [score: number, at: string];
}

const SEEDS: Seed[] = [
  // Handed over after a robot chat: first response 60 s; replies 60 s (from the hand-over, not the
  // first message) and 120 s (from the earlier of two waiting messages); the third agent message
  // answers nothing. Resolution 1800 s. Rated 5.
  {
    id: 'c1', created: t('01:00:00'), handed: t('01:10:00'), first: t('01:11:00'), closed: t('01:40:00'), agent: 'a1', state: 'closed',
    messages: [['customer', t('01:00:00')], ['bot', t('01:00:01')], ['customer', t('01:09:00')], ['system', t('01:10:00')], ['agent', t('01:11:00')], ['customer', t('01:20:00')], ['customer', t('01:20:30')], ['agent', t('01:22:00')], ['agent', t('01:23:00')]],
    rating: [5, t('01:45:00')],
  },
  // First response 180 s, reply 180 s (from the hand-over, later than the message), resolution 1200 s. Rated 3.
  { id: 'c2', created: t('02:00:00'), handed: t('02:00:30'), first: t('02:03:30'), closed: t('02:20:30'), agent: 'a2', state: 'closed', messages: [['customer', t('02:00:00')], ['agent', t('02:03:30')]], rating: [3, t('02:30:00')] },
  // The robot alone: contained. Rated 4.
  { id: 'c3', created: t('03:00:00'), closed: t('03:05:00'), state: 'closed', messages: [['customer', t('03:00:00')], ['bot', t('03:00:02')]], rating: [4, t('03:10:00')] },
  // Opened and handed over the day before: only its reply (1200 s, waiting since before the window) and its resolution (3000 s) count.
  { id: 'c4', created: t('23:00:00', '2026-02-28'), handed: t('23:30:00', '2026-02-28'), first: t('23:31:00', '2026-02-28'), closed: t('00:20:00'), agent: 'a1', state: 'closed', messages: [['customer', t('23:00:00', '2026-02-28')], ['agent', t('23:31:00', '2026-02-28')], ['customer', t('23:50:00', '2026-02-28')], ['agent', t('00:10:00')]] },
  // Handed over, nobody answered yet: counts as handed over, not in the first-response figures.
  { id: 'c5', created: t('05:00:00'), handed: t('05:00:00'), state: 'queued', messages: [['customer', t('05:00:00')]] },
  // Opened exactly at `to`: outside. Its messages too.
  { id: 'c6', created: TO, handed: t('00:00:10', '2026-03-02'), first: t('00:01:00', '2026-03-02'), agent: 'a1', state: 'assigned', messages: [['customer', TO], ['agent', t('00:01:00', '2026-03-02')]] },
  // Another shop: nothing of it counts.
  { id: 'c7', shop: 'shop_other', created: t('04:00:00'), handed: t('04:00:00'), first: t('04:00:05'), closed: t('04:10:00'), agent: 'z', state: 'closed', messages: [['customer', t('04:00:00')], ['agent', t('04:00:05')]], rating: [1, t('04:20:00')] },
  // Opened exactly at `from` (inside); an agent answered without a hand-over (reply 300 s): closed, not contained. Rated after the window.
  { id: 'c8', created: FROM, closed: t('00:10:00'), agent: 'a1', state: 'closed', messages: [['customer', FROM], ['agent', t('00:05:00')]], rating: [5, t('00:30:00', '2026-03-02')] },
  // Still held: first response 960 s, reply 960 s (the buyer wrote just before the hand-over).
  { id: 'c9', created: t('06:59:00'), handed: t('07:00:00'), first: t('07:16:00'), agent: 'a2', state: 'assigned', messages: [['customer', t('06:59:00')], ['agent', t('07:16:00')]] },
  // Handed over and closed from the queue 8 s later, no agent ever wrote: closed unanswered, no resolution (found from outside).
  { id: 'c10', created: t('08:00:00'), handed: t('08:00:00'), closed: t('08:00:08'), state: 'closed', messages: [['customer', t('08:00:00')]] },
];

async function seed(desk: Desk): Promise<void> {
  for (const s of SEEDS) {
    const shop = s.shop ?? 'shop_s';
    const last = s.messages?.at(-1)?.[1] ?? s.created;
    await desk.sql.db
      .insertInto('conversations')
      .values({
        id: s.id, shop_id: shop, buyer_id: `buyer_${s.id}`, buyer_name: null, state: s.state, agent_id: s.agent ?? null, last_seq: s.messages?.length ?? 0,
        created_at: s.created, updated_at: [last, s.closed ?? s.created].sort().at(-1)!, handed_over_at: s.handed ?? null, first_response_at: s.first ?? null, closed_at: s.closed ?? null,
      } as never)
      .execute();
    for (const [i, [role, at]] of (s.messages ?? []).entries()) {
      await desk.sql.db.insertInto('messages').values({ conversation_id: s.id, seq: i + 1, shop_id: shop, sender_role: role, sender_id: role === 'customer' ? `buyer_${s.id}` : (s.agent ?? role), content: JSON.stringify({ kind: 'text', text: 'x' }), created_at: at }).execute();
    }
    if (s.rating) {
      await desk.sql.db.insertInto('conversation_ratings').values({ conversation_id: s.id, shop_id: shop, buyer_id: `buyer_${s.id}`, agent_id: s.agent ?? null, score: s.rating[0], created_at: s.rating[1] }).execute();
    }
  }
}

for (const factory of SQL_FACTORIES) {
  describe(`desk stats on ${factory.name}`, { skip: factory.skip }, () => {
    const st = {} as { desk: Desk };
    before(async () => {
      st.desk = await createDesk(factory);
      await seed(st.desk);
    });
    after(() => st.desk?.close());

    figureTests(st);
    queryTests(st);
  });
}

function figureTests(st: { desk: Desk }): void {
  const cases = [
    {
      name: 'every figure of the whole day, exactly',
      window: { from: FROM, to: TO },
      figures: {
        conversations: { opened: 7, handedOver: 5, closed: 6, closedUnanswered: 1 },
        firstResponseSeconds: { avg: 400, p50: 180, count: 3 },
        replySeconds: { avg: 470, count: 6 },
        resolutionSeconds: { avg: 2000, count: 3 },
        csat: { rated: 3, satisfied: 2, share: 0.6667 },
        containment: { closed: 6, withoutHuman: 1, share: 0.1667 },
      },
    },
    {
      // 01:00–02:00: c1 opened, handed over, answered (60 s, 120 s), closed (1800 s) and rated.
      name: 'a narrower window counts only what happened in it',
      window: { from: '2026-03-01T01:00:00.000Z', to: '2026-03-01T02:00:00.000Z' },
      figures: {
        conversations: { opened: 1, handedOver: 1, closed: 1, closedUnanswered: 0 },
        firstResponseSeconds: { avg: 60, p50: 60, count: 1 },
        replySeconds: { avg: 90, count: 2 },
        resolutionSeconds: { avg: 1800, count: 1 },
        csat: { rated: 1, satisfied: 1, share: 1 },
        containment: { closed: 1, withoutHuman: 0, share: 0 },
      },
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const r = await st.desk.app.inject({ method: 'GET', url: statsUrl('shop_s', `?from=${c.window.from}&to=${c.window.to}`), headers: as.admin('adm', 'shop_s') });
      assert.equal(r.statusCode, 200);
      assert.deepEqual(r.json(), { ...c.window, ...c.figures });
    });
  }

  test('nulls where there is nothing to count', async () => {
    const r = await st.desk.app.inject({ method: 'GET', url: statsUrl('shop_empty'), headers: as.agent('ag', 'shop_empty') });
    const { from, to, ...figures } = r.json<Record<string, Record<string, number | null>>>();
    assert.deepEqual([from, to], [FROM, TO]);
    assert.equal(Object.keys(figures).length, 6);
    for (const [group, values] of Object.entries(figures)) {
      for (const [name, v] of Object.entries(values)) assert.equal(v, ['avg', 'p50', 'share'].includes(name) ? null : 0, `${group}.${name}`);
    }
  });
}

function queryTests(st: { desk: Desk }): void {
  test('staff of the shop only', async () => {
    const other = await st.desk.app.inject({ method: 'GET', url: statsUrl('shop_s'), headers: as.admin('adm', 'shop_other') });
    assert.deepEqual([other.statusCode, errorOf(other).code], [403, 'FORBIDDEN']);
    const buyer = await st.desk.app.inject({ method: 'GET', url: statsUrl('shop_s'), headers: as.buyer('b') });
    assert.equal(buyer.statusCode, 403);
  });

  test('bad windows and unknown parameters are 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      [`?from=${TO}&to=${FROM}`, 'from'],
      [`?from=${FROM}&to=${FROM}`, 'from'],
      ['?from=2026-01-01T00:00:00Z&to=2026-04-03T00:00:01Z', 'from'],
      ['?from=yesterday', 'from'],
      ['?to=2026-03-01', 'to'],
      ['?from=', 'from'],
      ['?shop=x', 'shop'],
    ];
    for (const [q, field] of cases) {
      const r = await st.desk.app.inject({ method: 'GET', url: statsUrl('shop_s', q), headers: as.admin('adm', 'shop_s') });
      assert.deepEqual([r.statusCode, errorOf(r)], [400, { code: 'BAD_REQUEST', field }], q);
    }
    const longest = await st.desk.app.inject({ method: 'GET', url: statsUrl('shop_s', '?from=2026-01-01T00:00:00Z&to=2026-04-03T00:00:00Z'), headers: as.admin('adm', 'shop_s') });
    assert.equal(longest.statusCode, 200, '92 days is allowed');
  });

  test('the default window is the last 24 hours; one end alone is completed', () => {
    const now = new Date('2026-05-10T12:00:00Z');
    assert.deepEqual(statsWindow({}, now), { from: new Date('2026-05-09T12:00:00Z'), to: now });
    assert.deepEqual(statsWindow({ to: '2026-05-01T00:00:00+08:00' }, now), { from: new Date('2026-04-29T16:00:00Z'), to: new Date('2026-04-30T16:00:00Z') });
    assert.deepEqual(statsWindow({ from: '2026-05-01T00:00:00Z' }, now), { from: new Date('2026-05-01T00:00:00Z'), to: now });
    assert.throws(() => statsWindow({ from: '2026-01-01T00:00:00Z' }, now), (e: unknown) => e instanceof KefuError && e.details?.field === 'from');
  });
}
