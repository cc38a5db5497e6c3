/**
 * `node src/robot/eval/train-cv.ts [--misses]`: 5-fold cross-validation of the classifier's trained
 * model on the TRAIN split, the cues fixed. Each fold's lines are classified by a model trained on
 * the other four, so its misses are lines the model did not learn by heart: what the cues and the
 * model miss in general, read without looking at VALIDATION. Prints accuracy per language and
 * style and, with `--misses`, the missed lines (language, style, label, prediction, text). Used to
 * choose FOCUS_WEIGHT and to find cues (docs/robot-evaluation.md, part 9).
 */
import { readFileSync } from 'node:fs';
import { IntentClassifier } from '../nlu/classifier.ts';
import { featuresOf } from '../nlu/features.ts';
import { SoftmaxRegression } from '../nlu/intent-model.ts';
import { normalize } from '../nlu/normalize.ts';
import { defaultTokenizer } from '../nlu/tokenizer.ts';
import { createNlu } from '../nlu/understand.ts';
import { EVAL_NOW } from './evaluate.ts';

const FOLDS = 5;
interface Line {
  readonly text: string;
  readonly intent: string;
  readonly split: string;
  readonly style?: string;
  readonly lang: string;
}

const tokenizer = defaultTokenizer();
const lines: Line[] = ['zh', 'en'].flatMap((lang) =>
  readFileSync(new URL(`./corpus.${lang}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => ({ ...(JSON.parse(l) as Omit<Line, 'lang'>), lang }))
    .filter((u) => u.split === 'train'),
);
const byStyle = new Map<string, { n: number; ok: number }>();
const misses: string[] = [];
for (let k = 0; k < FOLDS; k++) {
  const examples = lines
    .filter((_, i) => i % FOLDS !== k)
    .map((u) => {
      const n = normalize(u.text);
      return { features: featuresOf(n.text, tokenizer.cut(n.text)), label: u.intent };
    });
  const nlu = createNlu({ tokenizer, classifier: new IntentClassifier({ model: SoftmaxRegression.train(examples) }) });
  lines.forEach((u, i) => {
    if (i % FOLDS !== k) return;
    const got = nlu.understand(u.text, EVAL_NOW).intent;
    const key = `${u.lang} ${u.style ?? '-'}`;
    const s = byStyle.get(key) ?? { n: 0, ok: 0 };
    s.n++;
    if (got === u.intent) s.ok++;
    else misses.push(`${u.lang}\t${u.style ?? '-'}\t${u.intent}\t${got}\t${u.text}`);
    byStyle.set(key, s);
  });
}
for (const [key, s] of [...byStyle].sort()) console.log(`${key.padEnd(20)} ${((100 * s.ok) / s.n).toFixed(1)}% of ${s.n}`);
if (process.argv.includes('--misses')) console.log(misses.join('\n'));
console.log(`${misses.length} held-out misses of ${lines.length} TRAIN lines`);
