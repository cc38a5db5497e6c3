/**
 * `node src/robot/eval/train-cv.ts [--misses]`: 5-fold cross-validation of the classifier's trained
 * model on the TRAIN split, the cues fixed. Each fold's lines are classified by a model trained on
 * the other four, so its misses are lines the model did not learn by heart: what the cues and the
 * model miss in general, read without looking at VALIDATION. Prints accuracy per language and
 * style and, with `--misses`, the missed lines (language, style, label, prediction, text). Used to
 * choose FOCUS_WEIGHT and to find cues (docs/robot-evaluation.md, part 9).
 */
import { IntentClassifier } from '../nlu/classifier.ts';
import { trainingUtterances } from '../nlu/corpus.ts';
import { defaultTokenizer } from '../nlu/tokenizer.ts';
import { createNlu, trainIntentModel } from '../nlu/understand.ts';
import { EVAL_NOW } from './evaluate.ts';

const FOLDS = 5;
const tokenizer = defaultTokenizer();
const lines = trainingUtterances();
const byStyle = new Map<string, { n: number; ok: number }>();
const misses: string[] = [];
for (let k = 0; k < FOLDS; k++) {
  const model = trainIntentModel(
    tokenizer,
    lines.filter((_, i) => i % FOLDS !== k),
  );
  const nlu = createNlu({ tokenizer, classifier: new IntentClassifier({ model }) });
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
