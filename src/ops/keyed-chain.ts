/**
 * Work run one after another per key, on this node, in the order it was given: a conversation's
 * robot turns (robot/responder.ts), a conversation's notices of its return to the queue
 * (routing/service.ts). A step that fails does not stop the next one; its caller sees the failure.
 */
export class KeyedChain {
  readonly #tails = new Map<string, Promise<void>>();

  /** Runs `work` after everything already given for `key`; the first for a key waits for `start` (default: nothing). */
  run<T>(key: string, work: () => Promise<T>, start: () => Promise<unknown> = () => Promise.resolve()): Promise<T> {
    const next = (this.#tails.get(key) ?? start()).then(work);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return next;
  }

  /** Resolves when nothing is left to run for any key. */
  async idle(): Promise<void> {
    while (this.#tails.size) await Promise.allSettled([...this.#tails.values()]);
  }
}
