/**
 * Offline evaluation of the robot's understanding. The corpus has three splits: TRAIN trains the
 * classifier's trained model (scoring it says nothing), VALIDATION is what the lexicon and
 * weights are tuned on and what floors.json gates (`npm run eval:bot`, test/robot/eval.test.ts),
 * TEST is scored to report only (`npm run eval:bot -- --split test`) and never tuned to.
 *
 * Relative dates in the corpus are written as if spoken on EVAL_NOW (a Wednesday, UTC+8).
 */
import { readFileSync } from 'node:fs';
import { initialState, plan } from '../dialogue.ts';
import { ANSWER_MARGIN, FaqIndex, lead, type FaqEntry } from '../faq-index.ts';
import { readCorpus, type LabelledUtterance, type Split } from '../nlu/corpus.ts';
import { createNlu, type Nlu } from '../nlu/understand.ts';
import type { Tokenizer } from '../nlu/tokenizer.ts';
import type { EntityType, Intent, Lang } from '../types.ts';

export const EVAL_NOW = new Date('2024-11-27T10:00:00+08:00');
export const LANGS: readonly Lang[] = ['zh', 'en'];

export interface Miss {
  readonly text: string;
  readonly expected: string;
  readonly got: string;
}

export interface IntentReport {
  readonly n: number;
  readonly intentAccuracy: number;
  /**
   * Share of utterances the robot would answer with "did you mean …?" (intent unknown, a guess
   * made): not wrong, but one more turn for the buyer.
   */
  readonly clarifyRate: number;
  /** Per intent: precision (of the utterances given this intent, how many had it) and recall. */
  readonly perIntent: Readonly<Partial<Record<Intent, { n: number; predicted: number; precision: number; recall: number }>>>;
  /** Share of utterances whose extracted entities are exactly the labelled ones (none included). */
  readonly entityAccuracy: number;
  /** Micro precision, recall and F1 of the extracted entities, per kind and over all kinds. */
  readonly entities: EntityScores;
  readonly languageAccuracy: number;
  /** Intents by accuracy, worst first, with what they were mistaken for. */
  readonly worst: readonly { intent: Intent; n: number; accuracy: number; confusedWith: readonly { intent: Intent; count: number }[] }[];
  readonly intentMisses: readonly Miss[];
  readonly entityMisses: readonly Miss[];
}

/** Entity counts of one kind (or all): extracted and labelled (tp), extracted only (fp), labelled only (fn). */
export interface EntityCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface EntityScore extends EntityCounts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface EntityScores {
  readonly all: EntityScore;
  readonly perKind: Readonly<Record<EntityType, EntityScore>>;
}

/**
 * The kinds the labelled sets annotate. A `dateRange` ("last week") is not scored: the sets label
 * vague spans with no date, and the robot's span is not a day it claims the buyer named.
 */
export const ENTITY_KINDS: readonly EntityType[] = ['orderId', 'date', 'phoneTail', 'ordinal', 'sku'];
const SCORED_KINDS: ReadonlySet<string> = new Set(ENTITY_KINDS);

/**
 * Precision, recall and F1 from counts. With nothing extracted nothing was wrong, and with nothing
 * labelled nothing was missed (each 1), so a split without an entity kind does not read as failing it.
 */
export function entityScore(c: EntityCounts): EntityScore {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/**
 * Micro counts of one utterance's entities, as multisets of `type=value`: a value extracted twice
 * and labelled once is one true and one false positive.
 */
export function countEntities(want: readonly string[], got: readonly string[]): Map<string, { tp: number; fp: number; fn: number }> {
  const out = new Map<string, { tp: number; fp: number; fn: number }>();
  const row = (key: string) => {
    const kind = key.slice(0, key.indexOf('='));
    const r = out.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
    out.set(kind, r);
    return r;
  };
  const left = new Map<string, number>();
  for (const w of want) left.set(w, (left.get(w) ?? 0) + 1);
  for (const g of got) {
    const n = left.get(g) ?? 0;
    if (n > 0) {
      left.set(g, n - 1);
      row(g).tp++;
    } else row(g).fp++;
  }
  for (const [w, n] of left) row(w).fn += n;
  return out;
}

/** Sums per-utterance counts (countEntities) into scores per kind and over all kinds. */
export function scoreEntities(counts: Iterable<Map<string, EntityCounts>>): EntityScores {
  const sum = new Map<string, { tp: number; fp: number; fn: number }>(ENTITY_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  for (const m of counts) {
    for (const [kind, c] of m) {
      const s = sum.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
      sum.set(kind, s);
      s.tp += c.tp;
      s.fp += c.fp;
      s.fn += c.fn;
    }
  }
  const all = { tp: 0, fp: 0, fn: 0 };
  for (const c of sum.values()) {
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
  }
  const perKind = Object.fromEntries([...sum].map(([k, c]) => [k, entityScore(c)])) as Record<EntityType, EntityScore>;
  return { all: entityScore(all), perKind };
}

/**
 * FAQ answers as the buyer gets them: the robot consults the shop's FAQ only for a message whose
 * intent calls for it (dialogue.ts `plan`: a shop question, a policy question, a data question that
 * is not about the buyer's own order, or nothing understood), so "转人工" or "change my address" is
 * never answered from the FAQ however well it matches. `index*` are the FAQ index's alone, asked
 * every query.
 */
export interface FaqReport {
  readonly inFaq: number;
  readonly hitAt1: number;
  readonly outOfFaq: number;
  /** Share of out-of-FAQ queries that got an answer anyway. */
  readonly falseMatchRate: number;
  readonly indexHitAt1: number;
  readonly indexFalseMatchRate: number;
  readonly misses: readonly Miss[];
}

/** Whether the robot consults the shop's FAQ for this text as the first message of a conversation. */
export function routesToFaq(nlu: Nlu): (text: string) => boolean {
  return (text) => plan(initialState(), { shopId: 'eval', userId: 'eval', text, understanding: nlu.understand(text, EVAL_NOW) }).needs.faq;
}

export type EvalSplit = Split;

export interface EvalReport {
  readonly split: EvalSplit | 'blind';
  readonly languages: Readonly<Record<Lang, { intent: IntentReport; faq: FaqReport }>>;
}

export interface Floors {
  readonly [lang: string]: { intentAccuracy: number; entityAccuracy: number; entityF1: number; faqHitAt1: number; faqFalseMatchRateMax: number };
}

export interface FaqQuery {
  readonly text: string;
  readonly lang: Lang;
  readonly expect: string | null;
  /** The demo set: train / eval (its validation split, gated); the outdoor shop: train / validation. FAQ thresholds are chosen on validation. */
  readonly split: 'train' | 'eval' | 'test' | 'validation';
}

const here = (f: string) => new URL(f, import.meta.url);

export function readDemoFaq(): FaqEntry[] {
  return (JSON.parse(readFileSync(here('./faq.demo.json'), 'utf8')) as { entries: FaqEntry[] }).entries;
}

export function readFaqQueries(): FaqQuery[] {
  return readFileSync(here('./faq-queries.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as FaqQuery);
}

/** A shop's FAQ with its queries: the demo, outdoor, beauty and grocery shops (entries mostly without alternates, as shops add them over REST). */
export interface FaqSet {
  readonly name: string;
  readonly entries: FaqEntry[];
  readonly queries: FaqQuery[];
}

export function readFaqSets(): FaqSet[] {
  const shop = (name: string): FaqSet => ({
    name,
    entries: (JSON.parse(readFileSync(here(`./faq.${name}.json`), 'utf8')) as { entries: FaqEntry[] }).entries,
    queries: jsonl<FaqQuery>(`./faq-queries.${name}.jsonl`),
  });
  return [{ name: 'demo', entries: readDemoFaq(), queries: readFaqQueries() }, shop('outdoor'), shop('beauty'), shop('grocery'), shop('baby'), shop('home'), shop('electronics'), shop('pets'), shop('cars'), shop('jewellery'), shop('tea'), shop('toys'), shop('fashion'), shop('bikes'), shop('books'), shop('luggage')];
}

export function readFloors(): Floors {
  return JSON.parse(readFileSync(here('./floors.json'), 'utf8')) as Floors;
}

/** FAQ queries of a corpus split; the FAQ file's older `eval` split is its validation split. */
const faqSplitOf = (q: FaqQuery): string => ((q.split as string) === 'eval' ? 'validation' : q.split);

export function runEvaluation(opts: { split?: EvalSplit; nlu?: Nlu; faq?: FaqIndex } = {}): EvalReport {
  const split = opts.split ?? 'validation';
  const nlu = opts.nlu ?? createNlu();
  const faq = opts.faq ?? new FaqIndex(readDemoFaq(), { tokenizer: nlu.tokenizer });
  const queries = readFaqQueries().filter((q) => faqSplitOf(q) === split);
  const languages = {} as Record<Lang, { intent: IntentReport; faq: FaqReport }>;
  for (const lang of LANGS) {
    const items = readCorpus(lang).filter((u) => u.split === split);
    languages[lang] = {
      intent: evaluateIntents(nlu, items),
      faq: evaluateFaq(
        faq,
        queries.filter((q) => q.lang === lang),
        routesToFaq(nlu),
      ),
    };
  }
  return { split, languages };
}

const entityKeys = (e: LabelledUtterance['entities']) =>
  Object.entries(e)
    .flatMap(([type, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${type}=${x}`))
    .sort();

export function evaluateIntents(nlu: Nlu, items: readonly LabelledUtterance[]): IntentReport {
  let intentOk = 0;
  let entityOk = 0;
  let langOk = 0;
  let clarify = 0;
  const predicted = new Map<Intent, number>();
  const intentMisses: Miss[] = [];
  const entityMisses: Miss[] = [];
  const per = new Map<Intent, { n: number; ok: number; confused: Map<Intent, number> }>();
  const entityCounts: Map<string, EntityCounts>[] = [];
  for (const item of items) {
    const u = nlu.understand(item.text, EVAL_NOW);
    const row = per.get(item.intent) ?? { n: 0, ok: 0, confused: new Map() };
    per.set(item.intent, row);
    row.n++;
    predicted.set(u.intent, (predicted.get(u.intent) ?? 0) + 1);
    if (u.intent === 'unknown' && u.guess) clarify++;
    if (u.intent === item.intent) {
      intentOk++;
      row.ok++;
    } else {
      row.confused.set(u.intent, (row.confused.get(u.intent) ?? 0) + 1);
      intentMisses.push({ text: item.text, expected: item.intent, got: u.guess ? `${u.intent} (guess ${u.guess})` : u.intent });
    }
    const wantKeys = entityKeys(item.entities).filter((k) => SCORED_KINDS.has(k.slice(0, k.indexOf('='))));
    const gotKeys = u.entities.filter((e) => SCORED_KINDS.has(e.type)).map((e) => `${e.type}=${e.value}`).sort();
    entityCounts.push(countEntities(wantKeys, gotKeys));
    const [want, got] = [wantKeys.join(' '), gotKeys.join(' ')];
    if (want === got) entityOk++;
    else entityMisses.push({ text: item.text, expected: want || '(none)', got: got || '(none)' });
    if (u.lang === item.lang) langOk++;
  }
  const n = items.length || 1;
  const worst = [...per.entries()]
    .map(([intent, r]) => ({
      intent,
      n: r.n,
      accuracy: r.ok / r.n,
      confusedWith: [...r.confused.entries()].map(([i, count]) => ({ intent: i, count })).sort((a, b) => b.count - a.count),
    }))
    .sort((a, b) => a.accuracy - b.accuracy || b.n - a.n);
  const perIntent: Partial<Record<Intent, { n: number; predicted: number; precision: number; recall: number }>> = {};
  for (const intent of new Set([...per.keys(), ...predicted.keys()])) {
    const r = per.get(intent);
    const p = predicted.get(intent) ?? 0;
    perIntent[intent] = { n: r?.n ?? 0, predicted: p, precision: p ? (r?.ok ?? 0) / p : 1, recall: r ? r.ok / r.n : 1 };
  }
  return {
    n: items.length,
    intentAccuracy: intentOk / n,
    clarifyRate: clarify / n,
    perIntent,
    entityAccuracy: entityOk / n,
    entities: scoreEntities(entityCounts),
    languageAccuracy: langOk / n,
    worst,
    intentMisses,
    entityMisses,
  };
}

/** One shop's queries of one split against thresholds, for choosing them: top hit and band of every query. */
export interface FaqScored {
  readonly expect: string | null;
  readonly ranked: readonly { id: string; confidence: number; lexical?: number }[];
}

/** Ranks every query of `split` in every FAQ set, thresholds not applied. */
export function scoreFaqSplit(split: FaqQuery['split'], sets: readonly FaqSet[] = readFaqSets(), tokenizer?: Tokenizer): FaqScored[] {
  const out: FaqScored[] = [];
  // Thresholds decide what buyers are answered: queries the robot never asks the FAQ get no candidates.
  const routed = routesToFaq(createNlu(tokenizer ? { tokenizer } : {}));
  for (const set of sets) {
    const index = new FaqIndex(set.entries, { ...(tokenizer ? { tokenizer } : {}), threshold: 0, clarifyThreshold: 0 });
    // The demo set's `eval` queries are its validation split (faqSplitOf).
    for (const q of set.queries.filter((x) => faqSplitOf(x) === split)) {
      const ranked = routed(q.text) ? index.rank(q.text, 4).map((h) => ({ id: h.entry.id, confidence: h.confidence, lexical: h.lexical })) : [];
      out.push({ expect: q.expect, ranked });
    }
  }
  return out;
}

export interface ThresholdChoice {
  readonly threshold: number;
  readonly clarifyThreshold: number;
  /** On the scored queries, with these thresholds. */
  readonly hitAt1: number;
  readonly falseAnswerRate: number;
  /** In-FAQ queries not answered whose entry is among the clarify candidates. */
  readonly clarifyRecall: number;
}

/**
 * The answer threshold: the lowest (most answers) whose rate of off-topic questions answered is at
 * most `maxFalseAnswers`. The clarify threshold: the one, below it, that offers the right entry to
 * the most unanswered in-FAQ questions, each off-topic question offered candidates costing two.
 */
// The confidence is a probability: below this, an offered entry is mostly noise.
const MIN_CLARIFY = 0.3;

/**
 * Share of VALIDATION's off-topic questions the answer threshold may answer. The issue's target is
 * 1%; on six shops, three written by people who never saw the code, 1% puts the threshold at 0.98,
 * where the demo shop's own paraphrases ("can i pay with paypal", 0.97) go unanswered and 29% of all
 * paraphrases are answered; at 2% it is 42% (docs/robot-evaluation.md, part 5). A deliberate miss.
 */
export const MAX_FALSE_ANSWERS = 0.02;

/**
 * `alsoWithin`: more scored queries (TRAIN's) whose off-topic ones must stay within the bound too.
 * About 180 off-topic questions per half make one question half a point; a threshold that keeps
 * both halves within the bound does not ride on a few near misses of one of them.
 */
export function chooseFaqThresholds(scored: readonly FaqScored[], maxFalseAnswers = MAX_FALSE_ANSWERS, alsoWithin: readonly FaqScored[] = []): ThresholdChoice {
  // Up to 0.99: the confidence is a fitted probability (src/robot/faq-confidence.ts), and near misses can reach 0.9.
  const grid = Array.from({ length: 70 }, (_, i) => Math.round((0.3 + i * 0.01) * 100) / 100);
  const off = scored.filter((s) => s.expect === null);
  const offAlso = alsoWithin.filter((s) => s.expect === null);
  const inFaq = scored.filter((s) => s.expect !== null);
  const answers = (t: number) => (s: FaqScored) => bandOf(s, t, 0) === 'answer';
  const within = (t: number, qs: readonly FaqScored[]) => qs.filter(answers(t)).length <= maxFalseAnswers * qs.length;
  const threshold = grid.find((t) => within(t, off) && within(t, offAlso)) ?? 0.99;
  let clarifyThreshold = threshold;
  let best = -Infinity;
  // Offering entries that share next to nothing with the question is noise, whatever it gains.
  for (const c of grid.map((g) => Math.round((g - 0.05) * 100) / 100).filter((c) => c >= MIN_CLARIFY && c < threshold)) {
    const gain = inFaq.filter((s) => bandOf(s, threshold, c) === 'clarify' && s.ranked.slice(0, 3).some((r) => r.id === s.expect && r.confidence >= c)).length;
    const cost = off.filter((s) => bandOf(s, threshold, c) === 'clarify').length;
    if (gain - 2 * cost > best) [best, clarifyThreshold] = [gain - 2 * cost, c];
  }
  return { threshold, clarifyThreshold, ...faqScoresAt(scored, threshold, clarifyThreshold) };
}

/** Hit@1, off-topic answered and clarify recall of scored queries at given thresholds. */
export function faqScoresAt(scored: readonly FaqScored[], threshold: number, clarify: number): Omit<ThresholdChoice, 'threshold' | 'clarifyThreshold'> {
  const off = scored.filter((s) => s.expect === null);
  const inFaq = scored.filter((s) => s.expect !== null);
  const hits = inFaq.filter((s) => bandOf(s, threshold, clarify) === 'answer' && s.ranked[0]!.id === s.expect).length;
  const unanswered = inFaq.filter((s) => bandOf(s, threshold, clarify) !== 'answer');
  const offered = unanswered.filter((s) => bandOf(s, threshold, clarify) === 'clarify' && s.ranked.slice(0, 3).some((r) => r.id === s.expect && r.confidence >= clarify)).length;
  return {
    hitAt1: inFaq.length ? hits / inFaq.length : 1,
    falseAnswerRate: off.length ? off.filter((s) => bandOf(s, threshold, clarify) === 'answer').length / off.length : 0,
    clarifyRecall: unanswered.length ? offered / unanswered.length : 1,
  };
}

/** The band FaqIndex.bandOf would give, from scored confidences. */
function bandOf(s: FaqScored, threshold: number, clarify: number): 'answer' | 'clarify' | 'none' {
  const [top, second] = s.ranked;
  if (!top || top.confidence < Math.min(clarify, threshold)) return 'none';
  const clear = !second || second.confidence < threshold || lead(top, second) >= ANSWER_MARGIN;
  return top.confidence >= threshold && clear ? 'answer' : 'clarify';
}

export function evaluateFaq(index: FaqIndex, queries: readonly FaqQuery[], routed: (text: string) => boolean = () => true): FaqReport {
  let inFaq = 0;
  let outOfFaq = 0;
  const n = { hits: 0, falseMatches: 0, indexHits: 0, indexFalse: 0 };
  const misses: Miss[] = [];
  for (const q of queries) {
    const indexHit = index.search(q.text);
    const hit = indexHit && routed(q.text) ? indexHit : null;
    const got = hit ? `${hit.entry.id} (${hit.confidence})` : indexHit ? `null (index: ${indexHit.entry.id}, not asked)` : 'null';
    if (q.expect === null) {
      outOfFaq++;
      if (indexHit) n.indexFalse++;
      if (hit) {
        n.falseMatches++;
        misses.push({ text: q.text, expected: 'null', got });
      }
    } else {
      inFaq++;
      if (indexHit?.entry.id === q.expect) n.indexHits++;
      if (hit?.entry.id === q.expect) n.hits++;
      else misses.push({ text: q.text, expected: q.expect, got });
    }
  }
  const share = (k: number, of: number, none: number) => (of ? k / of : none);
  return {
    inFaq,
    hitAt1: share(n.hits, inFaq, 1),
    outOfFaq,
    falseMatchRate: share(n.falseMatches, outOfFaq, 0),
    indexHitAt1: share(n.indexHits, inFaq, 1),
    indexFalseMatchRate: share(n.indexFalse, outOfFaq, 0),
    misses,
  };
}

/** Every floor the report falls below, as readable lines; empty when all hold. */
export function checkFloors(report: EvalReport, floors: Floors): string[] {
  const out: string[] = [];
  for (const lang of LANGS) {
    const f = floors[lang];
    if (!f) {
      out.push(`${lang}: no floors in floors.json`);
      continue;
    }
    const { intent, faq } = report.languages[lang];
    if (intent.intentAccuracy < f.intentAccuracy) out.push(`${lang}: intent accuracy ${pct(intent.intentAccuracy)} < floor ${pct(f.intentAccuracy)}`);
    if (intent.entityAccuracy < f.entityAccuracy) out.push(`${lang}: entity accuracy ${pct(intent.entityAccuracy)} < floor ${pct(f.entityAccuracy)}`);
    if (intent.entities.all.f1 < f.entityF1) out.push(`${lang}: entity F1 ${pct(intent.entities.all.f1)} < floor ${pct(f.entityF1)}`);
    if (faq.hitAt1 < f.faqHitAt1) out.push(`${lang}: FAQ hit@1 ${pct(faq.hitAt1)} < floor ${pct(f.faqHitAt1)}`);
    if (faq.falseMatchRate > f.faqFalseMatchRateMax) out.push(`${lang}: FAQ false-match rate ${pct(faq.falseMatchRate)} > ceiling ${pct(f.faqFalseMatchRateMax)}`);
  }
  return out;
}

/**
 * CPU per message of understanding, every text of the corpus, with a fresh NLU and each text made
 * new (so nothing is remembered). The mean is thread CPU time; the p99 is wall time per text,
 * an upper bound that includes any preemption by other processes on a busy machine.
 */
export function timeUnderstanding(rounds = 3): { n: number; meanMs: number; p99Ms: number } {
  const nlu = createNlu();
  const texts = [...readCorpus('zh'), ...readCorpus('en')].map((u) => u.text);
  for (const t of texts) nlu.understand(`${t} `, EVAL_NOW);
  const ms: number[] = [];
  const cpu0 = process.threadCpuUsage();
  for (let r = 2; r < rounds + 2; r++) {
    for (const t of texts) {
      const s = performance.now();
      nlu.understand(t + ' '.repeat(r), EVAL_NOW);
      ms.push(performance.now() - s);
    }
  }
  const cpu = process.threadCpuUsage(cpu0);
  ms.sort((a, b) => a - b);
  const n = ms.length || 1;
  return { n: ms.length, meanMs: (cpu.user + cpu.system) / 1000 / n, p99Ms: ms[Math.floor(ms.length * 0.99)] ?? 0 };
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const formatEntityScore = (s: EntityScore) => `${pct(s.f1)} (P ${pct(s.precision)} / R ${pct(s.recall)}, ${s.tp + s.fn} labelled)`;

// Kinds with nothing labelled and nothing extracted say nothing; they are left out.
const formatEntityKinds = (e: EntityScores) =>
  Object.entries(e.perKind)
    .filter(([, s]) => s.tp + s.fp + s.fn > 0)
    .map(([k, s]) => `${k} ${pct(s.f1)} of ${s.tp + s.fn}${s.fp ? ` (+${s.fp} extra)` : ''}`)
    .join(', ') || '–';

export function formatReport(report: EvalReport, opts: { verbose?: boolean } = {}): string {
  const lines: string[] = [`robot evaluation, ${report.split.toUpperCase()} split`];
  for (const lang of LANGS) {
    const { intent, faq } = report.languages[lang];
    lines.push(
      '',
      `[${lang}] ${intent.n} utterances, ${faq.inFaq} FAQ queries + ${faq.outOfFaq} out-of-FAQ`,
      `  intent accuracy   ${pct(intent.intentAccuracy)}`,
      `  clarify rate      ${pct(intent.clarifyRate)}`,
      `  entity accuracy   ${pct(intent.entityAccuracy)} (all of an utterance's entities exact)`,
      `  entity F1         ${formatEntityScore(intent.entities.all)}`,
      `  entity F1 by kind ${formatEntityKinds(intent.entities)}`,
      `  language          ${pct(intent.languageAccuracy)}`,
      // A split without FAQ queries (the corpus's test split) has no FAQ numbers, not perfect ones.
      `  FAQ hit@1         ${faq.inFaq ? pct(faq.hitAt1) : '–'} (the FAQ index alone, asked every query: ${faq.inFaq ? pct(faq.indexHitAt1) : '–'})`,
      `  FAQ false matches ${faq.outOfFaq ? pct(faq.falseMatchRate) : '–'} (index alone: ${faq.outOfFaq ? pct(faq.indexFalseMatchRate) : '–'})`,
      '  worst intents:',
    );
    for (const w of intent.worst.slice(0, 4)) {
      const conf = w.confusedWith.map((c) => `${c.intent}×${c.count}`).join(', ');
      lines.push(`    ${w.intent.padEnd(20)} ${pct(w.accuracy).padStart(6)} of ${w.n}${conf ? `  → ${conf}` : ''}`);
    }
    lines.push('  per intent (precision / recall, n):');
    for (const [name, r] of Object.entries(intent.perIntent).sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`    ${name.padEnd(20)} ${pct(r.precision).padStart(6)} / ${pct(r.recall).padStart(6)}  ${r.n}`);
    }
    if (opts.verbose) {
      for (const m of intent.intentMisses) lines.push(`  intent miss: ${JSON.stringify(m.text)} expected ${m.expected}, got ${m.got}`);
      for (const m of intent.entityMisses) lines.push(`  entity miss: ${JSON.stringify(m.text)} expected ${m.expected}, got ${m.got}`);
      for (const m of faq.misses) lines.push(`  faq miss: ${JSON.stringify(m.text)} expected ${m.expected}, got ${m.got}`);
    }
  }
  return lines.join('\n');
}

/**
 * A blind test set (src/robot/eval/blind/, blind-2/ …): written from a brief by someone who had not read
 * the code, run once per release and never tuned to. Its own FAQ and queries; intent accuracy
 * also reported per writing style.
 */
export function runBlindEvaluation(opts: { nlu?: Nlu; set?: string } = {}): EvalReport & { styles: Record<Lang, Record<string, { n: number; accuracy: number }>> } {
  const nlu = opts.nlu ?? createNlu();
  const dir = `./${opts.set ?? 'blind'}`;
  const entries = (JSON.parse(readFileSync(here(`${dir}/faq.json`), 'utf8')) as { entries: FaqEntry[] }).entries;
  const faq = new FaqIndex(entries, { tokenizer: nlu.tokenizer });
  const queries = jsonl<FaqQuery>(`${dir}/faq-queries.jsonl`);
  const languages = {} as Record<Lang, { intent: IntentReport; faq: FaqReport }>;
  const styles = {} as Record<Lang, Record<string, { n: number; accuracy: number }>>;
  for (const lang of LANGS) {
    const rows = jsonl<LabelledUtterance & { style?: string }>(`${dir}/corpus.${lang}.jsonl`).map((r) => ({ ...r, lang, entities: r.entities ?? {} }));
    languages[lang] = { intent: evaluateIntents(nlu, rows), faq: evaluateFaq(faq, queries.filter((q) => q.lang === lang), routesToFaq(nlu)) };
    const per: Record<string, { n: number; ok: number }> = {};
    for (const r of rows) {
      const k = r.style ?? 'plain';
      per[k] ??= { n: 0, ok: 0 };
      per[k].n++;
      if (nlu.understand(r.text, EVAL_NOW).intent === r.intent) per[k].ok++;
    }
    styles[lang] = Object.fromEntries(Object.entries(per).map(([k, v]) => [k, { n: v.n, accuracy: v.ok / v.n }]));
  }
  return { split: 'blind', languages, styles };
}

function jsonl<T>(file: string): T[] {
  return readFileSync(here(file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}
