/**
 * A second, learned reading of dangers, for the messages the rules of safety.ts read as nothing. The rules are regular
 * expressions written from the dangers outside testers met, and read about half of the dangers in a set written blind
 * (docs/robot-evaluation.md, part 47): a chair that "snapped and my gran went down hard" or "刹车突然失灵" is told in words no
 * rule lists. This model learns the words of each kind of danger from sets written for it (src/robot/eval/train-dangers-*),
 * against the everyday buyer messages of the intent corpus and the sets' own look-alikes, and answers only when it is sure.
 *
 * A multinomial logistic regression (nlu/intent-model.ts) over the Chinese characters and character pairs and the English
 * words and word pairs of a normalised message; deterministic, so every node reads alike. Trained on first use (about a
 * second) and then kept on disk like the intent model (storage/local-cache.ts), keyed by its inputs. Pure but for reading
 * its training files and that cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cachedBuild, installedVersion } from '../storage/local-cache.ts';
import { foldTraditional } from './lexicon/index.ts';
import { readCorpus } from './nlu/corpus.ts';
import { stem } from './nlu/features.ts';
import { SoftmaxRegression, type TrainingExample } from './nlu/intent-model.ts';
import { robotSourcesHash } from './nlu/table-cache.ts';

/** The kinds of danger, in a shop assistant's terms, that the sets are labelled with; `none` is everything that is no danger. */
export const DANGER_GROUPS = ['fire', 'gas', 'fumes', 'person', 'eye', 'injury', 'scam', 'pet', 'reaction', 'structure', 'spoiled', 'none'] as const;
export type DangerGroup = (typeof DANGER_GROUPS)[number];
export interface DangerLine {
  readonly text: string;
  readonly lang: 'zh' | 'en';
  readonly group: DangerGroup;
}

/** The lines of a set's file, each checked: a line that is not one is an error naming it. */
export function readDangerSet(url: URL): DangerLine[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const x = JSON.parse(l) as Partial<DangerLine>;
      if (typeof x.text !== 'string' || (x.lang !== 'zh' && x.lang !== 'en') || !DANGER_GROUPS.includes(x.group as DangerGroup)) throw new Error(`line ${i + 1} of ${url.pathname} is no danger line`);
      return x as DangerLine;
    });
}

const EVAL = new URL('./eval/', import.meta.url);
/** The training sets: every `train-dangers-*` folder's `dangers.jsonl`. Never the blind set, nor the development set it is measured on. */
export const trainingSetUrls = (): URL[] =>
  readdirSync(EVAL)
    .filter((d) => /^train-dangers-[a-z0-9-]+$/.test(d))
    .sort()
    .map((d) => new URL(`${d}/dangers.jsonl`, EVAL))
    .filter((u) => existsSync(u));

const HAN = /\p{Script=Han}+/gu;
const WORD = /[a-z]+(?:'[a-z]+)?/g;

/** What the model sees of a normalised message: Chinese characters and pairs of them (in simplified script), English stems and pairs. */
export function dangerFeatures(normalized: string): string[] {
  const t = foldTraditional(normalized);
  const out: string[] = [];
  for (const m of t.matchAll(HAN)) {
    const run = m[0];
    for (let i = 0; i < run.length; i++) {
      out.push(run[i]!);
      if (i + 1 < run.length) out.push(run.slice(i, i + 2));
    }
  }
  const words = (t.match(WORD) ?? []).map((w) => stem(w.replace(/'.*$/, '')));
  words.forEach((w, i) => {
    out.push(`w:${w}`);
    if (i + 1 < words.length) out.push(`w:${w}_${words[i + 1]}`);
  });
  return out;
}

export interface DangerReading {
  readonly group: Exclude<DangerGroup, 'none'>;
  readonly p: number;
}

/** The trained model: the most likely danger and its probability, or undefined when `none` is the most likely. */
export class DangerModel {
  readonly #m: SoftmaxRegression;
  constructor(m: SoftmaxRegression) {
    this.#m = m;
  }
  read(normalized: string): DangerReading | undefined {
    const p = this.#m.posterior(dangerFeatures(normalized));
    let best = -1;
    for (let c = 0; c < p.length; c++) if (best < 0 || p[c]! > p[best]!) best = c;
    const group = this.#m.labels[best] as DangerGroup | undefined;
    return group === undefined || group === 'none' ? undefined : { group, p: p[best]! };
  }
  toBytes(): Buffer {
    return this.#m.toBytes();
  }
  static fromBytes(bytes: Buffer): DangerModel {
    return new DangerModel(SoftmaxRegression.fromBytes(bytes));
  }
}

/**
 * The examples: every line of the training sets with its group, and the intent corpus's TRAIN and TEST lines as `none` (its
 * VALIDATION half measures the false alarms) unless `ruleRead` reads them as a danger (a complaint of a rash is one).
 * `normalize`: the reading's own normalisation, so the model sees what it will be asked.
 */
export function dangerExamples(normalize: (text: string) => string, ruleRead: (normalized: string) => boolean): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const url of trainingSetUrls()) for (const l of readDangerSet(url)) out.push({ features: dangerFeatures(normalize(l.text)), label: l.group });
  const everyday = [...(['zh', 'en'] as const).flatMap((lang) => readCorpus(lang).filter((u) => u.split !== 'validation').map((u) => u.text)), ...shopQuestions()];
  for (const text of everyday) {
    const n = normalize(text);
    if (!ruleRead(n)) out.push({ features: dangerFeatures(n), label: 'none' });
  }
  return out;
}

/**
 * Shop questions in buyers' words: the FAQ query sets' lines outside VALIDATION (`faq-queries*.jsonl`) and the sample shops'
 * questions and alternates (`faq.*.json`).
 */
function shopQuestions(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(EVAL).sort()) {
    if (/^faq-queries(?:\.[a-z]+)?\.jsonl$/.test(f)) {
      for (const l of readFileSync(new URL(f, EVAL), 'utf8').split('\n')) {
        const q = l.trim() ? (JSON.parse(l) as { text?: unknown; split?: unknown }) : undefined;
        if (q && typeof q.text === 'string' && q.split !== 'validation') out.push(q.text);
      }
    } else if (/^faq\.[a-z]+\.json$/.test(f)) {
      const shop = JSON.parse(readFileSync(new URL(f, EVAL), 'utf8')) as { entries?: { question?: string; alternates?: string[] }[] };
      for (const e of shop.entries ?? []) out.push(...[e.question ?? '', ...(e.alternates ?? [])].filter(Boolean));
    }
  }
  return out;
}

const OWN_SOURCES = ['./danger-model.ts', './learned-danger.ts', './safety.ts', './dialogue.ts'];

/**
 * The model for these inputs: the cached one when the training files, the rules, the NLU and the segmenter are unchanged, else
 * trained (then kept). `salt`: more of the key (a test's changed input).
 */
export const cachedDangerModel = (train: () => DangerModel, dir?: URL, salt = ''): DangerModel =>
  cachedBuild({ prefix: 'danger', ext: 'bin', key: () => inputsHash(salt), decode: (b) => DangerModel.fromBytes(b), encode: (m) => m.toBytes(), build: train, ...(dir ? { dir } : {}) });

function inputsHash(salt: string): string {
  // The normalisation cuts words with jieba (the homophone repair): its version is an input, as for the intent model.
  const h = createHash('sha256').update(robotSourcesHash()).update(`\0${installedVersion('@node-rs/jieba') ?? 'none'}\0${salt}\0`);
  for (const f of OWN_SOURCES) h.update(readFileSync(new URL(f, import.meta.url)));
  for (const url of trainingSetUrls()) h.update(url.pathname).update(readFileSync(url));
  for (const f of readdirSync(EVAL).sort()) if (/^faq(?:-queries)?(?:\.[a-z]+)?\.jsonl?$/.test(f)) h.update(f).update(readFileSync(new URL(f, EVAL)));
  return h.digest('hex').slice(0, 32);
}

/** Trains a model on `examples` (deterministic). */
export const trainDangerModel = (examples: readonly TrainingExample[]): DangerModel => new DangerModel(SoftmaxRegression.train(examples, { epochs: 8, seed: 7, l2: 0.001, order: 'keyed' }));
