/**
 * `node src/robot/eval/faq-tune.ts`: chooses the FAQ index's answer and clarify thresholds on the
 * VALIDATION split of the FAQ sets (every shop's validation queries and the demo set's `eval`
 * queries; the answer threshold keeps TRAIN's off-topic questions within the bound too) and prints
 * what they give on TRAIN and VALIDATION. Fit the confidence
 * model first (`node src/robot/eval/faq-fit.ts --write`): the thresholds are on its scale. The chosen numbers are
 * copied by hand into DEFAULT_FAQ_THRESHOLD and DEFAULT_CLARIFY_THRESHOLD (src/robot/faq-index.ts);
 * test/robot/faq-ranking.test.ts fails when they differ. The blind set is never used here.
 */
import { chooseFaqThresholds, faqScoresAt, MAX_FALSE_ANSWERS, pct, scoreFaqSplit } from './evaluate.ts';

// TRAIN's off-topic questions must stay within the bound too (chooseFaqThresholds, `alsoWithin`).
const choice = chooseFaqThresholds(scoreFaqSplit('validation'), MAX_FALSE_ANSWERS, scoreFaqSplit('train'));
console.log(`chosen on VALIDATION: answer >= ${choice.threshold}, clarify >= ${choice.clarifyThreshold}`);
for (const split of ['train', 'validation'] as const) {
  const scored = scoreFaqSplit(split);
  const r = faqScoresAt(scored, choice.threshold, choice.clarifyThreshold);
  console.log(
    `  ${split.padEnd(10)} hit@1 ${pct(r.hitAt1)}  off-topic answered ${pct(r.falseAnswerRate)}  right entry offered when clarifying ${pct(r.clarifyRecall)}  (${scored.length} queries)`,
  );
}
