/**
 * `npm run eval:bot [-- --verbose] [-- --split train]`: scores intent, entity and FAQ understanding
 * per language on the EVAL split and exits 1 when any number is below src/robot/eval/floors.json.
 */
import { checkFloors, formatReport, readFloors, runEvaluation } from './evaluate.ts';

const args = process.argv.slice(2);
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
