/**
 * `npm run eval:bot [-- --verbose] [-- --split train]`: scores intent, entity and FAQ understanding
 * per language on the EVAL split and exits 1 when any number is below src/robot/eval/floors.json.
 * `npm run eval:bot -- --blind`: the blind test set, once per release; its scores go into
 * docs/robot-evaluation.md and are never tuned to (no floors: it measures, it does not gate).
 */
import { checkFloors, formatReport, pct, readFloors, runBlindEvaluation, runEvaluation } from './evaluate.ts';

const args = process.argv.slice(2);
if (args.includes('--blind')) {
  const blind = runBlindEvaluation();
  console.log(formatReport(blind, { verbose: args.includes('--verbose') || args.includes('-v') }));
  for (const [lang, styles] of Object.entries(blind.styles)) {
    console.log(`\n[${lang}] intent accuracy by style: ${Object.entries(styles).map(([k, v]) => `${k} ${pct(v.accuracy)} of ${v.n}`).join(', ')}`);
  }
  console.log('\nBLIND set: record these numbers in docs/robot-evaluation.md; do not tune to them.');
  process.exit(0);
}
const split = args.includes('--split') && args[args.indexOf('--split') + 1] === 'train' ? 'train' : 'eval';
const started = performance.now();
const report = runEvaluation({ split });
console.log(formatReport(report, { verbose: args.includes('--verbose') || args.includes('-v') }));
const violations = split === 'eval' ? checkFloors(report, readFloors()) : [];
console.log(`\n(${Math.round(performance.now() - started)} ms)`);
if (violations.length) {
  console.error(`\nBELOW FLOORS:\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
console.log(split === 'eval' ? 'all floors met' : 'TRAIN split: floors are checked on EVAL only');
