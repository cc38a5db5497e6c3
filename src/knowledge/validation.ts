/**
 * Input rules of shop knowledge (FAQ entries, word lists). Every failure is a
 * KefuError('BAD_REQUEST') whose message starts with the offending field ("alternates[3] must
 * be at most 500 characters") and whose details carry it as `field`.
 */
import { z } from 'zod';
import { KefuError } from '../protocol/errors.ts';
import { hostName, normalizeForMatch, phoneDigits, shopHostRefused } from './sensitive.ts';
import { fieldOf, isStorableText, readableText, unknownField } from '../protocol/validation.ts';
import { canonicalTimeZone, isTimeZone } from '../robot/time-zone.ts';

const LIMITS = Object.freeze({
  questionMax: 500,
  answerMax: 4000,
  alternatesMax: 50,
  alternateMax: 500,
  wordsMax: 5000,
  wordMax: 50,
  contactHostsMax: 50,
  contactPhonesMax: 20,
});

// storableString (inside readableText): PostgreSQL cannot store U+0000 or an unpaired surrogate;
// refuse them here (`answer contains a NUL character or an unpaired surrogate`) instead of failing later.
const text = readableText;

const FaqInputSchema = z.strictObject(
  {
    question: text(LIMITS.questionMax),
    answer: text(LIMITS.answerMax),
    alternates: z
      .array(text(LIMITS.alternateMax), { error: 'must be an array of strings' })
      .max(LIMITS.alternatesMax, { error: `must have at most ${LIMITS.alternatesMax} entries` })
      .optional(),
  },
  { error: 'must be a JSON object' },
);

/** An edit may name the version it was made on: a lost update is refused instead of made (two admins at once). */
const FaqUpdateSchema = FaqInputSchema.extend({
  version: z.int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).max(2_147_483_647, { error: 'must be at most 2147483647' }).optional(),
});

const WordsInputSchema = z.strictObject(
  {
    words: z
      .array(text(LIMITS.wordMax), { error: (iss) => (iss.input === undefined ? 'is required' : 'must be an array of strings') })
      .max(LIMITS.wordsMax, { error: `must have at most ${LIMITS.wordsMax} entries` }),
  },
  { error: 'must be a JSON object' },
);

const TimeZoneInputSchema = z.strictObject(
  {
    timeZone: z
      .string({ error: (iss) => (iss.input === undefined ? 'is required (null: the default zone)' : 'must be an IANA time zone name or null') })
      .trim()
      .max(64, { error: 'must be at most 64 characters' })
      .refine(isTimeZone, { error: 'must be an IANA time zone name such as "America/New_York" or "Asia/Shanghai"' })
      // Stored by its canonical name ("america/new_york" → "America/New_York", "PRC" → "Asia/Shanghai").
      .transform((zone) => canonicalTimeZone(zone)!)
      .nullable(),
  },
  { error: 'must be a JSON object' },
);

const hostList = (what: string) =>
  z
    .array(
      z
        .string({ error: 'must be a host name' })
        .refine((h) => hostName(h) !== undefined, { error: `must be a host name like ${what}, without scheme, path or port` })
        .transform((h) => hostName(h)!)
        .superRefine((h, ctx) => {
          const why = shopHostRefused(h);
          if (why) ctx.addIssue({ code: 'custom', message: `${why} ("${h}")` });
        }),
      { error: 'must be an array of host names' },
    )
    .max(LIMITS.contactHostsMax, { error: `must have at most ${LIMITS.contactHostsMax} entries` })
    .default([]);

const ContactsInputSchema = z.strictObject(
  {
    linkHosts: hostList('shop.example.com'),
    imageHosts: hostList('img.example.com'),
    phones: z
      .array(
        z
          .string({ error: 'must be a phone number' })
          .max(32, { error: 'must be at most 32 characters' })
          // 7 digits at least: a shorter one would allow too many numbers by its tail.
          .refine((p) => (phoneDigits(p)?.length ?? 0) >= 7, { error: 'must be a phone number of 7 to 15 digits (spaces, dashes, dots, brackets and a leading + are fine)' }),
        { error: 'must be an array of phone numbers' },
      )
      .max(LIMITS.contactPhonesMax, { error: `must have at most ${LIMITS.contactPhonesMax} entries` })
      .default([]),
  },
  { error: 'must be a JSON object' },
);

export interface ContactsInput {
  readonly linkHosts: string[];
  readonly imageHosts: string[];
  /** As typed (trimmed): shown back to admins; compared by their digits. */
  readonly phones: string[];
}

/** `{ linkHosts?, imageHosts?, phones? }`: each list replaces the shop's; one left out is emptied. Duplicates are dropped. */
export function parseContactsInput(input: unknown): ContactsInput {
  const c = parse(ContactsInputSchema, input);
  return { linkHosts: [...new Set(c.linkHosts)], imageHosts: [...new Set(c.imageHosts)], phones: [...new Set(c.phones.map((p) => p.trim()))] };
}

/** `{ timeZone: "America/New_York" | null }`: a zone this Node knows, or null for the process's default. */
export function parseTimeZoneInput(input: unknown): string | null {
  return parse(TimeZoneInputSchema, input).timeZone;
}

export interface FaqInput {
  readonly question: string;
  readonly answer: string;
  readonly alternates: string[];
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  // A misspelt field (`alternate`) is refused, not dropped with what it held (found from outside).
  if (issue.code === 'unrecognized_keys') throw unknownField(issue);
  const field = fieldOf(issue.path);
  throw new KefuError('BAD_REQUEST', `${field} ${issue.message}`, { field });
}

/** `{ question, answer, alternates?, version? }`: an edit, with the entry's version it was made on when the client sends it. */
export function parseFaqUpdate(input: unknown): FaqInput & { readonly version?: number } {
  const v = parse(FaqUpdateSchema, input);
  return { ...faqInput(v), ...(v.version !== undefined ? { version: v.version } : {}) };
}

/** `{ question, answer, alternates? }`, trimmed; alternates deduplicated, order kept. */
export function parseFaqInput(input: unknown): FaqInput {
  return faqInput(parse(FaqInputSchema, input));
}

const faqInput = (v: { question: string; answer: string; alternates?: string[] | undefined }): FaqInput => ({ question: v.question, answer: v.answer, alternates: [...new Set(v.alternates ?? [])] });

/**
 * `{ words: [...] }`, trimmed, deduplicated by matching form ("VX" and "v x" are one word to the
 * filter; the first spelling is kept). A word with no letter or digit could never match anything
 * and is refused rather than silently stored.
 */
export function parseWordsInput(input: unknown): string[] {
  return normaliseWordList(parse(WordsInputSchema, input).words);
}

/** The same rules for a list given in code (the global list). */
export function parseWordList(words: readonly string[]): string[] {
  return parseWordsInput({ words });
}

function normaliseWordList(words: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  words.forEach((w, i) => {
    const key = normalizeForMatch(w);
    if (key === '') throw new KefuError('BAD_REQUEST', `words[${i}] has no letter or digit to match`, { field: `words[${i}]` });
    if (seen.has(key)) return;
    seen.add(key);
    out.push(w);
  });
  return out;
}

/** Shop ids come from tokens and paths; '*' is the scope of the global word list. */
export function assertShopId(shopId: unknown): asserts shopId is string {
  if (typeof shopId !== 'string' || shopId.length === 0 || shopId.length > 128 || shopId === '*' || !isStorableText(shopId)) {
    throw new KefuError('BAD_REQUEST', 'shopId must be 1..128 characters and not "*"', { field: 'shopId' });
  }
}
