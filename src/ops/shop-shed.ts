/**
 * Per-shop shedding of robot answers. One shop's flash sale must not take the robot from every
 * other shop, nor the node's capacity from that shop's own human messages: the node-wide rule of
 * the work queue (work-queue.ts) sheds everyone's robot answers at once, this one sheds only the
 * shop that caused the pile-up.
 *
 * "Backlog" here is a shop's robot turns on this node that were queued and have not finished
 * (waiting behind their conversation's previous turn, waiting in the work queue, or running).
 * It is local on purpose: it is what this node's memory and work queue actually hold, it costs
 * a map update per turn and no round trip, and a load balancer spreads a big shop's buyers over
 * the nodes so each node protects itself. Conversations waiting for a human are another number
 * (`kefu_shop_backlog`, from PostgreSQL).
 *
 * Hysteresis: a shop starts shedding when its backlog passes `high` and stops once it is back to
 * `high / 2`, so the rule does not flap turn by turn at the threshold. Pure: no I/O, no timers.
 */
export class ShopShedPolicy {
  readonly #high: number;
  readonly #low: number;
  readonly #backlog = new Map<string, number>();
  readonly #shedding = new Set<string>();

  constructor(opts: { threshold: number }) {
    this.#high = Math.max(1, opts.threshold);
    this.#low = Math.floor(this.#high / 2);
  }

  /** A robot turn of `shopId` was queued on this node. */
  queued(shopId: string): void {
    const n = (this.#backlog.get(shopId) ?? 0) + 1;
    this.#backlog.set(shopId, n);
    if (n > this.#high) this.#shedding.add(shopId);
  }

  /** A robot turn of `shopId` finished (answered, shed or failed). */
  finished(shopId: string): void {
    const n = (this.#backlog.get(shopId) ?? 0) - 1;
    // Shops without turns leave the map, so it holds only shops with work in flight.
    if (n <= 0) this.#backlog.delete(shopId);
    else this.#backlog.set(shopId, n);
    if (n <= this.#low) this.#shedding.delete(shopId);
  }

  /** True while the shop's robot answers are shed. */
  shedding(shopId: string): boolean {
    return this.#shedding.has(shopId);
  }

  backlog(shopId: string): number {
    return this.#backlog.get(shopId) ?? 0;
  }

  /** How many shops are shedding now. */
  get sheddingShops(): number {
    return this.#shedding.size;
  }

  /**
   * The `n` shops with the largest backlog, largest first: the metric's label set, bounded so a
   * platform with a hundred thousand shops does not get a series per shop.
   */
  top(n: number): Array<[shop: string, backlog: number]> {
    const best: Array<[string, number]> = [];
    for (const e of this.#backlog) {
      if (best.length < n) best.push(e);
      else if (e[1] > best[best.length - 1]![1]) best[best.length - 1] = e;
      else continue;
      best.sort((a, b) => b[1] - a[1]);
    }
    return best;
  }
}
