/**
 * `npm run eval:bot [-- --verbose] [-- --split train|validation|test]`: scores intent (accuracy,
 * per-intent precision and recall, clarify rate), entity and FAQ understanding per language on the
 * VALIDATION split by default and exits 1 when any number is below src/robot/eval/floors.json
 * (checked on VALIDATION only; TEST is reported, never tuned to). It also times the NLU per answer.
 * `npm run eval:bot -- --blind [blind-2]`: a blind test set, once per release; its scores go into
 * docs/robot-evaluation.md and are never tuned to (no floors: it measures, it does not gate).
 * `npm run eval:bot -- --dangers`: the blind set of danger reports (src/robot/eval/blind-dangers/), the same way; `-- --dangers
 * dev-dangers` (or `dev-dangers-2`, `dev-dangers-3`): their development sets, to read and tune to.
 */
import { SPLITS, type Split } from '../nlu/corpus.ts';
import { checkFloors, formatReport, pct, readFloors, runBlindEvaluation, runEvaluation, timeUnderstanding } from './evaluate.ts';
import { evaluateDangers, formatDangers, readDangerSet } from './dangers.ts';

const args = process.argv.slice(2);
if (args.includes('--dangers')) {
  // `--dangers` runs the first blind set, `--dangers blind-dangers-2` another; `--dangers dev-dangers` the development set,
  // which may be read and tuned to.
  const named = args[args.indexOf('--dangers') + 1];
  const set = named && !named.startsWith('-') ? named : 'blind-dangers';
  if (!/^(?:blind|dev)-dangers(?:-\d+)?$/.test(set)) {
    console.error('--dangers takes blind-dangers, blind-dangers-<n>, dev-dangers or dev-dangers-<n>');
    process.exit(2);
  }
  const blind = set.startsWith('blind-');
  console.log(`${blind ? 'blind' : 'development'} set: src/robot/eval/${set}/`);
  console.log(formatDangers(evaluateDangers(readDangerSet(new URL(`./${set}/dangers.jsonl`, import.meta.url)))));
  if (blind) console.log('\nBLIND set: record these numbers in docs/robot-evaluation.md; do not tune to them.');
  process.exit(0);
}
if (args.includes('--blind')) {
  // `--blind` runs the first set; `--blind blind-2` names another folder of src/robot/eval/.
  const named = args[args.indexOf('--blind') + 1];
  const set = named && !named.startsWith('-') ? named : 'blind';
  if (!/^blind(-\d+)?$/.test(set)) {
    console.error('--blind takes a set name such as blind or blind-2');
    process.exit(2);
  }
  const blind = runBlindEvaluation({ set });
  console.log(`blind set: src/robot/eval/${set}/`);
  console.log(formatReport(blind, { verbose: args.includes('--verbose') || args.includes('-v') }));
  for (const [lang, styles] of Object.entries(blind.styles)) {
    console.log(`\n[${lang}] intent accuracy by style: ${Object.entries(styles).map(([k, v]) => `${k} ${pct(v.accuracy)} of ${v.n}`).join(', ')}`);
  }
  console.log('\nBLIND set: record these numbers in docs/robot-evaluation.md; do not tune to them.');
  process.exit(0);
}
const asked = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'validation';
if (!(SPLITS as readonly string[]).includes(asked ?? '')) {
  console.error(`--split must be one of ${SPLITS.join(', ')}`);
  process.exit(2);
}
const split = asked as Split;
const started = performance.now();
const report = runEvaluation({ split });
console.log(formatReport(report, { verbose: args.includes('--verbose') || args.includes('-v') }));
const violations = split === 'validation' ? checkFloors(report, readFloors()) : [];
const t = timeUnderstanding();
console.log(`\nNLU per message, uncached: mean ${t.meanMs.toFixed(3)} ms CPU, p99 ${t.p99Ms.toFixed(3)} ms wall, over ${t.n} texts (whole answers: node bench/robot.ts)`);
console.log(`(${Math.round(performance.now() - started)} ms)`);
if (violations.length) {
  console.error(`\nBELOW FLOORS:\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
console.log(split === 'validation' ? 'all floors met' : `${split.toUpperCase()} split: floors are checked on VALIDATION only`);
