import type { z } from 'zod';
import { KefuError } from './errors.ts';

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

/** Validates a REST body or query with zod; BAD_REQUEST naming the first bad field otherwise. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue ? fieldOf(issue.path) : 'body';
  throw new KefuError('BAD_REQUEST', `${field}: ${issue?.message ?? 'invalid'}`, { field });
}
