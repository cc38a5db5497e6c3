/**
 * `node src/robot/eval/faq-balance.ts`: the FAQ confidence regression (faq-fit.ts) fitted two ways,
 * every TRAIN pair weighing 1 (penalty by 5 folds of whole queries) against every FAQ set weighing
 * the same (Weighting `shop`, penalty by 5 folds of whole FAQ sets), measured two ways.
 *
 * (a) Leave one FAQ set out (the nearest thing to a new shop): fitted on the TRAIN pairs of the other
 *     sets, penalty chosen by cross-validation on those pairs only; every query of the held-out set
 *     scored. Pooled over the 16 folds: right answers at the lowest threshold that answers at most 1%
 *     and 2% of the off-topic questions; per set, what those pooled thresholds give it; and the gain
 *     with each set left out of the pool (is it one set's?).
 * (b) TRAIN → VALIDATION as faq-tune.ts does it: fitted on every set's TRAIN pairs, thresholds chosen
 *     on VALIDATION (TRAIN's off-topic questions within the bound too).
 *
 * VALIDATION never chooses anything here but the thresholds of (b); the blind sets are never read.
 * Adapted from the boosted-trees comparison, which was not kept (docs/robot-evaluation.md, part 37).
 */
import { FaqIndex } from '../faq-index.ts';
import { FAQ_FEATURES } from '../faq-confidence.ts';
import { createNlu } from '../nlu/understand.ts';
import { chooseLambda, fitSigned, shopBalanced, type Folds, type Weighting } from './faq-fit.ts';
import { chooseFaqThresholds, faqScoresAt, MAX_FALSE_ANSWERS, pct, readFaqSets, routesToFaq, type FaqScored } from './evaluate.ts';

interface Cand {
  readonly id: string;
  readonly lexical: number;
  readonly x: number[];
}
interface Q {
  readonly set: string;
  readonly split: string;
  readonly expect: string | null;
  readonly routed: boolean;
  readonly cands: Cand[];
}
type Scored = FaqScored & { readonly set: string };
type Prob = (x: readonly number[]) => number;
interface Variant {
  readonly name: string;
  readonly weighting: Weighting;
  readonly folds: Folds;
}

const VARIANTS: readonly Variant[] = [
  { name: 'unweighted', weighting: 'none', folds: 'query' },
  { name: 'balanced', weighting: 'shop', folds: 'set' },
  // Which of the two changes does it: the folds alone.
  { name: 'unw+setCV', weighting: 'none', folds: 'set' },
];

function loadQueries(): Q[] {
  const routed = routesToFaq(createNlu());
  const out: Q[] = [];
  for (const set of readFaqSets()) {
    const index = new FaqIndex(set.entries, { model: null, threshold: 0, clarifyThreshold: 0 });
    for (const q of set.queries) {
      const cands = index.explain(q.text, 4).map((c) => ({ id: c.entry.id, lexical: c.lexical, x: FAQ_FEATURES.map((f) => c.features[f]) }));
      out.push({ set: set.name, split: (q.split as string) === 'eval' ? 'validation' : q.split, expect: q.expect, routed: routed(q.text), cands });
    }
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** As scoreFaqSplit (evaluate.ts) ranks: confidences rounded, re-ordered by them, then by lexical coverage. */
function scoreWith(qs: readonly Q[], prob: Prob): Scored[] {
  return qs.map((q) => ({
    set: q.set,
    expect: q.expect,
    ranked: q.routed
      ? q.cands
          .map((c) => ({ id: c.id, confidence: round(prob(c.x)), lexical: round(c.lexical) }))
          .sort((a, b) => b.confidence - a.confidence || b.lexical - a.lexical)
          .slice(0, 4)
      : [],
  }));
}

/** The TRAIN pairs (first lexical candidate of every TRAIN query), as faq-fit.ts's trainingExamples takes them. */
function examplesOf(qs: readonly Q[], weighting: Weighting) {
  const pairs = qs
    .filter((q) => q.split === 'train')
    .map((q, query) => ({ q, query }))
    .filter(({ q }) => q.cands.length)
    .map(({ q, query }) => ({ x: [1, ...q.cands[0]!.x], y: q.cands[0]!.id === q.expect ? 1 : 0, query, offTopic: q.expect === null, set: q.set, weight: 1 }));
  return weighting === 'shop' ? shopBalanced(pairs) : pairs;
}

function fitRegression(qs: readonly Q[], v: Variant): { prob: Prob; lambda: number; w: number[] } {
  const examples = examplesOf(qs, v.weighting);
  const { lambda } = chooseLambda(examples, v.folds);
  const { w } = fitSigned(examples, lambda);
  return { prob: (x) => 1 / (1 + Math.exp(-(w[0]! + x.reduce((s, a, i) => s + a * w[i + 1]!, 0)))), lambda, w };
}

/** Right answers at the lowest threshold that answers at most `rate` of the off-topic questions. */
function atBound(scored: readonly FaqScored[], rate: number): { t: number; hit: number; off: number } {
  const ts = [...new Set(scored.flatMap((s) => s.ranked.map((r) => r.confidence)))].sort((a, b) => a - b);
  for (const t of [...ts, 1.01]) {
    const r = faqScoresAt(scored, t, t);
    if (r.falseAnswerRate <= rate) return { t, hit: r.hitAt1, off: r.falseAnswerRate };
  }
  return { t: 1.01, hit: 0, off: 0 };
}

function leaveOneSetOut(qs: readonly Q[], v: Variant): Scored[] {
  const pooled: Scored[] = [];
  const notes: string[] = [];
  for (const held of [...new Set(qs.map((q) => q.set))]) {
    const { prob, lambda } = fitRegression(
      qs.filter((q) => q.set !== held),
      v,
    );
    pooled.push(...scoreWith(qs.filter((q) => q.set === held), prob));
    notes.push(`${held} ${lambda}`);
  }
  console.log(`  ${v.name}: penalty chosen per fold: ${notes.join(', ')}`);
  return pooled;
}

const BOUNDS = [0.01, 0.02] as const;

function tune(v: Variant, qs: readonly Q[]): void {
  const { prob, lambda, w } = fitRegression(qs, v);
  const of = (split: string) => scoreWith(qs.filter((q) => q.split === split), prob);
  const c = chooseFaqThresholds(of('validation'), MAX_FALSE_ANSWERS, of('train'));
  const lines = (['train', 'validation'] as const).map((s) => {
    const r = faqScoresAt(of(s), c.threshold, c.clarifyThreshold);
    return `${s} hit@1 ${pct(r.hitAt1)} off-topic ${pct(r.falseAnswerRate)} offered ${pct(r.clarifyRecall)}`;
  });
  console.log(`  ${v.name.padEnd(10)} lambda ${lambda}, answer >= ${c.threshold}, clarify >= ${c.clarifyThreshold}: ${lines.join('; ')}`);
  console.log(`  ${''.padEnd(10)} weights ${['bias', ...FAQ_FEATURES].map((f, i) => `${f} ${w[i]!.toFixed(2)}`).join(', ')}`);
}

/** Per held-out set, at each variant's pooled thresholds: right answers / off-topic answered. */
function perSet(pools: Record<string, Scored[]>, base: string, other: string): void {
  const sets = [...new Set(pools[base]!.map((s) => s.set))];
  for (const rate of BOUNDS) {
    const t = Object.fromEntries(Object.entries(pools).map(([n, p]) => [n, atBound(p, rate).t]));
    let up = 0;
    let down = 0;
    console.log(`  at ${pct(rate)} off-topic (pooled thresholds ${Object.entries(t).map(([n, x]) => `${n} ${x}`).join(', ')}):`);
    for (const set of sets) {
      const r = Object.fromEntries(Object.entries(pools).map(([n, p]) => [n, faqScoresAt(p.filter((s) => s.set === set), t[n]!, t[n]!)]));
      const d = r[other]!.hitAt1 - r[base]!.hitAt1;
      if (d > 1e-9) up++;
      if (d < -1e-9) down++;
      const cells = Object.entries(r).map(([n, x]) => `${n} ${pct(x.hitAt1).padStart(6)} (off ${pct(x.falseAnswerRate)})`);
      console.log(`    ${set.padEnd(12)} ${cells.join('  ')}  ${other}-${base} ${(d * 100).toFixed(1)}`);
    }
    console.log(`    ${other} vs ${base}: ${up} sets up, ${down} down, ${sets.length - up - down} level`);
  }
}

/** The pooled gain with each set left out of the pool (thresholds re-chosen on the rest). */
function withoutEach(pools: Record<string, Scored[]>, base: string, other: string): void {
  const sets = [...new Set(pools[base]!.map((s) => s.set))];
  for (const rate of BOUNDS) {
    const gains = sets.map((set) => {
      const [b, o] = [base, other].map((n) => atBound(pools[n]!.filter((s) => s.set !== set), rate).hit);
      return { set, gain: o! - b! };
    });
    const cells = gains.map((g) => `${g.set} ${(g.gain * 100).toFixed(1)}`);
    console.log(`  at ${pct(rate)}: ${other}-${base} in points, pool without …: ${cells.join(', ')}; min ${(Math.min(...gains.map((g) => g.gain)) * 100).toFixed(1)}`);
  }
}

function main(): void {
  const qs = loadQueries();
  console.log('(b) TRAIN -> VALIDATION, thresholds as faq-tune.ts chooses them');
  for (const v of VARIANTS) tune(v, qs);
  if (process.argv.includes('--b')) return;
  console.log('(a) leave one FAQ set out, every query of the held-out set, pooled');
  const pools: Record<string, Scored[]> = {};
  for (const v of VARIANTS) pools[v.name] = leaveOneSetOut(qs, v);
  for (const [name, pooled] of Object.entries(pools)) {
    const at = BOUNDS.map((r) => atBound(pooled, r));
    const inFaq = pooled.filter((s) => s.expect !== null).length;
    console.log(`  ${name.padEnd(10)} ${at.map((a, i) => `at ${pct(BOUNDS[i]!)}: ${pct(a.hit)} (threshold ${a.t}, off-topic ${pct(a.off)})`).join('  ')}  (${inFaq} in-FAQ, ${pooled.length - inFaq} off-topic)`);
  }
  perSet(pools, 'unweighted', 'balanced');
  withoutEach(pools, 'unweighted', 'balanced');
}

main();
