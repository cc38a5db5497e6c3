import { z } from 'zod';
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
  if (issue?.code === 'unrecognized_keys') throw unknownField(issue);
  const field = issue ? fieldOf(issue.path) : 'body';
  throw new KefuError('BAD_REQUEST', `${field}: ${issue?.message ?? 'invalid'}`, { field });
}

/** An unknown key, named itself ("foo", "payload.x"), not the object that holds it ("body"). */
export function unknownField(issue: Extract<z.core.$ZodIssue, { code: 'unrecognized_keys' }>): KefuError {
  const field = formatPath([...issue.path, issue.keys[0]!]);
  return new KefuError('BAD_REQUEST', `${field}: is not a known field here`, { field });
}

const EARLIEST_TIME = Date.UTC(1970, 0, 1);
const LATEST_TIME = Date.UTC(2200, 0, 1);

/**
 * An ISO 8601 time with a zone ("2026-11-27T09:15:00Z"), between 1970 and 2200: every accepted
 * time is then storable by timestamptz and comparable as a JS Date (year 0000 parses in JS and is
 * refused by PostgreSQL, which made a query's `before` a 500). Webhook times and query times alike.
 */
export function isoTime(error = 'must be an ISO 8601 time with a zone, like "2026-11-27T09:15:00Z"') {
  return z.iso.datetime({ offset: true, error }).refine((s) => {
    const t = Date.parse(s);
    return t >= EARLIEST_TIME && t < LATEST_TIME;
  }, 'must be between 1970 and 2200');
}

/** A route that takes no query parameters. */
export const NO_QUERY = z.strictObject({});

/**
 * parseInput for a query string: as strict as a body, and an empty value (`state=`) is refused by
 * name rather than read as its default or as 0 (docs/api.md, "Conventions").
 */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  for (const [key, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (v === '') throw new KefuError('BAD_REQUEST', `${key}: must not be empty`, { field: key });
  }
  return parseInput(schema, query);
}

/**
 * Text hygiene at the edge. PostgreSQL cannot store U+0000 (text and jsonb both refuse it), and a
 * UTF-16 surrogate without its pair is refused inside jsonb and silently turned into U+FFFD in
 * text. Either would fail (or corrupt) the write long after the input was accepted, so every
 * string that enters kefu (frames, REST bodies, platform webhooks) is checked here instead, and
 * refused as BAD_FRAME / 400 naming its field:
 * `content.text: contains a NUL character or an unpaired surrogate`.
 */
export const UNSTORABLE_TEXT = 'contains a NUL character or an unpaired surrogate';

// Without the `u` flag a regex sees UTF-16 code units, which is what a lone surrogate is.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL can store `s` as it is: no U+0000 and no unpaired surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/**
 * `z.string()` that refuses unstorable text ({@link UNSTORABLE_TEXT}). The refinement is its first
 * check, so a NUL is reported as such even when another rule (length, pattern) fails too. Use it
 * for every string schema of input: `storableString().min(1).max(500)`.
 */
/**
 * A whole number in a query string: decimal digits only, given once. A plain coercion read
 * `0x10` as 16, `1e3` as 1000 and a repeated `limit=1&limit=2` as NaN (found from outside).
 */
export function queryInt(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string({ error: (i) => (Array.isArray(i.input) ? 'given more than once' : 'must be a whole number') })
    .regex(/^\d+$/, 'must be a whole number in decimal digits')
    // Digits, but too many: out of range, said as such (found from outside: it read "not digits").
    .refine((v) => v.replace(/^0+(?=\d)/, '').length <= String(max).length, `must be at most ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
}

/**
 * Control characters no id or line of text may hold: C0, DEL, C1 (U+0080–U+009F, such as NEL) and
 * the line and paragraph separators, which break a line as a newline does.
 */
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Control characters no text a person reads may hold: CONTROL_CHARS but tab and line breaks. A
 * buyer's "hi\u0007\u001b[31m" was stored and sent to every console and to `npm run chat`'s
 * terminal as it was (found from outside).
 */
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
export const TEXT_CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
export const TEXT_CONTROL_MESSAGE = 'must not contain control characters (tab and line breaks are fine)';

/**
 * Characters that break a line in some editor or terminal but not as `\n` does: vertical tab, form
 * feed, NEL, the line and paragraph separators. Pasted text carries them (Word's soft breaks are
 * `\v`); refusing the message for them was unkind, so texts people read store them as `\n`.
 */
// eslint-disable-next-line no-control-regex -- these are the line breaks to rewrite
const OTHER_LINE_BREAKS = /[\u000b\u000c\u0085\u2028\u2029]/g;
export const asNewlines = (t: string): string => t.replace(OTHER_LINE_BREAKS, '\n');

/**
 * An id or one line of text from a platform or an integrator (an order id, a user id, a receiver's
 * name): storable, 1–`max` characters, no control characters, and not only spaces (found from
 * outside: a coupon was delivered to the user "   ").
 */
export function lineString(max: number): z.ZodString {
  return storableString()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !CONTROL_CHARS.test(v), 'must not contain control characters')
    .refine((v) => v.trim().length > 0, 'must not be blank');
}

/**
 * A required text people read (an FAQ entry, a note, a canned reply), trimmed, 1–`max` characters:
 * other line breaks stored as `\n`, and no other control character. One rule for every such text,
 * so that what the FAQ refuses a note refuses too.
 */
export function readableText(max: number): z.ZodString {
  return storableString({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a string') })
    .overwrite(asNewlines)
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((v) => !TEXT_CONTROL_CHARS.test(v), { error: TEXT_CONTROL_MESSAGE });
}

/**
 * A money amount as a decimal string (at most 16 digits before the point and 2 after), in one
 * spelling per value as numeric(18,2) returns it: `"7"` → `"7.00"`, `"007.5"` → `"7.50"`.
 */
export function decimalString(example: string): z.ZodPipe<z.ZodString, z.ZodTransform<string, string>> {
  return storableString()
    .regex(/^\d{1,16}(\.\d{1,2})?$/, `must be a decimal string with at most 16 digits before and 2 after the point, like "${example}"`)
    .transform((v) => {
      const [int = '0', frac = ''] = v.split('.');
      return `${int.replace(/^0+(?=\d)/, '')}.${frac.padEnd(2, '0')}`;
    });
}

/** For a route that takes no body: nothing, an empty body or `{}`; anything else is refused, naming it (found from outside: `{"x":1}` was ignored). */
export function noBody(body: unknown): void {
  // An empty body of another type (text/plain) is parsed to '': no body either (found in review).
  if (typeof body === 'string' && body.trim() === '') return;
  parseInput(NO_BODY, body);
}
const NO_BODY = z.strictObject({});

/**
 * zod's own messages ("Too big: expected string to have <=128 characters") in kefu's wording, the
 * one the pages translate ("must be at most 128 characters"). A schema's own message still wins.
 */
export function kefuIssueMessage(iss: z.core.$ZodRawIssue): string | undefined {
  const n = (k: 'maximum' | 'minimum') => Number((iss as unknown as Record<string, unknown>)[k]);
  switch (iss.code) {
    case 'too_big':
      if (iss.origin === 'string') return `must be at most ${n('maximum')} characters`;
      if (iss.origin === 'array') return `must have at most ${n('maximum')} items`;
      return iss.inclusive === false ? `must be less than ${n('maximum')}` : `must be at most ${n('maximum')}`;
    case 'too_small':
      if (iss.origin === 'string') return n('minimum') <= 1 ? 'must not be empty' : `must be at least ${n('minimum')} characters`;
      if (iss.origin === 'array') return `must have at least ${n('minimum')} item${n('minimum') === 1 ? '' : 's'}`;
      return iss.inclusive === false ? `must be greater than ${n('minimum')}` : `must be at least ${n('minimum')}`;
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      return `must be ${TYPE_NAMES[iss.expected] ?? `of type ${iss.expected}`}`;
    case 'invalid_value':
      return `must be one of ${iss.values.map(String).join(', ')}`;
    default:
      return undefined;
  }
}

const TYPE_NAMES: Record<string, string> = { string: 'a string', number: 'a number', int: 'an integer', boolean: 'true or false', object: 'an object', array: 'an array' };

z.config({ customError: kefuIssueMessage });

export function storableString(params?: string | z.core.$ZodStringParams): z.ZodString {
  return z.string(params).refine(isStorableText, { error: UNSTORABLE_TEXT });
}
