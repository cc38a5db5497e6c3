/**
 * How every validation error names its field, so REST bodies, queries, webhooks and frames all
 * point at the same spelling: `["data","items",0,"price"]` → `data.items[0].price`.
 */

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : `${out ? '.' : ''}${String(seg)}`;
  return out;
}

/** formatPath, with `body` for the whole input. */
export const fieldOf = (path: readonly PropertyKey[]): string => formatPath(path) || 'body';
