/**
 * Every key and bus channel kefu uses in the Cache and on the Bus, in one place (Redis adds
 * `KEFU_REDIS_KEY_PREFIX` in front of each). Keys are always derived here from ids the server
 * itself resolved (a verified token's user, a stored conversation), never taken from client input.
 *
 * | key | holds | lifetime |
 * |---|---|---|
 * | `online:<userId>` | hash: connection id → device, node, last seen | 30 min, refreshed by heartbeats |
 * | `nonce:<userId>:<nonce>` | a frame's nonce (anti-replay) | until its `ts` can no longer be accepted |
 * | `rate:<userId>:<epoch second>` | frames of a user in one second | 2 s |
 * | `hist:<conversationId>` | list: the newest messages' JSON (hot history); after an erasure, the string `erased` (a tombstone late pushes fail on) | 7 days; the tombstone 10 min |
 * | `botstate:<conversationId>` | the robot's dialogue state | 1 day after it last changed |
 * | `typing:<userId>:<conversationId>` | a typing indicator was relayed (one per 2 s) | 2 s |
 * | `robot:canary` | the robot canary split | kept |
 * | `lock:backup:<YYYY-MM-DD>` | the node that runs that local day's scheduled backup (SET NX) | 20 h |
 * | `desk:asked:<shopId>:<buyerId>` | the language and conversation of an agent's question asked just before a close | 30 min, or until used or a later close asks nothing |
 *
 * Channels: `events.2` (the hub's frames for other nodes; the number versions the envelope),
 * `knowledge` (a shop's FAQ or word list changed), `robot-canary` (a new canary split).
 */
export const keys = {
  presence: (userId: string) => `online:${userId}`,
  nonce: (userId: string, nonce: string) => `nonce:${userId}:${nonce}`,
  userRate: (userId: string, epochSecond: number) => `rate:${userId}:${epochSecond}`,
  hotHistory: (conversationId: string) => `hist:${conversationId}`,
  botState: (conversationId: string) => `botstate:${conversationId}`,
  /** The robot's state of a buyer's conversation closed while it waited for an answer, for their next conversation's first message. */
  botCarry: (shopId: string, buyerId: string) => `botcarry:${shopId}:${buyerId}`,
  typing: (userId: string, conversationId: string) => `typing:${userId}:${conversationId}`,
  robotCanary: 'robot:canary',
  backupLock: (localDay: string) => `lock:backup:${localDay}`,
  closingQuestion: (shopId: string, buyerId: string) => `desk:asked:${shopId}:${buyerId}`,
} as const;

export const channels = {
  /**
   * Versioned with the envelope: one PUBLISH carries several events, so a node of an older
   * format would deliver a batch as one broken frame. During a rolling upgrade the two versions
   * simply do not hear each other; devices catch up by sync.
   */
  hubEvents: 'events.2',
  knowledgeChanged: 'knowledge',
  /** A committed change of the commerce read model (src/commerce/orders-memo.ts `encodeChange`). */
  commerceChanged: 'commerce',
  robotCanary: 'robot-canary',
} as const;

/**
 * PostgreSQL advisory lock keys (transaction-scoped). `shopQueue`: every change to a shop's
 * queue or to who holds what in it (a hand-over joining the queue, routing's decisions) runs
 * under it, so the queue order is the order of commits and no seat is given twice.
 * `commandKey`: the transaction that answers a POST of a command with this Idempotency-Key
 * holds it (tried, never waited for), so a second request with the key while the first is in
 * flight is told 409 at once instead of queueing behind it.
 * `retentionSweep`: the transaction that picks the shops due for their daily message sweep
 * holds it (tried, never waited for), so one node at a time claims a day's sweep;
 * `retentionShop`: each batch of a shop's sweep holds it, so two nodes never sweep one shop at once;
 *   an erasure in the shop holds it too, so the two never lock the same messages in opposite orders.
 * `orderParcels`: a parcel sent as an order's only one reads and replaces the order's others under
 *   it, so two such events racing on two nodes cannot both stay.
 */
export const locks = {
  shopQueue: (shopId: string) => `kefu.routing:${shopId}`,
  commandKey: (shopId: string, key: string) => `kefu.commands:${shopId}:${key}`,
  retentionSweep: 'kefu.retention',
  retentionShop: (shopId: string) => `kefu.retention:${shopId}`,
  orderParcels: (shopId: string, orderId: string) => `kefu.parcels:${shopId}:${orderId}`,
} as const;

/**
 * Row-level security (migration 011). Every table with a `shop_id` admits a row only when
 * `shop_id` equals the session setting `kefu.shop_id`, or when that setting is `*` (the system
 * scope: work that no shop's request started, such as group-commit batches, sweeps and
 * backups). A session that never set it reads and writes nothing. `appRole` is the role the
 * embedded store switches to after its migrations (docs/deployment.md names the roles on PostgreSQL).
 */
export const rowSecurity = {
  setting: 'kefu.shop_id',
  system: '*',
  policy: 'kefu_shop_isolation',
  appRole: 'kefu_app',
} as const;
