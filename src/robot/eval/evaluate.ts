/**
 * Offline evaluation of the robot's understanding, on the EVAL split only (the TRAIN split trains
 * the naive-Bayes part of the classifier and must never be scored). Used by `npm run eval:bot`
 * and by test/robot/eval.test.ts, which both fail below the floors in floors.json.
 *
 * Relative dates in the corpus are written as if spoken on EVAL_NOW (a Wednesday, UTC+8).
 */
import { readFileSync } from 'node:fs';
import { FaqIndex, type FaqEntry } from '../faq-index.ts';
import { readCorpus, type LabelledUtterance } from '../nlu/corpus.ts';
import { createNlu, type Nlu } from '../nlu/understand.ts';
import type { Intent, Lang } from '../types.ts';

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
  /** Share of utterances whose extracted entities are exactly the labelled ones (none included). */
  readonly entityAccuracy: number;
  readonly languageAccuracy: number;
  /** Intents by accuracy, worst first, with what they were mistaken for. */
  readonly worst: readonly { intent: Intent; n: number; accuracy: number; confusedWith: readonly { intent: Intent; count: number }[] }[];
  readonly intentMisses: readonly Miss[];
  readonly entityMisses: readonly Miss[];
}

export interface FaqReport {
  readonly inFaq: number;
  readonly hitAt1: number;
  readonly outOfFaq: number;
  /** Share of out-of-FAQ queries that got an answer anyway. */
  readonly falseMatchRate: number;
  readonly misses: readonly Miss[];
}

export interface EvalReport {
  readonly split: 'train' | 'eval' | 'blind';
  readonly languages: Readonly<Record<Lang, { intent: IntentReport; faq: FaqReport }>>;
}

export interface Floors {
  readonly [lang: string]: { intentAccuracy: number; entityAccuracy: number; faqHitAt1: number; faqFalseMatchRateMax: number };
}

export interface FaqQuery {
  readonly text: string;
  readonly lang: Lang;
  readonly expect: string | null;
  readonly split: 'train' | 'eval' | 'test';
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

export function readFloors(): Floors {
  return JSON.parse(readFileSync(here('./floors.json'), 'utf8')) as Floors;
}

export function runEvaluation(opts: { split?: 'train' | 'eval'; nlu?: Nlu; faq?: FaqIndex } = {}): EvalReport {
  const split = opts.split ?? 'eval';
  const nlu = opts.nlu ?? createNlu();
  const faq = opts.faq ?? new FaqIndex(readDemoFaq(), { tokenizer: nlu.tokenizer });
  const queries = readFaqQueries().filter((q) => q.split === split);
  const languages = {} as Record<Lang, { intent: IntentReport; faq: FaqReport }>;
  for (const lang of LANGS) {
    const items = readCorpus(lang).filter((u) => u.split === split);
    languages[lang] = {
      intent: evaluateIntents(nlu, items),
      faq: evaluateFaq(
        faq,
        queries.filter((q) => q.lang === lang),
      ),
    };
  }
  return { split, languages };
}

const entityKeys = (e: LabelledUtterance['entities']) =>
  Object.entries(e)
    .flatMap(([type, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${type}=${x}`))
    .sort()
    .join(' ');

export function evaluateIntents(nlu: Nlu, items: readonly LabelledUtterance[]): IntentReport {
  let intentOk = 0;
  let entityOk = 0;
  let langOk = 0;
  const intentMisses: Miss[] = [];
  const entityMisses: Miss[] = [];
  const per = new Map<Intent, { n: number; ok: number; confused: Map<Intent, number> }>();
  for (const item of items) {
    const u = nlu.understand(item.text, EVAL_NOW);
    const row = per.get(item.intent) ?? { n: 0, ok: 0, confused: new Map() };
    per.set(item.intent, row);
    row.n++;
    if (u.intent === item.intent) {
      intentOk++;
      row.ok++;
    } else {
      row.confused.set(u.intent, (row.confused.get(u.intent) ?? 0) + 1);
      intentMisses.push({ text: item.text, expected: item.intent, got: u.guess ? `${u.intent} (guess ${u.guess})` : u.intent });
    }
    const want = entityKeys(item.entities);
    const got = u.entities.map((e) => `${e.type}=${e.value}`).sort().join(' ');
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
  return { n: items.length, intentAccuracy: intentOk / n, entityAccuracy: entityOk / n, languageAccuracy: langOk / n, worst, intentMisses, entityMisses };
}

export function evaluateFaq(index: FaqIndex, queries: readonly FaqQuery[]): FaqReport {
  let inFaq = 0;
  let hits = 0;
  let outOfFaq = 0;
  let falseMatches = 0;
  const misses: Miss[] = [];
  for (const q of queries) {
    const hit = index.search(q.text);
    const got = hit ? `${hit.entry.id} (${hit.confidence})` : 'null';
    if (q.expect === null) {
      outOfFaq++;
      if (hit) {
        falseMatches++;
        misses.push({ text: q.text, expected: 'null', got });
      }
    } else {
      inFaq++;
      if (hit?.entry.id === q.expect) hits++;
      else misses.push({ text: q.text, expected: q.expect, got });
    }
  }
  return { inFaq, hitAt1: inFaq ? hits / inFaq : 1, outOfFaq, falseMatchRate: outOfFaq ? falseMatches / outOfFaq : 0, misses };
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
    if (faq.hitAt1 < f.faqHitAt1) out.push(`${lang}: FAQ hit@1 ${pct(faq.hitAt1)} < floor ${pct(f.faqHitAt1)}`);
    if (faq.falseMatchRate > f.faqFalseMatchRateMax) out.push(`${lang}: FAQ false-match rate ${pct(faq.falseMatchRate)} > ceiling ${pct(f.faqFalseMatchRateMax)}`);
  }
  return out;
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(report: EvalReport, opts: { verbose?: boolean } = {}): string {
  const lines: string[] = [`robot evaluation, ${report.split.toUpperCase()} split`];
  for (const lang of LANGS) {
    const { intent, faq } = report.languages[lang];
    lines.push(
      '',
      `[${lang}] ${intent.n} utterances, ${faq.inFaq} FAQ queries + ${faq.outOfFaq} out-of-FAQ`,
      `  intent accuracy   ${pct(intent.intentAccuracy)}`,
      `  entity accuracy   ${pct(intent.entityAccuracy)}`,
      `  language          ${pct(intent.languageAccuracy)}`,
      `  FAQ hit@1         ${pct(faq.hitAt1)}`,
      `  FAQ false matches ${pct(faq.falseMatchRate)}`,
      '  worst intents:',
    );
    for (const w of intent.worst.slice(0, 4)) {
      const conf = w.confusedWith.map((c) => `${c.intent}×${c.count}`).join(', ');
      lines.push(`    ${w.intent.padEnd(20)} ${pct(w.accuracy).padStart(6)} of ${w.n}${conf ? `  → ${conf}` : ''}`);
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
 * The blind test set (src/robot/eval/blind/): written from a brief by someone who had not read
 * the code, run once per release and never tuned to. Its own FAQ and queries; intent accuracy
 * also reported per writing style.
 */
export function runBlindEvaluation(opts: { nlu?: Nlu } = {}): EvalReport & { styles: Record<Lang, Record<string, { n: number; accuracy: number }>> } {
  const nlu = opts.nlu ?? createNlu();
  const entries = (JSON.parse(readFileSync(here('./blind/faq.json'), 'utf8')) as { entries: FaqEntry[] }).entries;
  const faq = new FaqIndex(entries, { tokenizer: nlu.tokenizer });
  const queries = jsonl<FaqQuery>('./blind/faq-queries.jsonl');
  const languages = {} as Record<Lang, { intent: IntentReport; faq: FaqReport }>;
  const styles = {} as Record<Lang, Record<string, { n: number; accuracy: number }>>;
  for (const lang of LANGS) {
    const rows = jsonl<LabelledUtterance & { style?: string }>(`./blind/corpus.${lang}.jsonl`).map((r) => ({ ...r, lang, entities: r.entities ?? {} }));
    languages[lang] = { intent: evaluateIntents(nlu, rows), faq: evaluateFaq(faq, queries.filter((q) => q.lang === lang)) };
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
