/**
 * A small multinomial naive-Bayes model over word and character-bigram features, trained on the
 * TRAIN split of the labelled corpus. It complements the hand-weighted lexicon: the lexicon knows
 * the domain's key phrases, the model picks up the everyday words buyers wrap them in ("订单现在
 * 什么状态", "how soon can I get it") that no cue lists.
 *
 * Posteriors are tempered: the log-likelihood is averaged per known feature before the softmax,
 * so a long message does not become absurdly certain, and features never seen in training are
 * ignored instead of penalising the classes with more training text.
 */

export interface TrainingExample {
  readonly features: readonly string[];
  readonly label: string;
}

export interface BayesOptions {
  /** Laplace smoothing. */
  readonly alpha?: number;
  /** Sharpness of the tempered posterior. */
  readonly sharpness?: number;
}

export class NaiveBayes {
  readonly labels: readonly string[];
  readonly #logLik: Map<string, Float64Array>;
  readonly #sharpness: number;

  private constructor(labels: string[], logLik: Map<string, Float64Array>, sharpness: number) {
    this.labels = labels;
    this.#logLik = logLik;
    this.#sharpness = sharpness;
  }

  static train(examples: readonly TrainingExample[], opts: BayesOptions = {}): NaiveBayes {
    const alpha = opts.alpha ?? 0.3;
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const index = new Map(labels.map((l, i) => [l, i]));
    const counts = new Map<string, Float64Array>();
    const totals = new Float64Array(labels.length);
    for (const ex of examples) {
      const c = index.get(ex.label)!;
      for (const f of new Set(ex.features)) {
        let row = counts.get(f);
        if (!row) counts.set(f, (row = new Float64Array(labels.length)));
        row[c]! += 1;
        totals[c]! += 1;
      }
    }
    const vocab = counts.size;
    const logLik = new Map<string, Float64Array>();
    for (const [f, row] of counts) {
      const ll = new Float64Array(labels.length);
      for (let c = 0; c < labels.length; c++) ll[c] = Math.log((row[c]! + alpha) / (totals[c]! + alpha * vocab));
      logLik.set(f, ll);
    }
    return new NaiveBayes(labels, logLik, opts.sharpness ?? 1.5);
  }

  /** Tempered posterior per label (same order as `labels`); uniform when no feature is known. */
  posterior(features: readonly string[]): Float64Array {
    const n = this.labels.length;
    const z = new Float64Array(n);
    let known = 0;
    for (const f of new Set(features)) {
      const ll = this.#logLik.get(f);
      if (!ll) continue;
      known++;
      for (let c = 0; c < n; c++) z[c]! += ll[c]!;
    }
    const p = new Float64Array(n);
    if (known === 0) return p.fill(1 / n);
    let max = -Infinity;
    for (let c = 0; c < n; c++) {
      z[c] = (this.#sharpness * z[c]!) / Math.sqrt(known);
      if (z[c]! > max) max = z[c]!;
    }
    let sum = 0;
    for (let c = 0; c < n; c++) sum += p[c] = Math.exp(z[c]! - max);
    for (let c = 0; c < n; c++) p[c]! /= sum;
    return p;
  }
}

const HAN_RUN = /\p{Script=Han}{2,}/gu;
const LATIN = /^[a-z]+$/;

/** Features of one utterance: its words (English lightly stemmed) and the character bigrams of its Chinese. */
export function featuresOf(normalizedText: string, tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) out.push(LATIN.test(t) ? stem(t) : t);
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
