/**
 * The labelled buyer utterances (src/robot/eval/corpus.{zh,en}.jsonl). The TRAIN split trains the
 * trained model of the classifier (intent-model.ts); VALIDATION measures it while the lexicon and weights are
 * tuned (`npm run eval:bot`, gated by floors.json); TEST is scored only to report, never tuned to.
 */
import { readFileSync } from 'node:fs';
import { isIntent, type Intent, type Lang } from '../types.ts';

export interface LabelledUtterance {
  readonly text: string;
  readonly intent: Intent;
  /** Expected entities by type; a list when one type occurs more than once. */
  readonly entities: Readonly<Record<string, string | number | readonly (string | number)[]>>;
  readonly split: Split;
  readonly lang: Lang;
  /** The writing style a development or blind set's writer tagged the line with (colloquial, buried …), when there is one. */
  readonly style?: string;
}

export const SPLITS = ['train', 'validation', 'test'] as const;
export type Split = (typeof SPLITS)[number];
const isSplit = (v: unknown): v is Split => typeof v === 'string' && (SPLITS as readonly string[]).includes(v);

const CORPUS_URL = (lang: Lang) => new URL(`../eval/corpus.${lang}.jsonl`, import.meta.url);

export function readCorpus(lang: Lang): LabelledUtterance[] {
  const lines = readFileSync(CORPUS_URL(lang), 'utf8').split('\n');
  const out: LabelledUtterance[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const raw = JSON.parse(line) as Partial<LabelledUtterance>;
    if (typeof raw.text !== 'string' || !isIntent(raw.intent) || !isSplit(raw.split)) {
      throw new Error(`corpus.${lang}.jsonl line ${i + 1}: needs text, a known intent and split ${SPLITS.join('|')}`);
    }
    out.push({ text: raw.text, intent: raw.intent, entities: raw.entities ?? {}, split: raw.split, lang, ...(typeof raw.style === 'string' ? { style: raw.style } : {}) });
  });
  return out;
}

export function trainingUtterances(): LabelledUtterance[] {
  return [...readCorpus('zh'), ...readCorpus('en')].filter((u) => u.split === 'train');
}
