/**
 * The value kept for `key` in `memo`, else computed and kept; past `max` entries the oldest goes
 * first. The robot's per-answer memories (normalised texts, cut words, a FAQ query's terms) share it.
 */
export function remembered<K, V>(memo: Map<K, V>, key: K, max: number, compute: () => V): V {
  let v = memo.get(key);
  if (v === undefined) {
    v = compute();
    if (memo.size >= max) memo.delete(memo.keys().next().value!);
    memo.set(key, v);
  }
  return v;
}
