/**
 * `node src/robot/eval/faq-tune.ts`: chooses the FAQ index's answer and clarify thresholds on the
 * VALIDATION split of the FAQ sets (the outdoor and beauty shops' validation queries and the demo
 * set's `eval` queries) and prints what they give on TRAIN and VALIDATION. Fit the confidence
 * model first (`node src/robot/eval/faq-fit.ts --write`): the thresholds are on its scale. The chosen numbers are
 * copied by hand into DEFAULT_FAQ_THRESHOLD and DEFAULT_CLARIFY_THRESHOLD (src/robot/faq-index.ts);
 * test/robot/faq-ranking.test.ts fails when they differ. The blind set is never used here.
 */
import { chooseFaqThresholds, faqScoresAt, pct, scoreFaqSplit } from './evaluate.ts';

const choice = chooseFaqThresholds(scoreFaqSplit('validation'));
console.log(`chosen on VALIDATION: answer >= ${choice.threshold}, clarify >= ${choice.clarifyThreshold}`);
for (const split of ['train', 'validation'] as const) {
  const scored = scoreFaqSplit(split);
  const r = faqScoresAt(scored, choice.threshold, choice.clarifyThreshold);
  console.log(
    `  ${split.padEnd(10)} hit@1 ${pct(r.hitAt1)}  off-topic answered ${pct(r.falseAnswerRate)}  right entry offered when clarifying ${pct(r.clarifyRecall)}  (${scored.length} queries)`,
  );
}
