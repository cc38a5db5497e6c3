/** A tiny observable state holder and the Preact hook that re-renders on its changes. */
import { useEffect, useState } from 'preact/hooks';

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

export function useStore<S extends object>(store: Store<S>): S {
  const [, bump] = useState(0);
  useEffect(() => store.subscribe(() => bump((n) => n + 1)), [store]);
  return store.state;
}
