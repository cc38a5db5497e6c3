/** A tiny observable state holder and the Preact hook that re-renders on its changes. */
import { useLayoutEffect, useState } from 'preact/hooks';

export class Store<S extends object> {
  #state: S;
  readonly #subs = new Set<() => void>();
  constructor(initial: S) {
    this.#state = initial;
  }
  get state(): S {
    return this.#state;
  }
  set(patch: Partial<S> | ((s: S) => Partial<S>)): void {
    const p = typeof patch === 'function' ? patch(this.#state) : patch;
    this.#state = { ...this.#state, ...p };
    for (const f of this.#subs) f();
  }
  subscribe(f: () => void): () => void {
    this.#subs.add(f);
    return () => this.#subs.delete(f);
  }
}

/**
 * Subscribes in a layout effect, which runs as the render is committed: a plain effect waits for
 * the next painted frame, which a page in the background may not get for a long time, and every
 * change before it was missed. A change between the render and the subscription re-renders at once.
 */
export function useStore<S extends object>(store: Store<S>): S {
  const [, bump] = useState(0);
  const rendered = store.state;
  useLayoutEffect(() => {
    const off = store.subscribe(() => bump((n) => n + 1));
    if (store.state !== rendered) bump((n) => n + 1);
    return off;
  }, [store]);
  return store.state;
}
