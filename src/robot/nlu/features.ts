/**
 * What the trained intent model (intent-model.ts) sees of an utterance: its words, English lightly
 * stemmed, any token with four digits in a row as one `<number>`, and the character bigrams of its
 * Chinese, which keep a match alive when segmentation or a typo splits a word differently.
 */
const HAN_RUN = /\p{Script=Han}{2,}/gu;
const LATIN = /^[a-z]+$/;
const NUMBER = /\d{4}/;

/** Features of one utterance: its words (English lightly stemmed) and the character bigrams of its Chinese. */
export function featuresOf(normalizedText: string, tokens: readonly string[]): string[] {
  const out: string[] = [];
  // An order or tracking number is a number, not a word: the model would learn its TRAIN lines' ids by heart.
  for (const t of tokens) out.push(LATIN.test(t) ? stem(t) : NUMBER.test(t) ? '<number>' : t);
  for (const m of normalizedText.matchAll(HAN_RUN)) {
    const run = m[0];
    for (let i = 0; i + 1 < run.length; i++) out.push(`#${run.slice(i, i + 2)}`);
  }
  return out;
}

/** Enough stemming to meet "ships/shipped/shipping" and "refunds/refunded" in one feature. */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith('ed') && w.length > 4) return undouble(w.slice(0, -2));
  if (w.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[lsz]/.test(w[w.length - 1]!) ? w.slice(0, -1) : w;
}
