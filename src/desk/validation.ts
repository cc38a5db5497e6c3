/**
 * Input rules of the agent desk (notes, ratings, canned replies, reveals, stats queries), as zod
 * schemas read through `parseInput`: every failure is BAD_REQUEST whose message starts with the
 * field and whose `details.field` names it, and nothing is stored for a refused body.
 *
 * Texts are trimmed before their length is checked (a note of spaces is empty), and U+0000 or an
 * unpaired surrogate is refused here (storableString) because PostgreSQL cannot store it. Limits
 * are docs/api.md's.
 */
import { z } from 'zod';
import { asNewlines, CONTROL_CHARS, isoTime, readableText, storableString, TEXT_CONTROL_CHARS, TEXT_CONTROL_MESSAGE } from '../protocol/validation.ts';

export const LIMITS = Object.freeze({
  noteMax: 4000,
  commentMax: 500,
  titleMax: 100,
  cannedTextMax: 4000,
  /** The longest stats window, in days. */
  statsMaxDays: 92,
  /** The stats window when the query names neither end, in hours. */
  statsDefaultHours: 24,
});

const requiredString = () => storableString({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a string') });

// Texts people read refuse control characters as messages and FAQ texts do (a note "\u001b[31mred" reached every console: found from outside).
const text = readableText;

// Strict: a misspelt field (`tilte`) is refused, not dropped with what it held (found from outside).
const body = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape, { error: 'must be a JSON object' });

export const NoteInput = body({ text: text(LIMITS.noteMax) });

export const RatingInput = body({
  score: z
    .number({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be an integer from 1 to 5') })
    .int({ error: 'must be an integer from 1 to 5' })
    .min(1, { error: 'must be an integer from 1 to 5' })
    .max(5, { error: 'must be an integer from 1 to 5' }),
  // An empty (or all-space) comment is the same as none.
  comment: storableString({ error: 'must be a string' })
    .overwrite(asNewlines)
    .trim()
    .max(LIMITS.commentMax, { error: `must be at most ${LIMITS.commentMax} characters` })
    .refine((v) => !TEXT_CONTROL_CHARS.test(v), { error: TEXT_CONTROL_MESSAGE })
    .optional(),
});

export const CannedInput = body({ title: text(LIMITS.titleMax), text: text(LIMITS.cannedTextMax) });
export type CannedInput = z.infer<typeof CannedInput>;

export const PII_FIELDS = ['phone', 'address'] as const;
export type PiiField = (typeof PII_FIELDS)[number];

/** One line (an order id): no control characters at all, line breaks included. */
const line = (max: number) =>
  requiredString()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((v) => !CONTROL_CHARS.test(v), { error: 'must not contain control characters' });

export const RevealInput = body({
  orderId: line(128),
  field: z.enum(PII_FIELDS, { error: 'must be "phone" or "address"' }),
});

/**
 * Strict, like every query (docs/api.md, "Conventions"): an unknown or empty parameter is refused,
 * and the error names the unknown parameter itself rather than the whole query.
 */
const query = <T extends z.ZodRawShape>(shape: T) =>
  z.looseObject(shape).superRefine((v, ctx) => {
    for (const key of Object.keys(v)) if (!Object.hasOwn(shape, key)) ctx.addIssue({ code: 'custom', path: [key], message: 'is not a parameter of this route' });
  });

export const StatsQuery = query({
  from: isoTime('must be an ISO time with a zone').optional(),
  to: isoTime('must be an ISO time with a zone').optional(),
});
